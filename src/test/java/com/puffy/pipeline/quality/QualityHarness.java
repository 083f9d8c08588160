package com.puffy.pipeline.quality;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Runs the quality stage on a folder of hand-written files and reads its outputs back by column name. */
final class QualityHarness {
    static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent";
    static final String CID = "1740268798-lvfV1k5nHCN8";
    static final String CID2 = "1740268799-abcdefghijkl";
    static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)";

    final Path input;
    final Path work;
    StageResult result;

    QualityHarness(Path root) throws IOException {
        this(root, root.resolve("events"));
    }

    /** A harness working in {@code root} on an input folder that other harnesses may share. */
    QualityHarness(Path root, Path input) throws IOException {
        this.input = Files.createDirectories(input);
        this.work = root.resolve("work");
    }

    QualityHarness file(String name, String... lines) throws IOException {
        Files.writeString(input.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return this;
    }

    QualityHarness raw(String name, byte[] bytes) throws IOException {
        Files.write(input.resolve(name), bytes);
        return this;
    }

    /** A canonical row with a valid client, a page view at the given time of day 2025-02-23 unless given. */
    static String view(String client, String timestamp) {
        return client + ",https://puffy.com/," + "," + timestamp + ",page_viewed,," + UA;
    }

    static String purchase(String client, String timestamp, String json) {
        return client + ",https://puffy.com/thank-you,," + timestamp + ",checkout_completed,\""
                + json.replace("\"", "\"\"") + "\"," + UA;
    }

    QualityHarness run() throws Exception {
        return run(ConfigLoader.defaults(), 2);
    }

    Path cacheFile;
    boolean recursive;

    QualityHarness recursive(boolean descend) {
        this.recursive = descend;
        return this;
    }

    QualityHarness withCache(Path file) {
        this.cacheFile = file;
        return this;
    }

    QualityHarness run(PipelineConfig config, int threads) throws Exception {
        return run(config, threads, Cancellation.none());
    }

    QualityHarness run(Cancellation cancellation) throws Exception {
        return run(ConfigLoader.defaults(), 2, cancellation);
    }

    QualityHarness run(PipelineConfig config, int threads, Cancellation cancellation) throws Exception {
        deleteWork();
        Files.createDirectories(work);
        RunSettings settings = new RunSettings(input, work.resolveSibling("out"), config, null,
                LocalDate.of(2025, 3, 10), recursive, cacheFile);
        result = new QualityStage(threads).run(new RunContext(settings, work), Progress.NONE, cancellation);
        return this;
    }

    private void deleteWork() throws IOException {
        if (Files.exists(work)) {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    List<Map<String, String>> rows(String file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(work.resolve(file))) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>(record.toMap());
                rows.add(row);
            }
        }
        return rows;
    }

    List<String> header(String file) throws IOException {
        try (CSVParser parser = CsvInput.open(work.resolve(file))) {
            return parser.getHeaderNames();
        }
    }

    List<Map<String, String>> valid() throws IOException {
        return rows("validated_events.csv");
    }

    List<Map<String, String>> quarantine() throws IOException {
        return rows("quarantine.csv");
    }

    List<Map<String, String>> findings() throws IOException {
        return rows("findings.csv");
    }

    List<Map<String, String>> summary() throws IOException {
        return rows("file_summary.csv");
    }

    List<Map<String, String>> drift() throws IOException {
        return rows("schema_drift.csv");
    }

    /** "file:line:CODE" of every finding with the given severity. */
    List<String> findingKeys(String severity) throws IOException {
        List<String> keys = new ArrayList<>();
        for (Map<String, String> f : findings()) {
            if (f.get("severity").equals(severity)) {
                keys.add(f.get("file") + ":" + f.get("line") + ":" + f.get("code"));
            }
        }
        return keys;
    }

    Map<String, String> summaryOf(String file) throws IOException {
        return summary().stream().filter(r -> r.get("file").equals(file)).findFirst().orElseThrow();
    }

    byte[] bytes(String file) throws IOException {
        return Files.readAllBytes(work.resolve(file));
    }
}
