package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.CID2;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.UA;
import static com.puffy.pipeline.quality.QualityHarness.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.QualityConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows the writer changes after validation (the spool holds every row's final bytes otherwise): EXTRA columns
 * laid out differently from the global set, transaction-id collisions, files dated by their content, and failures.
 */
class QualityWriterTest {
    @TempDir
    Path dir;

    private static String purchase(String client, String timestamp, String transactionId, int revenue, String ua) {
        String json = "{\"transaction_id\":\"" + transactionId + "\",\"revenue\":" + revenue
                + ",\"items\":[{\"item_price\":" + revenue + "}]}";
        return client + ",https://puffy.com/thank-you,," + timestamp + ",checkout_completed,\""
                + json.replace("\"", "\"\"") + "\",\"" + ua + "\"";
    }

    @Test
    void flagsAreCountedBothForFilesCopiedWholeAndForFilesACrossFileStepChanged() throws Exception {
        // Day 1 and day 3 are copied whole (nothing changed after validation, one with a quarantined row); day 2
        // repeats a row of day 1, so its rows are counted before writing. The figure must match the rows.
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250223.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"),
                        purchase(CID, "2025-02-23T11:00:00.000Z", "ORD-1", 10, "Googlebot/2.1"),
                        CID + ",\"broken,,t,e,,u")
                .file("events_20250224.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"),
                        purchase(CID2, "2025-02-24T11:00:00.000Z", "ORD-2", 10, "Googlebot/2.1"),
                        view("odd id", "2025-02-24T12:00:00.000Z"))
                .file("events_20250225.csv", HEADER, view("odd id", "2025-02-25T10:00:00.000Z"),
                        purchase(CID2, "2025-02-25T11:00:00.000Z", "ORD-3", 10, "Googlebot/2.1"))
                .run();
        assertThat(h.result.figures().get("rows_duplicate")).isEqualTo(1L);
        Map<String, Long> fromRows = new java.util.TreeMap<>();
        for (Map<String, String> row : h.valid()) {
            for (String code : row.get("flags").split(";")) {
                if (!code.isEmpty()) {
                    fromRows.merge(code, 1L, Long::sum);
                }
            }
        }
        assertThat(fromRows).containsEntry("BOT_USER_AGENT", 3L).containsEntry("NON_STANDARD_CLIENT_ID", 2L);
        assertThat(h.result.figures().get("flagged_by_code")).isEqualTo(fromRows);
        assertThat(h.rows("quarantine.csv")).hasSize(1);
    }

    @Test
    void extraColumnsInAnotherOrderAreMovedToTheirPlacesInTheGlobalSet() throws Exception {
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250223.csv", HEADER + ",campaign", view(CID, "2025-02-23T10:00:00.000Z") + ",spring")
                .file("events_20250224.csv", HEADER + ",device,campaign",
                        view(CID2, "2025-02-24T10:00:00.000Z") + ",mobile,\"a,b\"")
                .file("events_20250225.csv", HEADER, view(CID, "2025-02-25T10:00:00.000Z")).run();
        List<String> header = h.header("validated_events.csv");
        assertThat(header.subList(header.size() - 2, header.size())).containsExactly("campaign", "device");
        List<Map<String, String>> valid = h.valid();
        assertThat(valid).extracting(r -> r.get("campaign")).containsExactly("spring", "a,b", "");
        assertThat(valid).extracting(r -> r.get("device")).containsExactly("", "mobile", "");
        String text = new String(h.bytes("validated_events.csv"), StandardCharsets.UTF_8);
        assertThat(text).contains(",spring,\n").contains(",\"a,b\",mobile\n").endsWith(",,\n");
    }

    @Test
    void aCollidingPurchaseKeepsItsOtherFlagsAndTakesItsOrderKeyWhateverTheLayout() throws Exception {
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250223.csv", HEADER + ",campaign",
                        purchase(CID, "2025-02-23T10:00:00.000Z", "ORD,7", 10, "Googlebot/2.1") + ",spring")
                .file("events_20250224.csv", HEADER + ",device,campaign",
                        purchase(CID2, "2025-02-24T10:00:00.000Z", "ORD,7", 20, UA) + ",mobile,summer")
                .run();
        List<Map<String, String>> valid = h.valid();
        assertThat(valid).extracting(r -> r.get("flags"))
                .containsExactly("BOT_USER_AGENT;TRANSACTION_ID_COLLISION", "TRANSACTION_ID_COLLISION");
        assertThat(valid).extracting(r -> r.get("order_key")).containsExactly("ORD,7~1", "ORD,7~2");
        assertThat(valid).extracting(r -> r.get("revenue")).containsExactly("10", "20");
        assertThat(valid).extracting(r -> r.get("campaign")).containsExactly("spring", "summer");
        assertThat(valid).extracting(r -> r.get("device")).containsExactly("", "mobile");
        assertThat(h.findingKeys("WARNING")).containsExactly("events_20250223.csv:2:BOT_USER_AGENT",
                "events_20250223.csv:2:TRANSACTION_ID_COLLISION", "events_20250224.csv:2:TRANSACTION_ID_COLLISION");
        assertThat(h.findings().get(1).get("message")).isEqualTo(
                "Transaction id ORD,7 is shared by different purchases; this one is kept as order ORD,7~1.");
    }

    @Test
    void aFileWithoutADateInItsNameIsDatedByItsEarliestTimestampInEveryOutput() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("export.csv", HEADER,
                view(CID, "2025-02-24T10:00:00.000Z"), view(CID2, "2025-02-23T09:00:00.000Z"),
                CID + ",https://puffy.com/,,yesterday,page_viewed,," + UA).run();
        assertThat(h.valid()).extracting(r -> r.get("partition_date")).containsOnly("2025-02-23");
        assertThat(h.valid()).extracting(r -> r.get("flags")).containsExactly("TIMESTAMP_OUTSIDE_PARTITION", "");
        assertThat(h.findings()).extracting(r -> r.get("partition_date")).containsOnly("2025-02-23");
        assertThat(h.findingKeys("WARNING")).containsExactly("export.csv:2:TIMESTAMP_OUTSIDE_PARTITION");
        assertThat(h.findingKeys("ERROR")).containsExactly("export.csv:4:INVALID_TIMESTAMP");
        assertThat(h.summaryOf("export.csv")).containsEntry("partition_date", "2025-02-23")
                .containsEntry("rows_read", "3").containsEntry("rows_quarantined", "1");
    }

    @Test
    void filesWrittenInParallelLandInProcessingOrderWhateverTheNumberOfThreads() throws Exception {
        String row = view(CID, "2025-02-23T10:00:00.000Z");
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250226.csv", HEADER, view(CID2, "2025-02-26T10:00:00.000Z"), row)
                .file("events_20250223.csv", HEADER, row, ",x,,2025-02-23T10:00:00.000Z,page_viewed,,ua",
                        purchase(CID, "2025-02-23T11:00:00.000Z", "T-1", 10, UA))
                .file("events_20250225.csv", HEADER + ",campaign",
                        purchase(CID2, "2025-02-25T11:00:00.000Z", "T-1", 30, "Googlebot") + ",spring")
                .file("events_20250224.csv", HEADER)
                .file("notes.csv", "a,b", "1,2")
                .file("export.csv", HEADER, view(CID2, "2025-02-27T09:00:00.000Z"), row);
        Map<String, byte[]> first = null;
        for (int threads : new int[] {1, 2, 5}) {
            h.run(ConfigLoader.defaults(), threads);
            Map<String, byte[]> outputs = new java.util.TreeMap<>();
            for (String f : new QualityStage().outputs()) {
                outputs.put(f, h.bytes(f));
            }
            if (first == null) {
                first = outputs;
                // export.csv is dated by its earliest row, 2025-02-23, and sorts after the file named for that day.
                assertThat(h.valid()).extracting(r -> r.get("file")).containsExactly("events_20250223.csv",
                        "events_20250223.csv", "export.csv", "events_20250225.csv", "events_20250226.csv");
                assertThat(h.valid()).extracting(r -> r.get("order_key")).containsExactly("", "T-1~1", "", "T-1~2",
                        "");
                assertThat(h.findingKeys("INFO")).contains("events_20250226.csv:3:DUPLICATE_EVENT",
                        "export.csv:3:DUPLICATE_EVENT");
            } else {
                for (String f : first.keySet()) {
                    assertThat(outputs.get(f)).as(f + " with " + threads + " threads").isEqualTo(first.get(f));
                }
            }
        }
    }

    @Test
    void cancellingWhenWritingStartsKeepsThePreviousOutputs() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                view(CID, "2025-02-23T10:00:00.000Z"));
        Path out = dir.resolve("out");
        RunSettings settings = new RunSettings(h.input, out, ConfigLoader.defaults(), null, LocalDate.of(2025, 3, 1),
                false, null);
        Pipeline pipeline = new Pipeline(List.of(new QualityStage()));
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        byte[] before = Files.readAllBytes(out.resolve("quality/validated_events.csv"));
        h.file("events_20250224.csv", HEADER, view(CID2, "2025-02-24T10:00:00.000Z"));
        Cancellation cancel = new Cancellation();
        PipelineListener cancelOnWrite = new PipelineListener() {
            @Override
            public void stageProgress(StageId stage, long done, long total, String message) {
                if (message.startsWith("Writing")) {
                    cancel.cancel();
                }
            }
        };
        PipelineReport report = pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, cancelOnWrite, cancel);
        assertThat(cancel.isCancelled()).isTrue();
        assertThat(report.stages().get(0).outcome()).isEqualTo(StageOutcome.CANCELLED);
        assertThat(Files.readAllBytes(out.resolve("quality/validated_events.csv"))).isEqualTo(before);
        try (var list = Files.list(out)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @Test
    void aSpoolThatEndsEarlyFailsTheWriteAndNamesTheSpoolFile() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in")).resolve("events_20250223.csv");
        Files.writeString(input, HEADER + "\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\n"
                + view(CID2, "2025-02-23T11:00:00.000Z") + "\n");
        QualityConfig config = ConfigLoader.defaults().quality();
        FileValidator validator = new FileValidator(new RowRule.Context(config),
                new HeaderNormalizer(config.headerAliases()), Cancellation.none(), bytes -> { });
        Path spool = Files.createDirectories(dir.resolve("spool")).resolve("0");
        FileResult result = validator.validate(new InputFile(input, "events_20250223.csv", Files.size(input), 0),
                spool);
        try (FileChannel v = FileChannel.open(Spool.validated(spool), StandardOpenOption.WRITE)) {
            v.truncate(10);
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> new QualityWriter().writeRows(out, List.of(result), Cancellation.none(), 2))
                .isInstanceOf(IOException.class).hasMessageContaining(Spool.validated(spool).toString())
                .hasMessageContaining("ends").hasMessageContaining("run again");
    }
}
