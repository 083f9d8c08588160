package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.puffy.pipeline.ElsewhereDefaults;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The value axis of every chart ends at a labelled tick at or above the highest value, read from the SVG. */
class ChartsTest {
    private static final Pattern NUMBER_LABEL = Pattern.compile(">(\\$?)([0-9][0-9,]*(?:\\.[0-9]+)?)(%?)</text>");

    /** The values of the number labels of a chart's SVG (tick labels; these charts have no item labels). */
    private static List<Double> numberLabels(String svg) {
        List<Double> values = new ArrayList<>();
        Matcher m = NUMBER_LABEL.matcher(svg);
        while (m.find()) {
            double value = Double.parseDouble(m.group(2).replace(",", ""));
            values.add(m.group(3).isEmpty() ? value : value / 100);
        }
        return values;
    }

    private static List<AnalysisResult.DailyTrend> days(double... values) {
        List<AnalysisResult.DailyTrend> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2025, 2, 23);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            days.add(new AnalysisResult.DailyTrend(first.plusDays(i).toString(), 0, Math.round(v), 0, 0, v, 0,
                    v, 0, 0, 0, 0, ""));
        }
        return days;
    }

    /** The last tick is at or above the maximum and the one before it below: the axis ends at the next round tick. */
    private static void assertEndsAtTheFirstTickAtOrAbove(String svg, double max, String what) {
        List<Double> ticks = numberLabels(svg);
        assertThat(ticks).as("%s: tick labels", what).hasSizeGreaterThanOrEqualTo(2).contains(0.0);
        double last = ticks.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(last).as("%s: last tick", what).isGreaterThanOrEqualTo(max);
        assertThat(ticks.stream().filter(t -> t >= max).count()).as("%s: ticks at or above %s", what, max)
                .isEqualTo(1);
    }

    /** The dates a daily chart's axis names, in order ("Feb 23" and "Feb 23, 2025" alike). */
    private static List<LocalDate> dateLabels(String svg, int year) {
        List<LocalDate> dates = new ArrayList<>();
        Matcher m = Pattern.compile(">([A-Z][a-z]{2} [0-9]{1,2})(?:, ([0-9]{4}))?</text>").matcher(svg);
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("MMM d yyyy",
                java.util.Locale.US);
        while (m.find()) {
            dates.add(LocalDate.parse(m.group(1) + " " + (m.group(2) == null ? year : m.group(2)), format));
        }
        return dates;
    }

    /** The SVGs of the charts drawn on a date axis: revenue bars and the sessions line, wide and narrow. */
    private static List<String> dailyAxes(List<AnalysisResult.DailyTrend> days) {
        Charts.Drawing revenue = Charts.dailyRevenue(days, "r");
        Charts.Drawing sessions = Charts.dailyLine(days, false, "s");
        return List.of(revenue.wide(), revenue.narrow(), sessions.wide(), sessions.narrow());
    }

    private static List<AnalysisResult.DailyTrend> daysFrom(LocalDate first, int count) {
        List<AnalysisResult.DailyTrend> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(new AnalysisResult.DailyTrend(first.plusDays(i).toString(), 0, 10 + i % 3, 0, 1, 100 + i, 100 + i,
                    0.01, 0, 0, 0, 0, ""));
        }
        return days;
    }

    /** The percentages a chart's axis writes, in order of appearance ("0.9%", "1.0%"). */
    private static List<String> percentLabels(String svg) {
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile(">([0-9]+(?:\\.[0-9]+)?%)</text>").matcher(svg);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    @Test
    void aRateAxisWritesEveryTickWithTheDecimalsOfItsStep() {
        // The conversion line stepping by 0.25 % read "0%, 0.25%, 0.5%, 0.75%, 1%": each tick dropped its own zeros.
        List<AnalysisResult.DailyTrend> days = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            days.add(new AnalysisResult.DailyTrend(LocalDate.of(2025, 2, 23).plusDays(i).toString(), 0, 1000, 0, 10,
                    100, 10, 0.0085 + 0.0002 * i, 0, 0, 0, 0, "", true));
        }
        Charts.Drawing line = Charts.dailyLine(days, true, "c");
        for (String svg : List.of(line.wide(), line.narrow())) {
            List<String> ticks = percentLabels(svg);
            assertThat(ticks).hasSizeGreaterThanOrEqualTo(3);
            // The axis' origin bare, as the app's axes write it: "0.00%" under "0.25%" (decision 0833).
            assertThat(ticks).contains("0%").doesNotContain("0.00%", "0.0%");
            assertThat(ticks.stream().filter(t -> !t.equals("0%"))
                    .map(t -> t.indexOf('.') < 0 ? 0 : t.length() - t.indexOf('.') - 2).distinct())
                    .as("decimals of %s", ticks).hasSize(1);
        }
        // Any axis: the format the ticks get, over the ticks of its step (the device bars' labels are their rates).
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(java.util.Locale.US);
        percent.setMaximumFractionDigits(1);
        for (double step : new double[] {0.001, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1}) {
            java.text.NumberFormat format = Charts.labelFormat(percent, step);
            List<String> ticks = java.util.stream.IntStream.range(0, 9).mapToObj(i -> format.format(i * step)).toList();
            assertThat(ticks.get(0)).isEqualTo("0%");
            assertThat(ticks.stream().skip(1).map(t -> t.indexOf('.') < 0 ? 0 : t.length() - t.indexOf('.') - 2)
                    .distinct()).as("decimals of %s", ticks).hasSize(1);
            // Set again on an axis that has it already (a second range), still one format.
            assertThat(Charts.labelFormat(format, step).format(step)).isEqualTo(format.format(step));
            assertThat(Charts.labelFormat(format, step).format(0.1 * 3 - 0.3)).isEqualTo("0%");
        }
        assertThat(Charts.labelFormat(percent, 0.001).format(0.01)).isEqualTo("1.0%");
        assertThat(Charts.labelFormat(percent, 0.0025).format(0.01)).isEqualTo("1.00%");
        assertThat(Charts.labelFormat(percent, 0.01).format(0.01)).isEqualTo("1%");
    }

    @Test
    void theDailyChartsLabelTheirFirstDayAndDaysAfterItNeverADayOffTheAxis() {
        // Bars from Feb 23 under a first label "Feb 21": weekly ticks were counted from the month's 7th, 14th,
        // 21st and 28th, and a tick before the first bar was kept.
        for (LocalDate first : List.of(LocalDate.of(2025, 2, 23), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 20),
                LocalDate.of(2024, 12, 20))) {
            for (int count : new int[] {5, 14, 30, 45}) {
                List<AnalysisResult.DailyTrend> days = daysFrom(first, count);
                LocalDate last = first.plusDays(count - 1);
                for (String svg : dailyAxes(days)) {
                    List<LocalDate> labels = dateLabels(svg, first.getYear());
                    String what = count + " days from " + first + ": " + labels;
                    assertThat(labels).as(what).isNotEmpty().first().isEqualTo(first);
                    assertThat(labels).as(what).allMatch(d -> !d.isBefore(first) && !d.isAfter(last));
                    long step = labels.size() < 2 ? 1 : java.time.temporal.ChronoUnit.DAYS.between(labels.get(0),
                            labels.get(1));
                    for (int i = 1; i < labels.size(); i++) {
                        assertThat(labels.get(i)).as(what).isEqualTo(labels.get(i - 1).plusDays(step));
                    }
                }
            }
        }
    }

    @Test
    void theDailyChartsOfOnePageNameTheSameDaysWhateverTheirWidths() {
        // 120 days: the wide revenue bars read weekly "Jan 10, Jan 17, …" above the half-width lines' "Feb 1, Mar 1".
        for (int count : new int[] {7, 14, 30, 45, 120, 400}) {
            List<AnalysisResult.DailyTrend> days = daysFrom(LocalDate.of(2025, 1, 10), count);
            Charts.Drawing revenue = Charts.dailyRevenue(days, "r");
            Charts.Drawing sessions = Charts.dailyLine(days, false, "s");
            Charts.Drawing rate = Charts.dailyLine(days, true, "c");
            List<LocalDate> wide = dateLabels(revenue.wide(), 2025);
            assertThat(wide).as(count + " days, wide page").isNotEmpty();
            assertThat(dateLabels(sessions.wide(), 2025)).as(count + " days, wide page").isEqualTo(wide);
            assertThat(dateLabels(rate.wide(), 2025)).as(count + " days, wide page").isEqualTo(wide);
            List<LocalDate> narrow = dateLabels(revenue.narrow(), 2025);
            assertThat(dateLabels(sessions.narrow(), 2025)).as(count + " days, narrow page").isEqualTo(narrow);
            assertThat(dateLabels(rate.narrow(), 2025)).as(count + " days, narrow page").isEqualTo(narrow);
            if (count == 120) {
                assertThat(wide).as("four months").containsExactly(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 1));
            }
        }
    }

    @Test
    void theDailyChartsDrawAlikeOnAnyMachineThaiBuddhistAndJapaneseImperialCalendarsToo() throws Exception {
        // Under th_TH and ja_JP_JP the report's daily charts had no date labels at all.
        List<AnalysisResult.DailyTrend> days = daysFrom(LocalDate.of(2025, 2, 23), 14);
        List<String> here = dailyCharts(days);
        assertThat(dateLabels(here.get(0), 2025)).as("the premise: labels here").isNotEmpty();
        for (ElsewhereDefaults.Machine machine : ElsewhereDefaults.MACHINES) {
            List<String> there = ElsewhereDefaults.on(machine, () -> dailyCharts(days));
            for (int i = 0; i < here.size(); i++) {
                assertThat(dateLabels(there.get(i), 2025)).as("chart %d's dates on %s", i, machine)
                        .isEqualTo(dateLabels(here.get(i), 2025));
                assertThat(there.get(i)).as("chart %d on %s", i, machine).isEqualTo(here.get(i));
            }
        }
    }

    private static List<String> dailyCharts(List<AnalysisResult.DailyTrend> days) {
        Charts.Drawing revenue = Charts.dailyRevenue(days, "r");
        Charts.Drawing sessions = Charts.dailyLine(days, false, "s");
        Charts.Drawing rate = Charts.dailyLine(days, true, "c");
        return List.of(revenue.wide(), revenue.narrow(), sessions.wide(), sessions.narrow(), rate.wide(), rate.narrow());
    }

    @Test
    void chartsOfSeveralMonthsNameTheFirstDaysOfMonthsNotTheirMiddles() {
        // 120 days from Jan 10: the sessions and conversion charts read "Jan 16, Feb 14, Mar 16, Apr 15", JFreeChart's
        // month ticks in the middle of each month, named by whichever day that was.
        int monthCharts = 0;
        for (LocalDate first : List.of(LocalDate.of(2025, 1, 10), LocalDate.of(2024, 11, 20))) {
            for (int count : new int[] {120, 200, 400}) {
                List<AnalysisResult.DailyTrend> days = daysFrom(first, count);
                LocalDate last = first.plusDays(count - 1);
                for (String svg : dailyAxes(days)) {
                    List<LocalDate> labels = dateLabels(svg, first.getYear());
                    String what = count + " days from " + first + ": " + labels;
                    assertThat(labels).as(what).hasSizeGreaterThanOrEqualTo(2)
                            .allMatch(d -> !d.isBefore(first) && !d.isAfter(last));
                    long step = java.time.temporal.ChronoUnit.DAYS.between(labels.get(0), labels.get(1));
                    if (step < 28) {
                        assertThat(labels.get(0)).as(what).isEqualTo(first);
                        continue;
                    }
                    monthCharts++;
                    assertThat(labels).as(what).allMatch(d -> d.getDayOfMonth() == 1);
                    long months = java.time.temporal.ChronoUnit.MONTHS.between(labels.get(0), labels.get(1));
                    assertThat(labels.get(0)).as(what).isEqualTo(Ticks.monthStarts(first, last, (int) months).get(0));
                    for (int i = 1; i < labels.size(); i++) {
                        assertThat(labels.get(i)).as(what).isEqualTo(labels.get(i - 1).plusMonths(months));
                    }
                }
            }
        }
        assertThat(monthCharts).as("charts ticked by months").isGreaterThan(0);
    }

    @Test
    void aDaysDotOnTheDailyLinesStandsUnderItsDateLabel() {
        // The first dot stood 15 px left of "Feb 23", halfway between it and the day before: the points sat at the
        // start of their day and the labels in its middle.
        List<AnalysisResult.DailyTrend> days = daysFrom(LocalDate.of(2025, 2, 23), 14);
        java.awt.FontMetrics metrics = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics().getFontMetrics(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 12));
        for (boolean conversionRate : new boolean[] {false, true}) {
            String svg = Charts.dailyLine(days, conversionRate, "s").wide();
            Matcher label = Pattern.compile("<text x='([-0-9.]+)'[^>]*>Feb 23</text>").matcher(svg);
            assertThat(label.find()).isTrue();
            double labelCentre = Double.parseDouble(label.group(1)) + metrics.stringWidth("Feb 23") / 2.0;
            // JFreeSVG writes a dot of radius 3 as a path from its rightmost point.
            Matcher dot = Pattern.compile("<path d='M([-0-9.]+),([-0-9.]+)C").matcher(svg);
            assertThat(dot.find()).isTrue();
            assertThat(Double.parseDouble(dot.group(1)) - 3).as("the first dot's centre, conversion " + conversionRate)
                    .isCloseTo(labelCentre, within(2.0));
        }
    }

    @Test
    void dailyRevenueEndsAtARoundTickAboveTheTallestBar() {
        // The 10M-event report: bars reached $3.76M under a last gridline of $3,000,000.
        String svg = Charts.dailyRevenue(days(3_100_000, 3_760_000, 2_900_000), "r").wide();
        assertThat(svg).contains(">$4,000,000</text>").doesNotContain(">$5,000,000</text>");
        for (double[] values : new double[][] {{3_100_000, 3_760_000}, {999, 500}, {1001, 12}, {1000}, {37},
                {0.37, 0.2}}) {
            double max = java.util.Arrays.stream(values).max().orElseThrow();
            assertEndsAtTheFirstTickAtOrAbove(Charts.dailyRevenue(days(values), "r").wide(), Math.round(max) == max ? max
                    : Math.ceil(max), "revenue " + max);
        }
    }

    @Test
    void dailyLinesEndAtARoundTickAboveTheHighestPoint() {
        for (double max : new double[] {3_760_000, 999, 1001, 7}) {
            assertEndsAtTheFirstTickAtOrAbove(Charts.dailyLine(days(max / 2, max, max / 3), false, "s").wide(), max,
                    "sessions " + max);
        }
        for (double max : new double[] {0.37, 0.0123, 0.999, 1}) {
            assertEndsAtTheFirstTickAtOrAbove(Charts.dailyLine(days(max / 2, max), true, "c").wide(), max, "rate " + max);
        }
    }

    @Test
    void aChartWithOnlyZerosOrNoDaysHasAnAxisFromZeroToOne() {
        for (String svg : List.of(Charts.dailyRevenue(days(0, 0, 0), "r").wide(), Charts.dailyLine(days(0), false, "s").wide(),
                Charts.dailyRevenue(days(), "e").wide())) {
            assertThat(numberLabels(svg)).startsWith(0.0).endsWith(1.0);
        }
        assertThat(numberLabels(Charts.dailyLine(days(0, 0), true, "c").wide())).startsWith(0.0).endsWith(1.0);
    }

    @Test
    void barsLabelledAtTheirEndStillEndUnderTheLastTickWithRoomForTheLabel() {
        List<AnalysisResult.TopProduct> products = List.of(
                new AnalysisResult.TopProduct(1, "Puffy Lux Hybrid Mattress", 9_413, 9_413, 19_530_595, 0.4, 0),
                new AnalysisResult.TopProduct(2, "The Puffy Mattress", 13_405, 13_405, 11_626_765, 0.2, 0));
        List<Double> ticks = numberLabels(Charts.topProducts(products, "p").wide());
        ticks.removeAll(List.of(19_530_595.0, 11_626_765.0));
        double last = ticks.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(last).isGreaterThanOrEqualTo(19_530_595 * 1.15);
        assertThat(ticks.stream().filter(t -> t >= 19_530_595 * 1.15).count()).isEqualTo(1);
    }

    /** The days of a two-week period with data, without {@code skipped} (ISO dates), the 3rd day flagged. */
    private static List<AnalysisResult.DailyTrend> twoWeeksWithout(String... skipped) {
        List<AnalysisResult.DailyTrend> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2025, 2, 23);
        for (int i = 0; i < 14; i++) {
            String date = first.plusDays(i).toString();
            if (!List.of(skipped).contains(date)) {
                days.add(new AnalysisResult.DailyTrend(date, 0, 1000 + 10 * i, 0, 5, 5000 + 100 * i, 0, 0.01, 0, 0,
                        0, 0, date.equals("2025-03-02") ? "client_id missing" : ""));
            }
        }
        return days;
    }

    /** The segments of a line chart's series: JFreeSVG writes each as a {@code <line>} 2.2 wide. */
    private static int seriesSegments(String svg) {
        return svg.split("stroke-width:2.2", -1).length - 1;
    }

    @Test
    void aDayWithoutDataLeavesTheDailyLinesOpenAndSaysNoData() {
        List<AnalysisResult.DailyTrend> all = twoWeeksWithout();
        List<AnalysisResult.DailyTrend> gap = twoWeeksWithout("2025-03-01");
        assertThat(seriesSegments(Charts.dailyLine(all, false, "s").wide())).as("14 days, 13 segments").isEqualTo(13);
        for (boolean rate : new boolean[] {false, true}) {
            String svg = Charts.dailyLine(gap, rate, "s").wide();
            // Feb 28 to Mar 2 was one straight segment, as if Mar 1 lay halfway between them.
            assertThat(seriesSegments(svg)).as("13 days with one missing: no segment across it").isEqualTo(11);
            assertThat(svg).contains(">no data</text>");
            // JFreeChart draws a marker at 80 % opacity, its label too: the label in the text colour, as the axes'.
            assertThat(svg).containsPattern("fill: rgb\\(61,74,92\\); fill-opacity: 1.0;[^>]*>no data</text>");
        }
        assertThat(Charts.dailyLine(all, false, "s").wide()).doesNotContain(">no data</text>");
        assertThat(Charts.dailySeries("x", gap, AnalysisResult.DailyTrend::revenue).getValue(
                new org.jfree.data.time.Day(1, 3, 2025))).as("Mar 1 is empty, not zero").isNull();
    }

    @Test
    void aDayWithoutDataHasNoBarAndTheAmberBarStaysOnTheFlaggedDay() {
        String svg = Charts.dailyRevenue(twoWeeksWithout("2025-03-01"), "r").wide();
        assertThat(svg).contains(">no data</text>");
        assertThat(svg.split("fill:rgb\\(233,162,59\\)", -1).length - 1).as("one amber bar").isEqualTo(1);
        assertThat(svg.split("fill:rgb\\(31,58,95\\)", -1).length - 1).as("12 navy bars").isEqualTo(12);
    }

    @Test
    void noDataStaysInsideItsBandOnTheHalfWidthChartsAndIsLeftOutWhereABandIsNarrowerThanTheText() {
        // On the half-width charts a day's band is about 31 px wide and the marker's "no data", written across it,
        // 42 px (more in a browser's font): it ran out of the band over the neighbouring days' points.
        List<AnalysisResult.DailyTrend> gaps = twoWeeksWithout("2025-02-28", "2025-03-02");
        for (String svg : List.of(Charts.dailyLine(gaps, false, "s").wide(), Charts.dailyLine(gaps, true, "c").wide(),
                Charts.dailyRevenue(gaps, "r").wide())) {
            List<double[]> bands = noDataBands(svg);
            List<double[]> labels = noDataLabels(svg);
            assertThat(bands).hasSize(2);
            assertThat(labels).as("one label per band").hasSize(2);
            for (double[] label : labels) {
                assertThat(bands).as("label %s inside a band of %s", java.util.Arrays.toString(label), bands.stream()
                        .map(java.util.Arrays::toString).toList()).anyMatch(band -> band[0] <= label[0]
                        && label[1] <= band[1] && band[2] <= label[2] && label[3] <= band[3]);
            }
        }
        // A year of days on a half-width chart: a day's band is about 1 px, no room for any text.
        List<AnalysisResult.DailyTrend> year = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            if (i != 100) {
                String date = LocalDate.of(2025, 1, 1).plusDays(i).toString();
                year.add(new AnalysisResult.DailyTrend(date, 0, 1000, 0, 5, 5000, 0, 0.01, 0, 0, 0, 0, ""));
            }
        }
        String svg = Charts.dailyLine(year, false, "y").wide();
        assertThat(noDataBands(svg)).hasSize(1);
        assertThat(svg).doesNotContain(">no data</text>");
    }

    @Test
    void aDayBetweenTwoDaysWithoutDataKeepsItsDotOnALineOfMoreThanAMonth() {
        // 45 days without Mar 1 and Mar 3: the line has no dots past a month and no segment to Mar 2 from either
        // side, so Mar 2 was not drawn at all.
        List<AnalysisResult.DailyTrend> days = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String date = LocalDate.of(2025, 2, 23).plusDays(i).toString();
            if (!date.equals("2025-03-01") && !date.equals("2025-03-03")) {
                days.add(new AnalysisResult.DailyTrend(date, 0, 1000 + i, 0, 5, 5000, 0, 0.01, 0, 0, 0, 0, ""));
            }
        }
        for (boolean rate : new boolean[] {false, true}) {
            String svg = Charts.dailyLine(days, rate, "s").wide();
            String dot = "<g style='fill:rgb(" + (rate ? "42,157,143" : "31,58,95") + ");stroke:none'";
            assertThat(svg.split(Pattern.quote(dot), -1).length - 1).as("one dot, Mar 2's").isEqualTo(1);
        }
        List<AnalysisResult.DailyTrend> month = twoWeeksWithout("2025-02-28", "2025-03-02");
        assertThat(Charts.dailyLine(month, false, "s").wide().split(Pattern.quote("<g style='fill:rgb(31,58,95);stroke:none'"),
                -1).length - 1).as("up to a month, every day its dot").isEqualTo(12);
    }

    /** The grey bands' boxes: left, right, top, bottom. */
    private static List<double[]> noDataBands(String svg) {
        List<double[]> bands = new ArrayList<>();
        Matcher m = Pattern.compile("<rect x='([-0-9.]+)' y='([-0-9.]+)' width='([0-9.]+)' height='([0-9.]+)' "
                + "style='fill:rgb\\(238,240,243\\)").matcher(svg);
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            bands.add(new double[] {x, x + Double.parseDouble(m.group(3)), y, y + Double.parseDouble(m.group(4))});
        }
        return bands;
    }

    /**
     * The boxes (left, right, top, bottom) the "no data" labels take in a browser, its text as long as the wide
     * estimate of the value axes' labels: written across, or up under a rotation of JFreeSVG's
     * {@code matrix(0,-1,1,0,e,f)}, which puts a point (x, y) of the text at (y + e, f - x).
     */
    private static List<double[]> noDataLabels(String svg) {
        List<double[]> labels = new ArrayList<>();
        Matcher m = Pattern.compile("<g(?: transform='matrix\\(([-0-9.,]+)\\)')?><text x='([-0-9.]+)' "
                + "y='([-0-9.]+)'[^>]*font-size: ([0-9.]+)px;[^>]*>no data</text>").matcher(svg);
        while (m.find()) {
            double x = Double.parseDouble(m.group(2));
            double y = Double.parseDouble(m.group(3));
            double size = Double.parseDouble(m.group(4));
            double length = Charts.labelWidthEstimate(Charts.NO_DATA_LABEL, size);
            double ascent = 0.95 * size;
            double descent = 0.25 * size;
            if (m.group(1) == null) {
                labels.add(new double[] {x, x + length, y - ascent, y + descent});
            } else {
                String[] matrix = m.group(1).split(",");
                assertThat(matrix).as("a rotation by a quarter turn back").startsWith("0", "-1", "1", "0");
                double e = Double.parseDouble(matrix[4]);
                double f = Double.parseDouble(matrix[5]);
                labels.add(new double[] {y - ascent + e, y + descent + e, f - x - length, f - x});
            }
        }
        return labels;
    }
}
