package com.puffy.pipeline.transform;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.io.CsvOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A hand-written quality/ folder that follows the file contract of docs/architecture.md exactly, and a way to run
 * the transform stage on it and read its outputs back by column name.
 */
final class QualityFixture {
    static final List<String> VALIDATED_COLUMNS = List.of("client_id", "page_url", "referrer", "timestamp",
            "event_name", "event_data", "user_agent", "event_id", "file", "line", "partition_date", "is_bot", "flags",
            "order_key", "revenue");
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
    static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String HOME = "https://puffy.com/";

    private final Path root;
    private final List<List<Object>> rows = new ArrayList<>();
    private final Map<String, long[]> readByDay = new TreeMap<>();
    private int line = 1;

    QualityFixture(Path root) {
        this.root = root;
    }

    Path outputDir() {
        return root.resolve("out");
    }

    /** A valid non-purchase row; the partition date is the timestamp's date. */
    QualityFixture event(String client, String timestamp, String eventName, String pageUrl, String referrer,
                         String userAgent) {
        return row(client, pageUrl, referrer, timestamp, eventName, "", userAgent, timestamp.substring(0, 10),
                userAgent.contains("bot"), "", "", "");
    }

    QualityFixture view(String client, String timestamp) {
        return event(client, timestamp, "page_viewed", HOME, "", IPHONE);
    }

    QualityFixture purchase(String client, String timestamp, String orderKey, double revenue, String flags,
                            String itemsJson) {
        String transactionId = orderKey.contains("~") ? orderKey.substring(0, orderKey.indexOf('~')) : orderKey;
        String data = "{\"transaction_id\":\"" + transactionId + "\",\"revenue\":" + CsvOutput.formatDouble(revenue)
                + ",\"items\":" + itemsJson + ",\"user_email\":\"e" + client.hashCode() + "\"}";
        return row(client, "https://checkout.puffy.com/checkouts/cn/x/thank-you", "", timestamp, "checkout_completed",
                data, IPHONE, timestamp.substring(0, 10), false, flags, orderKey, CsvOutput.formatDouble(revenue));
    }

    QualityFixture purchase(String client, String timestamp, String orderKey, double revenue) {
        return purchase(client, timestamp, orderKey, revenue, "",
                "[{\"item_id\":\"M1\",\"item_name\":\"Puffy Mattress\",\"item_variant\":\"Queen\",\"quantity\":1,"
                        + "\"item_price\":" + CsvOutput.formatDouble(revenue) + "}]");
    }

    QualityFixture row(String client, String pageUrl, String referrer, String timestamp, String eventName,
                       String eventData, String userAgent, String partitionDate, boolean bot, String flags,
                       String orderKey, String revenue) {
        String file = "events_" + partitionDate.replace("-", "") + ".csv";
        rows.add(List.of(client, pageUrl, referrer, timestamp, eventName, eventData, userAgent,
                file + ":" + (line + 1), file, line + 1, partitionDate, bot, flags, orderKey, revenue));
        line++;
        long[] counts = readByDay.computeIfAbsent(partitionDate, d -> new long[2]);
        counts[0]++;
        return this;
    }

    /** Rows stage 1 read but did not pass on (quarantined, duplicates), some without client id. */
    QualityFixture unreadRows(String partitionDate, long rowsRead, long missingClientId) {
        long[] counts = readByDay.computeIfAbsent(partitionDate, d -> new long[2]);
        counts[0] += rowsRead;
        counts[1] += missingClientId;
        return this;
    }

    void write() throws IOException {
        Path quality = outputDir().resolve("quality");
        Files.createDirectories(quality);
        StringWriter events = new StringWriter();
        try (CsvOutput csv = new CsvOutput(events, VALIDATED_COLUMNS)) {
            for (List<Object> row : rows) {
                csv.row(row);
            }
        }
        Files.writeString(quality.resolve("validated_events.csv"), events.toString());
        StringWriter summary = new StringWriter();
        try (CsvOutput csv = new CsvOutput(summary, List.of("file", "partition_date", "is_event_file", "header",
                "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate", "rows_missing_client_id", "bytes",
                "sha256", "from_cache"))) {
            for (Map.Entry<String, long[]> day : readByDay.entrySet()) {
                csv.row("events_" + day.getKey().replace("-", "") + ".csv", day.getKey(), true,
                        String.join("|", VALIDATED_COLUMNS.subList(0, 7)), day.getValue()[0], day.getValue()[0], 0, 0,
                        day.getValue()[1], 100, "ab", false);
            }
            csv.row("notes.csv", "", false, "a|b", 0, 0, 0, 0, 0, 10, "cd", false);
        }
        Files.writeString(quality.resolve("file_summary.csv"), summary.toString());
    }

    StageResult run() throws Exception {
        return run(ConfigLoader.defaults());
    }

    StageResult run(PipelineConfig config) throws Exception {
        write();
        return runWritten(config, Cancellation.none());
    }

    StageResult runWritten(PipelineConfig config, Cancellation cancellation) throws Exception {
        return runWritten(config, cancellation, new TransformStage());
    }

    StageResult runWritten(PipelineConfig config, Cancellation cancellation, TransformStage stage) throws Exception {
        return runWritten(config, cancellation, stage, Progress.NONE);
    }

    StageResult runWritten(PipelineConfig config, Cancellation cancellation, TransformStage stage, Progress progress)
            throws Exception {
        RunSettings settings = new RunSettings(root.resolve("in"), outputDir(), config, null, null, false, null);
        Path work = outputDir().resolve("transform");
        Files.createDirectories(work);
        return stage.run(new RunContext(settings, work), progress, cancellation);
    }

    /** An output of the run, as rows of column → cell (formula protection undone). */
    List<Map<String, String>> read(String file) throws IOException {
        List<Map<String, String>> result = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(outputDir().resolve("transform").resolve(file))) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : parser.getHeaderNames()) {
                    row.put(column, CsvInput.unprotect(record.get(column)));
                }
                result.add(row);
            }
        }
        return result;
    }

    List<String> header(String file) throws IOException {
        try (CSVParser parser = CsvInput.open(outputDir().resolve("transform").resolve(file))) {
            return parser.getHeaderNames();
        }
    }
}
