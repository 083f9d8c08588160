package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.CID2;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.purchase;
import static com.puffy.pipeline.quality.QualityHarness.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.cli.EventPipeCli;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage as a whole: contract files, determinism, cancellation, staleness and the `validate` command. */
class QualityStageTest {
    @TempDir
    Path dir;

    private QualityHarness sample() throws Exception {
        return new QualityHarness(dir)
                .file("events_20250223.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"),
                        view(CID, "2025-02-23T10:00:00.000Z"), ",https://puffy.com/,,2025-02-23T10:00:01.000Z,page_viewed,,ua",
                        "=cmd|' /C calc'!A0,https://puffy.com/,,2025-02-23T10:00:02.000Z,page_viewed,,ua",
                        purchase(CID2, "2025-02-23T11:00:00.000Z",
                                "{\"transaction_id\":\"ORD-1\",\"revenue\":10.50,\"items\":[{\"item_price\":10.5}]}"))
                .file("events_20250224.csv", HEADER.replace("client_id", "clientId"), view(CID2, "2025-02-24T10:00:00.000Z"))
                .file("notes.csv", "a,b", "1,2");
    }

    @Test
    void writesTheContractColumnsOfEveryQualityFile() throws Exception {
        QualityHarness h = sample().run();
        assertThat(h.header("validated_events.csv")).containsExactly("client_id", "page_url", "referrer", "timestamp",
                "event_name", "event_data", "user_agent", "event_id", "file", "line", "partition_date", "is_bot", "flags",
                "order_key", "revenue");
        assertThat(h.header("file_summary.csv")).startsWith("file", "partition_date", "is_event_file", "header",
                "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate", "rows_missing_client_id", "bytes",
                "sha256", "from_cache");
        assertThat(h.header("schema_drift.csv")).containsExactly("file", "partition_date", "change", "column",
                "raw_header", "detail", "episode_files", "metric", "value", "baseline");
        assertThat(h.header("findings.csv")).containsExactly("file", "line", "severity", "code", "column", "value",
                "message", "partition_date");
        assertThat(h.header("quarantine.csv")).containsExactly("file", "line", "reasons", "raw_client_id",
                "raw_page_url", "raw_referrer", "raw_timestamp", "raw_event_name", "raw_event_data", "raw_user_agent",
                "raw_record");
        Map<String, String> first = h.summaryOf("events_20250223.csv");
        assertThat(first).containsEntry("rows_read", "5").containsEntry("rows_valid", "3")
                .containsEntry("rows_quarantined", "1").containsEntry("rows_duplicate", "1")
                .containsEntry("rows_missing_client_id", "1").containsEntry("from_cache", "false");
        assertThat(first.get("sha256")).hasSize(64);
        assertThat(first.get("header")).isEqualTo(HEADER);
    }

    @Test
    void eventIdsAreUniqueAndRowsFollowProcessingOrder() throws Exception {
        QualityHarness h = sample().run();
        List<Map<String, String>> valid = h.valid();
        Set<String> ids = new HashSet<>();
        valid.forEach(v -> ids.add(v.get("event_id")));
        assertThat(ids).hasSize(valid.size());
        assertThat(valid).extracting(v -> v.get("file") + ":" + v.get("line")).containsExactly(
                "events_20250223.csv:2", "events_20250223.csv:5", "events_20250223.csv:6", "events_20250224.csv:2");
        assertThat(valid.get(2)).containsEntry("revenue", "10.5").containsEntry("order_key", "ORD-1");
    }

    @Test
    void formulaLikeCellsAreProtectedInEveryCsv() throws Exception {
        QualityHarness h = sample().run();
        String text = new String(h.bytes("validated_events.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("'=cmd|' /C calc'!A0").doesNotContain("\n=cmd");
        assertThat(h.valid().get(1).get("client_id")).isEqualTo("'=cmd|' /C calc'!A0");
    }

    @Test
    void outputsAreByteIdenticalAcrossRunsThreadsAndTimeZones() throws Exception {
        QualityHarness h = sample().run(ConfigLoader.defaults(), 2);
        Map<String, byte[]> first = snapshot(h);
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            h.run(ConfigLoader.defaults(), 1);
        } finally {
            TimeZone.setDefault(original);
        }
        Map<String, byte[]> second = snapshot(h);
        for (String file : first.keySet()) {
            assertThat(second.get(file)).as(file).isEqualTo(first.get(file));
        }
    }

    private static Map<String, byte[]> snapshot(QualityHarness h) throws Exception {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (String f : new QualityStage().outputs()) {
            files.put(f, h.bytes(f));
        }
        return files;
    }

    @Test
    void spoolFilesAreNotLeftInTheOutputs() throws Exception {
        QualityHarness h = sample().run();
        try (var list = Files.list(h.work)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(new QualityStage().outputs());
        }
    }

    @Test
    void figuresCarryReconciliationPerFileAndInTotal() throws Exception {
        QualityHarness h = sample().run();
        Map<String, Object> figures = h.result.figures();
        assertThat(figures).containsEntry("rows_read", 6L).containsEntry("reconciled", true)
                .containsEntry("files_examined", 3).containsEntry("cache_hits", 0L);
        assertThat(figures.get("quarantined_by_reason")).isEqualTo(Map.of("MISSING_CLIENT_ID", 1L));
        assertThat((List<?>) figures.get("files")).hasSize(3);
        assertThat(figures.get("drift")).isEqualTo(List.of(
                "from events_20250224.csv (1 file): `client_id` arrives as `clientId`"));
    }

    @Test
    void cancelledRunKeepsThePreviousOutputs() throws Exception {
        QualityHarness h = sample();
        Path out = dir.resolve("out");
        RunSettings settings = new RunSettings(h.input, out, ConfigLoader.defaults(), null, LocalDate.of(2025, 3, 1),
                false, null);
        Pipeline pipeline = new Pipeline(List.of(new QualityStage()));
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        byte[] before = Files.readAllBytes(out.resolve("quality/validated_events.csv"));
        Files.writeString(h.input.resolve("events_20250225.csv"), HEADER + "\n" + view(CID, "2025-02-25T10:00:00.000Z") + "\n");
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        PipelineReport report = pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, cancel);
        assertThat(report.stages().get(0).outcome()).isEqualTo(StageOutcome.CANCELLED);
        assertThat(Files.readAllBytes(out.resolve("quality/validated_events.csv"))).isEqualTo(before);
        try (var list = Files.list(out)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @Test
    void aFileAppendedToWhileTheStageReadsItIsNamedInAWarning() throws Exception {
        // A day still being copied: the run used part of it and said nothing (only the next run read it again).
        QualityHarness h = sample();
        Path day = h.input.resolve("events_20250224.csv");
        RunSettings settings = new RunSettings(h.input, dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), false, null);
        PipelineListener appendOnce = new PipelineListener() {
            boolean appended;

            @Override
            public synchronized void stageProgress(StageId stage, long done, long total, String message) {
                if (!appended) {
                    appended = true;
                    try {
                        Files.writeString(day, view(CID2, "2025-02-24T11:00:00.000Z") + "\n",
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        PipelineReport report = new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY),
                false, appendOnce, Cancellation.none());
        var result = report.stages().get(0).result();
        assertThat(result.figures().get("input_warnings")).asList().singleElement().asString()
                .startsWith("events_20250224.csv changed while it was being read (still being copied or written?): "
                        + "this run's outputs hold the ")
                .endsWith("read before the change; run again once the file is complete.");
        assertThat(result.summary()).anyMatch(line -> line.startsWith("Warning: events_20250224.csv changed"));

        // A folder named like a day is listed with size 0: it did not change, whatever size the system gives it.
        Files.createDirectories(h.input.resolve("events_20250301.csv"));
        PipelineReport again = new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY),
                false, PipelineListener.NONE, Cancellation.none());
        assertThat(again.stages().get(0).outcome()).isEqualTo(StageOutcome.RAN);
        assertThat(again.stages().get(0).result().figures().get("input_warnings")).asList().isEmpty();
    }

    @Test
    void aChangedInputFileMakesTheStageStale() throws Exception {
        QualityHarness h = sample();
        RunSettings settings = new RunSettings(h.input, dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), false, null);
        QualityStage stage = new QualityStage();
        String before = stage.inputFingerprint(settings);
        assertThat(stage.inputFingerprint(settings)).isEqualTo(before);
        Files.writeString(h.input.resolve("events_20250224.csv"), HEADER + "\n");
        assertThat(stage.inputFingerprint(settings)).isNotEqualTo(before);
        Files.writeString(h.input.resolve("readme.txt"), "not a csv");
        String withText = stage.inputFingerprint(settings);
        Files.writeString(h.input.resolve("readme.txt"), "still not a csv, longer");
        assertThat(stage.inputFingerprint(settings)).isEqualTo(withText);
    }

    @Test
    void aFileEditedInPlaceKeepingItsSizeAndTimeMakesTheStageStale() throws Exception {
        QualityHarness h = sample();
        RunSettings settings = new RunSettings(h.input, dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), false, null);
        new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none());
        Path file = h.input.resolve("events_20250223.csv");
        String text = Files.readString(file);
        assumeTrue(text.contains("page_viewed"));
        var modified = Files.getLastModifiedTime(file);
        Thread.sleep(20); // the change time has at least millisecond steps on the file systems that have one
        Files.writeString(file, text.replaceFirst("page_viewed", "page_viewex"));
        Files.setLastModifiedTime(file, modified);
        // Same name, size and modification time: the stage said "up to date" and kept the old rows.
        PipelineReport again = new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY),
                false, PipelineListener.NONE, Cancellation.none());
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("unix"), "no change time on this system");
        assertThat(again.stages().get(0).outcome()).isEqualTo(StageOutcome.RAN);
        assertThat(Files.readString(dir.resolve("out/quality/findings.csv"))).contains("UNKNOWN_EVENT_NAME");
    }

    @Test
    void recursiveRunDescendsIntoSubfolders() throws Exception {
        QualityHarness h = sample();
        Path sub = Files.createDirectories(h.input.resolve("march"));
        Files.writeString(sub.resolve("events_20250301.csv"), HEADER + "\n" + view(CID, "2025-03-01T10:00:00.000Z") + "\n");
        h.run();
        assertThat(h.summary()).extracting(s -> s.get("file")).doesNotContain("march/events_20250301.csv");
        RunSettings settings = new RunSettings(h.input, dir.resolve("rec-out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), true, null);
        new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none());
        assertThat(Files.readString(dir.resolve("rec-out/quality/file_summary.csv"))).contains("march/events_20250301.csv");
    }

    @Test
    void aRecursiveRunSkipsFoldersOfEarlierRunsOutputsButFollowsLinkedFiles() throws Exception {
        QualityHarness h = sample();
        RunSettings first = new RunSettings(h.input, h.input.resolve("old-output"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), true, null);
        new Pipeline(List.of(new QualityStage())).run(first, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none());
        assertThat(h.input.resolve("old-output/quality/validated_events.csv")).exists();
        Path elsewhere = Files.writeString(dir.resolve("events_20250301.csv"),
                HEADER + "\n" + view(CID, "2025-03-01T10:00:00.000Z") + "\n");
        Files.createSymbolicLink(h.input.resolve("events_20250301.csv"), elsewhere);

        RunSettings second = new RunSettings(h.input, dir.resolve("new-output"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), true, null);
        new Pipeline(List.of(new QualityStage())).run(second, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none());
        String summary = Files.readString(dir.resolve("new-output/quality/file_summary.csv"));
        assertThat(summary).contains("events_20250301.csv").doesNotContain("old-output", "validated_events");
    }

    @Test
    void anInputFolderGivenAsALinkIsReadAsTheFolderItLinksTo() throws Exception {
        QualityHarness h = sample();
        Path link = Files.createSymbolicLink(dir.resolve("events-link"), h.input);
        Files.createDirectories(h.input.resolve("sub.csv"));
        RunSettings settings = new RunSettings(link, dir.resolve("link-out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), false, null);
        new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none());
        // It found "no CSV file" there: the walk saw the link, not the folder. A subfolder is listed as skipped, and
        // not descended into, through the link as directly.
        assertThat(Files.readString(dir.resolve("link-out/quality/file_summary.csv")))
                .isEqualTo(Files.readString(runOf(h.input, dir.resolve("plain-out")).resolve("file_summary.csv")))
                .contains("sub.csv");
    }

    private static Path runOf(Path input, Path output) {
        new Pipeline(List.of(new QualityStage())).run(new RunSettings(input, output, ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), false, null), EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none());
        return output.resolve("quality");
    }

    @Test
    void aRecursiveRunReadsLinkedFoldersAndStepsOverALinkLoop() throws Exception {
        QualityHarness h = sample();
        Path elsewhere = Files.createDirectories(dir.resolve("archive/2025-03"));
        Files.writeString(elsewhere.resolve("events_20250301.csv"),
                HEADER + "\n" + view(CID, "2025-03-01T10:00:00.000Z") + "\n");
        Files.createSymbolicLink(h.input.resolve("march"), elsewhere);
        Path sub = Files.createDirectories(h.input.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("up"), h.input);
        RunSettings settings = new RunSettings(h.input, dir.resolve("linked-out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), true, null);
        new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none());
        String summary = Files.readString(dir.resolve("linked-out/quality/file_summary.csv"));
        // The linked month was skipped without a word; the loop is read once, not followed round.
        assertThat(summary).contains("march/events_20250301.csv").doesNotContain("sub/up");
    }

    @Test
    void aRecursiveRunIntoAFolderAboveTheInputStillReadsItsSubfolders() throws Exception {
        QualityHarness h = sample();
        Path sub = Files.createDirectories(h.input.resolve("march"));
        Files.writeString(sub.resolve("events_20250301.csv"), HEADER + "\n" + view(CID, "2025-03-01T10:00:00.000Z") + "\n");
        // --input p/events --output p: every subfolder of the input lies inside the output folder, and all were skipped.
        RunSettings settings = new RunSettings(h.input, h.input.getParent(), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 1), true, null);
        new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none());
        assertThat(Files.readString(h.input.getParent().resolve("quality/file_summary.csv")))
                .contains("march/events_20250301.csv");
    }

    @Test
    void validateCommandPrintsAPlainSummaryAndSucceeds() throws Exception {
        QualityHarness h = sample();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), "validate", "--input", h.input.toString(), "--output",
                dir.resolve("cli-out").toString(), "--no-cache");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Quality:", "Files: 3 examined, 2 event files; 1 not an event file (notes.csv)",
                "Rows: 6 read = 4 valid + 1 quarantined + 1 duplicate (reconciled).",
                "Quarantined by reason (a row may have several): MISSING_CLIENT_ID 1.",
                "Duplicates dropped: 1 exact copy (DUPLICATE_EVENT), 0 purchase replays (DUPLICATE_PURCHASE).",
                "RENAMED from events_20250224.csv (1 file): `client_id` arrives as `clientId`",
                "events_20250223.csv: 5 = 3 + 1 + 1");
        assertThat(Files.exists(dir.resolve("cli-out/quality/validated_events.csv"))).isTrue();
        assertThat(Files.readString(dir.resolve("cli-out/run.json"))).contains("\"rows_read\" : 6", "\"reconciled\" : true");
        assertThat(err.toString()).contains("Quality: 100% 6 rows read = 4 valid + 1 quarantined + 1 duplicate (reconciled)");
    }

    @Test
    void validateCommandSaysWhyAFileNamedAsADayWasSkipped() throws Exception {
        QualityHarness h = sample().raw("events_20250225.csv.gz", new byte[] {0x1f, (byte) 0x8b})
                .raw("._events_20250223.csv", new byte[] {0, 5, 22, 7});
        StringWriter out = new StringWriter();
        int code = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), "validate", "--input", h.input.toString(), "--output",
                dir.resolve("cli-out").toString(), "--no-cache");
        assertThat(code).isZero();
        // The day-named file is explained; notes.csv (no date) and the macOS companion are only counted.
        assertThat(out.toString().lines().filter(line -> line.contains("Skipped:"))).containsExactly(
                "  Skipped: events_20250225.csv.gz is compressed (gzip), not a CSV file, and was skipped: unpack it"
                        + " into the same folder, so that events_20250225.csv lies there, and run again.");
    }

    @Test
    void validateCommandOnAMissingFolderExitsWithThreeAndNamesIt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), "validate", "--input", dir.resolve("nope").toString(), "--no-cache");
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains(dir.resolve("nope").toString(), "does not exist").doesNotContain("Exception");
    }

    @Test
    void validateCommandOnAFolderWithoutEventFilesExitsWithThree() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        Files.writeString(empty.resolve("products.csv"), "sku,price\nA,1\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), "validate", "--input", empty.toString(), "--no-cache");
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("No event CSV files in").doesNotContain("Exception");
    }
}
