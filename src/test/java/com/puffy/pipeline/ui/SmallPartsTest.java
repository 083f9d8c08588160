package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.PipelineException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void launcherReadsTheInputFolderInBothSpellings() {
        assertThat(StudioLauncher.inputFolder(List.of("--input", "/x/y"))).isEqualTo(Path.of("/x/y"));
        assertThat(StudioLauncher.inputFolder(List.of("--input=/x/z"))).isEqualTo(Path.of("/x/z"));
        assertThat(StudioLauncher.inputFolder(List.of())).isNull();
    }

    @Test
    void engineErrorsAreShownAsTheirOwnSentence() {
        UiError error = UiError.of("run", PipelineException.usage("The folder is empty: pick another."));
        assertThat(error.message()).isEqualTo("The folder is empty: pick another.");
        assertThat(error.details()).contains("PipelineException");
    }

    @Test
    void unexpectedErrorsGetOneSentenceAndTheTraceBehindDetails() {
        UiError error = UiError.of("read the table", new IllegalStateException("boom"));
        assertThat(error.message()).isEqualTo("Could not read the table (IllegalStateException: boom); "
                + "see Details, and the log file for more.");
        assertThat(error.details()).contains("at com.puffy");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Formats.duration(Duration.ofMillis(1234))).isEqualTo("1.2 s");
        assertThat(Formats.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
        assertThat(Formats.count(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void moneyDaysAndMomentsReadAsTheReportWritesThem() {
        assertThat(Formats.money(264_653.69)).isEqualTo("$264,654");
        assertThat(Formats.money(885.13)).as("the report's average order").isEqualTo("$885");
        assertThat(Formats.money(10.11)).isEqualTo("$10.11");
        assertThat(Formats.longDate("2025-03-04")).isEqualTo("Mar 4, 2025");
        assertThat(Formats.dateRange("2025-02-23", "2025-03-08")).isEqualTo("Feb 23 → Mar 8, 2025");
        assertThat(Formats.dateRange("2024-12-30", "2025-01-02")).isEqualTo("Dec 30, 2024 → Jan 2, 2025");
        java.time.Instant at = java.time.Instant.parse("2025-02-23T21:03:12.345Z");
        assertThat(Formats.moment(at, false)).isEqualTo("Feb 23 21:03 UTC");
        assertThat(Formats.moment(at, true)).isEqualTo("Feb 23, 2025 21:03 UTC");
        assertThat(Formats.momentToTheSecond(at)).isEqualTo("Feb 23, 2025 21:03:12 UTC");
        assertThat(Formats.localMoment(at, java.time.ZoneId.of("America/Los_Angeles"))).isEqualTo("Feb 23 13:03");
    }

    @Test
    void aStageLinesRevenueReadsAsTheAppsMoneyAndNothingElseChanges() {
        assertThat(MainViewModel.inTheAppsWords(List.of(
                "47,985 valid events → 30,131 sessions (3,944 bot), 28,508 users, 299 conversions, revenue 264,653.69",
                "WARNING DIRECT_SHARE_SHIFT 2025-03-05: Direct share of revenue 77.9% (baseline 35.8%)",
                "revenue 12.50 in all")))
                .containsExactly(
                        "47,985 valid events → 30,131 sessions (3,944 bot), 28,508 users, 299 conversions, revenue $264,654",
                        "WARNING DIRECT_SHARE_SHIFT 2025-03-05: Direct share of revenue 77.9% (baseline 35.8%)",
                        "revenue $12.50 in all");
    }

    @Test
    void saveOpensInTheLastExportFolderElseTheHomeFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path last = java.nio.file.Files.createDirectories(dir.resolve("exports"));
        Path home = java.nio.file.Files.createDirectories(dir.resolve("home"));
        assertThat(MainView.exportFolder(last.toString(), home)).isEqualTo(last.toFile());
        assertThat(MainView.exportFolder(null, home)).as("nothing exported yet").isEqualTo(home.toFile());
        assertThat(MainView.exportFolder(dir.resolve("gone").toString(), home)).as("a folder since removed")
                .isEqualTo(home.toFile());
    }

    @Test
    void anIncidentLineNamesItsAlertsAndDays() {
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.incidentLine(
                new com.puffy.pipeline.ui.monitor.MonitoringViewModel.Incident("I-20250301-CLIENT_ID_NULL_RATE",
                        "CLIENT_ID_NULL_RATE", "2025-03-01", "2025-03-02", "2", "CRITICAL")))
                .isEqualTo("Part of the CLIENT_ID_NULL_RATE incident: 2 alerts, Mar 1 → Mar 2, 2025");
    }

    @Test
    void theWindowFitsASmallLaptopScreen() {
        javafx.geometry.Rectangle2D small = StudioApp.windowSize(new javafx.geometry.Rectangle2D(0, 0, 1280, 720));
        assertThat(small.getWidth()).isLessThanOrEqualTo(1280);
        assertThat(small.getHeight()).isLessThanOrEqualTo(720 - 30);
        javafx.geometry.Rectangle2D tiny = StudioApp.windowSize(new javafx.geometry.Rectangle2D(0, 0, 1024, 740));
        assertThat(tiny.getWidth()).isLessThanOrEqualTo(1024);
        assertThat(tiny.getHeight()).isLessThanOrEqualTo(740);
        javafx.geometry.Rectangle2D large = StudioApp.windowSize(new javafx.geometry.Rectangle2D(0, 0, 2560, 1400));
        assertThat(large.getWidth()).isEqualTo(1440);
        assertThat(large.getHeight()).isEqualTo(900);
    }

    @Test
    void monitoringAxesWriteRatesAsPercentagesAndCountsWithSeparators() {
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.axisLabel("client_id_null_rate", 0.15))
                .isEqualTo("15%");
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.axisLabel("bot_share", 0.125)).isEqualTo("12.5%");
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.axisLabel("session_cvr", 0.0093))
                .isEqualTo("0.93%");
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.axisLabel("events", 25000)).isEqualTo("25,000");
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.axisLabel("orders_zero_revenue", 2)).isEqualTo("2");
        // Revenue in dollars, as the REVENUE_ANOMALY alert beside the chart words it.
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.axisLabel("revenue", 29531.98)).isEqualTo("$29,532");
        assertThat(com.puffy.pipeline.ui.monitor.MonitoringViewModel.axisLabel("revenue", 32500)).isEqualTo("$32,500");
    }

    @Test
    void monitoringAxesWriteEveryTickWithTheDecimalsOfTheirStep() {
        // session_cvr stepping by 0.05 % read "0.9%, 0.95%, 1%"; revenue stepping by $25 "$0.00, $25.00, … $100".
        java.util.function.BiFunction<String, double[], List<String>> ticks = (metric, range) ->
                java.util.stream.IntStream.range(0, 5).mapToObj(i -> com.puffy.pipeline.ui.monitor.MonitoringViewModel
                        .axisTick(metric, range[0] + i * range[1], range[1])).toList();
        assertThat(ticks.apply("session_cvr", new double[] {0.009, 0.0005}))
                .containsExactly("0.90%", "0.95%", "1.00%", "1.05%", "1.10%");
        assertThat(ticks.apply("revenue", new double[] {0, 25})).containsExactly("$0", "$25", "$50", "$75", "$100");
        assertThat(ticks.apply("events", new double[] {1000, 250}))
                .containsExactly("1,000", "1,250", "1,500", "1,750", "2,000");
        assertThat(ticks.apply("orders_zero_revenue", new double[] {0, 0.5}))
                .containsExactly("0", "0.5", "1.0", "1.5", "2.0");
    }

    @Test
    void engineAdviceNamesTheAppsButtonsNotCommandLineOptions() {
        assertThat(UiError.of("run", PipelineException.usage(
                "The output folder /tmp/x-pipeline is a file, not a folder: choose another with --output.")).message())
                .isEqualTo("The output folder /tmp/x-pipeline is a file, not a folder: choose another with Change… "
                        + "beside Output (File → Change output folder…).");
        assertThat(UiError.inTheAppsWords("monitoring/alerts.csv is missing: run the Transform stage first "
                + "(eventpipe transform --input DIR).")).isEqualTo("monitoring/alerts.csv is missing: run the Transform "
                + "stage first.");
        assertThat(UiError.inTheAppsWords("Configuration file /x.yaml does not exist: check the --config path."))
                .doesNotContain("--config").contains("Change… beside Rules");
    }
}
