package com.puffy.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.model.ReasonCode;
import com.puffy.pipeline.transform.TransformStage;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the quality stage, and of the transform stage reading what it wrote. Small valid day
 * files (two from the generator, one hand-written with purchases, multi-byte text and CRLF) are damaged by
 * {@link CsvMutation}s a seeded random source picks; each damaged folder runs through quality and transform, and
 * the promises of SPEC §2-§4 and §7 are checked: nothing escapes as an internal error, every file is accounted for
 * in file_summary.csv and run.json with rows_read = valid + quarantined + duplicate, each file that could not be
 * used has a finding naming it, quarantined rows carry ERROR codes and their raw record, every output CSV parses
 * with the same column count on each row, and transform's reconciliations hold. A failure names the case's seed and
 * mutations: {@code -Dfuzz.case=N} runs that case alone.
 */
class QualityFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 200);
    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final Integer ONLY_CASE = Integer.getInteger("fuzz.case");

    private static final Set<String> ERROR_CODES = Arrays.stream(ReasonCode.values())
            .filter(ReasonCode::quarantines).map(ReasonCode::code).collect(Collectors.toSet());
    private static final CSVFormat STRICT = CSVFormat.RFC4180;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SPEC §7: a text cell starting with = + - @ is prefixed with '; a number such as -5 is no text. */
    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** The clean day files every case starts from, by name. */
    private static final Map<String, byte[]> BASE = new TreeMap<>();
    /** Each base file's "read/valid/quarantined/duplicate", learnt from a run on the undamaged folder. */
    private static final Map<String, String> BASE_COUNTS = new TreeMap<>();

    @TempDir
    static Path baseDir;

    /** The folder a case runs in; {@code -Dfuzz.dir=DIR} keeps a single case's files and outputs there to look at. */
    @TempDir
    Path temp;

    @BeforeAll
    static void generateBaseFolder() throws IOException {
        Path generated = baseDir.resolve("generated");
        EventGenerator.generate(new GenerateSettings(generated, 2, 60, LocalDate.of(2025, 2, 23), 5,
                FaultKind.parse("none")), Progress.NONE, Cancellation.none());
        try (var files = Files.list(generated)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                BASE.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        BASE.put("events_20250225.csv", handWrittenDay().getBytes(StandardCharsets.UTF_8));
    }

    /** A day with purchases (one with a quoted inch mark), a popup, multi-byte text, a bot, and CRLF line ends. */
    private static String handWrittenDay() {
        String ua = "\"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)\"";
        String a = "1740268798-lvfV1k5nHCN8";
        String b = "1740268799-abcdefghijkl";
        String c = "1740268800-zyxwvutsrqpo";
        return String.join("\r\n",
                "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent",
                a + ",https://puffy.com/?utm_medium=AE24AC&q=matelas%20d%C3%A9luxe,https://www.google.com/,"
                        + "2025-02-25T08:00:00.000Z,page_viewed,," + ua,
                a + ",https://puffy.com/products/puffy-lux-mattress,,2025-02-25T08:05:00.000Z,product_added_to_cart,,"
                        + ua,
                a + ",https://checkout.puffy.com/checkouts/cn/abc/thank-you,,2025-02-25T08:10:00.000Z,"
                        + "checkout_completed,\"{\"\"transaction_id\"\":\"\"ORD-20250225-001\"\",\"\"revenue\"\":1299.5,"
                        + "\"\"items\"\":[{\"\"item_id\"\":\"\"L-Q\"\",\"\"item_name\"\":\"\"Puffy Lux — Größe Queen\"\","
                        + "\"\"item_variant\"\":\"\"Queen  -  (60\\\"\"W x 80\\\"\"L)\"\",\"\"quantity\"\":1,"
                        + "\"\"item_price\"\":1299.5}],\"\"user_email\"\":\"\"ab12\"\"}\"," + ua,
                b + ",https://puffy.com/?fbclid=xyz,https://source-660328a7.com/,2025-02-25T09:00:00.000Z,page_viewed,,"
                        + "Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile",
                b + ",https://puffy.com/,,2025-02-25T09:01:00.000Z,email_filled_on_popup,"
                        + "\"{\"\"user_email\"\":\"\"cd34\"\"}\",Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile",
                b + ",https://checkout.puffy.com/thank-you,,2025-02-25T09:30:00.000Z,purchase,"
                        + "\"{\"\"transaction_id\"\":\"\"ORD-20250225-002\"\",\"\"revenue\"\":\"\"800.00\"\","
                        + "\"\"items\"\":[{\"\"item_id\"\":\"\"P\"\",\"\"item_name\"\":\"\"Oreiller 枕\"\","
                        + "\"\"quantity\"\":2,\"\"item_price\"\":800}]}\","
                        + "Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile",
                c + ",https://puffy.com/blogs/sleep,,2025-02-25T10:00:00.000Z,page_viewed,,"
                        + "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                c + ",https://puffy.com/,,2025-02-25T23:59:59.999Z,page_viewed,,😴 SleepyBrowser/1.0",
                "");
    }

    @Test
    void damagedDayFilesNeverBreakTheQualityPromisesOrTransformsReconciliation() throws Exception {
        assertThat(BASE).hasSize(3);
        List<String> problems = new ArrayList<>();
        int from = ONLY_CASE == null ? 0 : ONLY_CASE;
        int to = ONLY_CASE == null ? CASES : ONLY_CASE + 1;
        Path root = System.getProperty("fuzz.dir") == null ? temp : Path.of(System.getProperty("fuzz.dir"));
        for (int c = from; c < to; c++) {
            Random random = new Random(SEED * 1000 + c);
            Path caseDir = Files.createDirectories(root.resolve("case-" + c));
            Path input = Files.createDirectories(caseDir.resolve("events"));
            boolean neutral = c % 5 == 4;
            List<String> applied = neutral ? neutralInto(input, random) : mutateInto(input, random);
            Path output = caseDir.resolve("out");
            List<String> found = runAndCheck(input, output);
            if (neutral && found.isEmpty()) {
                found = sameCountsAsBase(output.resolve("quality"));
            }
            for (String problem : found) {
                problems.add("case " + c + " " + applied + ": " + problem);
            }
            if (ONLY_CASE == null) {
                deleteTree(caseDir);
            }
        }
        assertThat(problems).as("%d of %d cases broke a promise (run one with -Dfuzz.case=N)",
                problems.stream().map(p -> p.substring(0, p.indexOf(' ', 5))).distinct().count(), to - from)
                .isEmpty();
    }

    /** Writes the base folder with one or two files damaged by one to three mutations; says what was done. */
    static List<String> mutateInto(Path input, Random random) throws IOException {
        List<String> names = new ArrayList<>(BASE.keySet());
        int damaged = random.nextInt(4) == 0 ? 2 : 1;
        Map<String, byte[]> files = new LinkedHashMap<>(BASE);
        List<String> applied = new ArrayList<>();
        for (int d = 0; d < damaged; d++) {
            String name = names.get(random.nextInt(names.size()));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                CsvMutation mutation = pick(random);
                CsvMutation.Applied result = mutation.apply(files.get(name), random);
                files.put(name, result.bytes());
                applied.add(name + ": " + mutation + " (" + result.description() + ")");
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(input.resolve(f.getKey()), f.getValue());
        }
        return applied;
    }

    /**
     * One change that must leave every count as it was: headers are mapped by normalized name (§3), blank lines and
     * lines of bare commas are no rows (§4), and the order of rows decides only which copy of a duplicate is first.
     */
    static List<String> neutralInto(Path input, Random random) throws IOException {
        List<String> names = new ArrayList<>(BASE.keySet());
        String name = names.get(random.nextInt(names.size()));
        byte[] bytes = BASE.get(name);
        String applied;
        switch (random.nextInt(4)) {
            case 0 -> {
                CsvMutation.Applied a = CsvMutation.HEADER_CASE_AND_SPACING.apply(bytes, random);
                bytes = a.bytes();
                applied = "HEADER_CASE_AND_SPACING (" + a.description() + ")";
            }
            case 1 -> {
                CsvMutation.Applied a = CsvMutation.BLANK_LINES.apply(bytes, random);
                bytes = a.bytes();
                applied = "BLANK_LINES (" + a.description() + ")";
            }
            case 2 -> {
                CsvMutation.Applied a = CsvMutation.ROW_OF_ONLY_COMMAS.apply(bytes, random);
                bytes = a.bytes();
                applied = "ROW_OF_ONLY_COMMAS (" + a.description() + ")";
            }
            default -> {
                CsvMutation.Applied a = CsvMutation.swapDataLines(bytes, random);
                bytes = a.bytes();
                applied = "SWAP_TWO_DATA_LINES (" + a.description() + ")";
            }
        }
        for (Map.Entry<String, byte[]> f : BASE.entrySet()) {
            Files.write(input.resolve(f.getKey()), f.getKey().equals(name) ? bytes : f.getValue());
        }
        return List.of("neutral " + name + ": " + applied);
    }

    /** Each file's rows read, valid, quarantined and duplicate as in the undamaged folder. */
    private static List<String> sameCountsAsBase(Path quality) throws IOException {
        if (BASE_COUNTS.isEmpty()) {
            Path input = Files.createDirectories(baseDir.resolve("base/events"));
            for (Map.Entry<String, byte[]> f : BASE.entrySet()) {
                Files.write(input.resolve(f.getKey()), f.getValue());
            }
            List<String> problems = runAndCheck(input, baseDir.resolve("base/out"));
            assertThat(problems).as("the undamaged folder").isEmpty();
            BASE_COUNTS.putAll(counts(baseDir.resolve("base/out/quality")));
        }
        Map<String, String> now = counts(quality);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> base : BASE_COUNTS.entrySet()) {
            if (!base.getValue().equals(now.get(base.getKey()))) {
                problems.add(base.getKey() + " read/valid/quarantined/duplicate " + now.get(base.getKey())
                        + ", undamaged " + base.getValue());
            }
        }
        return problems;
    }

    private static Map<String, String> counts(Path quality) throws IOException {
        Map<String, String> counts = new TreeMap<>();
        for (Map<String, String> f : rows(quality.resolve("file_summary.csv"))) {
            counts.put(f.get("file"), f.get("rows_read") + "/" + f.get("rows_valid") + "/" + f.get("rows_quarantined")
                    + "/" + f.get("rows_duplicate"));
        }
        return counts;
    }

    /** Every mutation alike, except the 1 MiB field: one case in twenty or so is enough to see it read. */
    private static CsvMutation pick(Random random) {
        CsvMutation[] all = CsvMutation.values();
        CsvMutation m = all[random.nextInt(all.length)];
        return m == CsvMutation.MEGABYTE_FIELD && random.nextInt(3) != 0 ? CsvMutation.ROW_OF_ONLY_COMMAS : m;
    }

    /** Runs quality and transform on a folder and lists every broken promise. */
    static List<String> runAndCheck(Path input, Path output) throws IOException {
        List<String> problems = new ArrayList<>();
        RunSettings settings = new RunSettings(input, output, ConfigLoader.defaults(), null, LocalDate.of(2025, 3, 1),
                false, null);
        Pipeline pipeline = new Pipeline(List.of(new QualityStage(2), new TransformStage()));
        PipelineReport report;
        try {
            report = pipeline.run(settings, EnumSet.of(StageId.QUALITY, StageId.TRANSFORM), true,
                    PipelineListener.NONE, Cancellation.none());
        } catch (PipelineException e) {
            problems.add((e.exitCode() == ExitCode.INTERNAL ? "internal error: " : "run refused: ") + e.getMessage()
                    + " (" + rootCause(e) + ")");
            return problems;
        } catch (RuntimeException | Error e) {
            problems.add("escaped: " + e + " (" + rootCause(e) + ")");
            return problems;
        }
        for (StageRun run : report.stages()) {
            if (run.outcome() != StageOutcome.RAN) {
                problems.add(run.stage() + " ended " + run.outcome());
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Path quality = output.resolve("quality");
        Path transform = output.resolve("transform");
        problems.addAll(wellFormed(quality));
        problems.addAll(wellFormed(transform));
        if (!problems.isEmpty()) {
            return problems;
        }
        problems.addAll(qualityPromises(input, quality, output.resolve("run.json")));
        problems.addAll(transformPromises(quality, transform));
        return problems;
    }

    /** Every CSV in the folder parses under RFC 4180 with as many cells on each row as in its header. */
    static List<String> wellFormed(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                     CSVParser parser = CSVParser.builder().setReader(reader).setFormat(STRICT).get()) {
                    int columns = -1;
                    for (CSVRecord record : parser) {
                        if (columns < 0) {
                            columns = record.size();
                        } else if (record.size() != columns) {
                            problems.add(csv.getFileName() + " record " + record.getRecordNumber() + " has "
                                    + record.size() + " cells, its header " + columns);
                        }
                        for (String cell : record) {
                            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0
                                    && !PLAIN_NUMBER.matcher(cell).matches()) {
                                problems.add(csv.getFileName() + " record " + record.getRecordNumber()
                                        + " has a cell a spreadsheet reads as a formula: " + abbreviate(cell));
                            }
                        }
                    }
                    if (columns < 0) {
                        problems.add(csv.getFileName() + " has no header");
                    }
                } catch (RuntimeException e) {
                    problems.add(csv.getFileName() + " is not well-formed CSV: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    static List<String> qualityPromises(Path input, Path quality, Path runJson) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> summary = rows(quality.resolve("file_summary.csv"));
        List<Map<String, String>> findings = rows(quality.resolve("findings.csv"));
        List<Map<String, String>> quarantine = rows(quality.resolve("quarantine.csv"));
        List<Map<String, String>> valid = rows(quality.resolve("validated_events.csv"));

        List<String> inputNames;
        try (var files = Files.list(input)) {
            inputNames = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        List<String> summarized = summary.stream().map(r -> r.get("file")).sorted().toList();
        if (!summarized.equals(inputNames)) {
            problems.add("file_summary.csv lists " + summarized + ", the folder holds " + inputNames);
        }
        Map<String, Long> quarantinedPerFile = countBy(quarantine, "file");
        Map<String, Long> validPerFile = countBy(valid, "file");
        Map<String, Long> duplicatesPerFile = countBy(findings.stream()
                .filter(f -> f.get("code").startsWith("DUPLICATE_")).toList(), "file");
        long[] totals = new long[4];
        for (Map<String, String> file : summary) {
            String name = file.get("file");
            long read = Long.parseLong(file.get("rows_read"));
            long ok = Long.parseLong(file.get("rows_valid"));
            long quarantined = Long.parseLong(file.get("rows_quarantined"));
            long duplicate = Long.parseLong(file.get("rows_duplicate"));
            totals[0] += read;
            totals[1] += ok;
            totals[2] += quarantined;
            totals[3] += duplicate;
            if (read != ok + quarantined + duplicate) {
                problems.add(name + ": rows_read " + read + " != " + ok + " + " + quarantined + " + " + duplicate);
            }
            if (ok != validPerFile.getOrDefault(name, 0L)) {
                problems.add(name + ": rows_valid " + ok + " but " + validPerFile.getOrDefault(name, 0L)
                        + " rows in validated_events.csv");
            }
            if (quarantined != quarantinedPerFile.getOrDefault(name, 0L)) {
                problems.add(name + ": rows_quarantined " + quarantined + " but "
                        + quarantinedPerFile.getOrDefault(name, 0L) + " rows in quarantine.csv");
            }
            if (duplicate != duplicatesPerFile.getOrDefault(name, 0L)) {
                problems.add(name + ": rows_duplicate " + duplicate + " but "
                        + duplicatesPerFile.getOrDefault(name, 0L) + " DUPLICATE_* findings");
            }
            String status = file.get("status");
            if (!status.equals("event_file")) {
                boolean named = findings.stream().anyMatch(f -> f.get("file").equals(name)
                        && f.get("line").matches("\\d*") && f.get("message").contains(name));
                if (!named) {
                    problems.add(name + " is " + status + " without a finding whose message names it");
                }
            }
        }
        JsonNode figures = qualityFigures(runJson);
        if (figures == null) {
            problems.add("run.json has no quality figures");
        } else {
            String[] keys = {"rows_read", "rows_valid", "rows_quarantined", "rows_duplicate"};
            for (int k = 0; k < keys.length; k++) {
                if (figures.path(keys[k]).asLong(-1) != totals[k]) {
                    problems.add("run.json " + keys[k] + " " + figures.path(keys[k]) + ", file_summary.csv sums to "
                            + totals[k]);
                }
            }
            if (!figures.path("reconciled").asBoolean(false) || totals[0] != totals[1] + totals[2] + totals[3]) {
                problems.add("run.json: the total does not reconcile: " + Arrays.toString(totals));
            }
            for (JsonNode file : figures.path("files")) {
                Map<String, String> row = summary.stream().filter(r -> r.get("file").equals(file.path("file").asText()))
                        .findFirst().orElse(Map.of());
                for (String key : keys) {
                    if (!String.valueOf(file.path(key).asLong(-1)).equals(row.get(key))) {
                        problems.add("run.json " + file.path("file").asText() + " " + key + " " + file.path(key)
                                + ", file_summary.csv " + row.get(key));
                    }
                }
            }
        }
        Map<String, String> sources = new HashMap<>();
        for (Map<String, String> q : quarantine) {
            String where = q.get("file") + ":" + q.get("line");
            List<String> codes = q.get("reasons").isEmpty() ? List.of() : List.of(q.get("reasons").split(";"));
            if (codes.isEmpty()) {
                problems.add(where + " quarantined without a reason");
            }
            for (String code : codes) {
                if (!ERROR_CODES.contains(code)) {
                    problems.add(where + " quarantined with " + code + ", not an ERROR code of SPEC §4");
                }
            }
            if (codes.contains("COLUMN_COUNT_MISMATCH") && codes.size() > 1) {
                problems.add(where + " COLUMN_COUNT_MISMATCH with other codes " + codes);
            }
            String raw = CsvInput.unprotect(q.get("raw_record"));
            if (raw.isEmpty()) {
                problems.add(where + " quarantined without its raw record");
                continue;
            }
            String source = sources.computeIfAbsent(q.get("file"), f -> leniently(input.resolve(f)));
            if (!source.contains(raw) && !source.replace("\r\n", "\n").replace('\r', '\n').contains(raw)) {
                problems.add(where + " raw record is not text of the file: " + abbreviate(raw));
            }
            if (!codes.contains("MALFORMED_CSV")) {
                problems.addAll(rawFieldsFromRecord(where, q, raw));
            }
        }
        Map<String, List<String>> linesOf = new HashMap<>();
        for (Map<String, String> v : valid) {
            if (v.get("file").isEmpty() || !v.get("line").matches("\\d+")) {
                problems.add("a valid row without file and line: " + v);
                continue;
            }
            List<String> lines = linesOf.computeIfAbsent(v.get("file"), f -> physicalLines(leniently(input.resolve(f))));
            int line = Integer.parseInt(v.get("line"));
            // The client id and event name as read (trimmed; a quote in the name is doubled on the line), not the
            // timestamp, which is written normalized.
            String client = CsvInput.unprotect(v.get("client_id"));
            String event = CsvInput.unprotect(v.get("event_name"));
            if (line < 1 || line > lines.size() || !lines.get(line - 1).contains(client)
                    || (event.indexOf('"') < 0 && !lines.get(line - 1).contains(event))) {
                problems.add(v.get("file") + ":" + line + " is valid with client " + client + " and event " + event
                        + ", which are not on that line");
            }
        }
        for (Map<String, String> q : quarantine) {
            List<String> lines = linesOf.computeIfAbsent(q.get("file"), f -> physicalLines(leniently(input.resolve(f))));
            int line = Integer.parseInt(q.get("line"));
            String raw = CsvInput.unprotect(q.get("raw_record"));
            String firstLine = raw.split("[\r\n]", 2)[0];
            if (line < 1 || line > lines.size() || !lines.get(line - 1).contains(firstLine)) {
                problems.add(q.get("file") + ":" + line + " quarantined record '" + abbreviate(firstLine)
                        + "' does not start on that line");
            }
        }
        return problems;
    }

    /** Each raw field a quarantined row keeps is one of the cells of its raw record. */
    private static List<String> rawFieldsFromRecord(String where, Map<String, String> q, String raw) {
        List<String> cells;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(raw)).setFormat(STRICT).get()) {
            List<CSVRecord> records = parser.getRecords();
            cells = records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            return List.of(where + " raw record of a parsed row does not parse: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (String column : List.of("client_id", "page_url", "referrer", "timestamp", "event_name", "event_data",
                "user_agent")) {
            String value = CsvInput.unprotect(q.get("raw_" + column));
            if (!value.isEmpty() && cells.stream().noneMatch(c -> c.equals(value) || c.replace("\uFEFF", "")
                    .equals(value))) {
                problems.add(where + " raw_" + column + " '" + abbreviate(value) + "' is no cell of its raw record");
            }
        }
        return problems;
    }

    static List<String> transformPromises(Path quality, Path transform) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map<String, String> check : rows(transform.resolve("reconciliation.csv"))) {
            if (!check.get("ok").equals("true")) {
                problems.add("transform reconciliation fails: " + check);
            }
        }
        List<Map<String, String>> valid = rows(quality.resolve("validated_events.csv"));
        long inSessions = rows(transform.resolve("sessions.csv")).stream().mapToLong(s -> Long.parseLong(s.get("events")))
                .sum();
        if (inSessions != valid.size()) {
            problems.add(valid.size() + " valid rows but " + inSessions + " events in sessions.csv");
        }
        // Summed exactly: near the largest revenue quality accepts, doubles drift by more than a cent.
        BigDecimal purchaseRevenue = BigDecimal.ZERO;
        long orders = 0;
        for (Map<String, String> v : valid) {
            if (!v.get("order_key").isEmpty()) {
                orders++;
                purchaseRevenue = purchaseRevenue.add(new BigDecimal(v.get("revenue")));
            }
        }
        List<Map<String, String>> conversions = rows(transform.resolve("conversions.csv"));
        BigDecimal conversionRevenue = conversions.stream().map(c -> new BigDecimal(c.get("revenue")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (conversions.size() != orders || !withinCents(conversionRevenue, purchaseRevenue, 1)) {
            problems.add(orders + " valid purchases of " + purchaseRevenue + " but " + conversions.size()
                    + " conversions of " + conversionRevenue);
        }
        Map<String, BigDecimal> byModel = new TreeMap<>();
        for (Map<String, String> a : rows(transform.resolve("attribution.csv"))) {
            byModel.merge(a.get("model"), new BigDecimal(a.get("revenue_credit")), BigDecimal::add);
        }
        for (Map.Entry<String, BigDecimal> model : byModel.entrySet()) {
            if (!withinCents(model.getValue(), conversionRevenue, Math.max(1, conversions.size()))) {
                problems.add("model " + model.getKey() + " attributes " + model.getValue() + " of "
                        + conversionRevenue);
            }
        }
        if (!conversions.isEmpty() && byModel.size() != 6) {
            problems.add("attribution.csv has models " + byModel.keySet());
        }
        return problems;
    }

    private static boolean withinCents(BigDecimal a, BigDecimal b, int cents) {
        return a.subtract(b).abs().compareTo(BigDecimal.valueOf(cents, 2)) <= 0;
    }

    private static JsonNode qualityFigures(Path runJson) throws IOException {
        if (!Files.exists(runJson)) {
            return null;
        }
        JsonNode root = JSON.readTree(runJson.toFile());
        for (JsonNode stage : root.path("stages")) {
            if (stage.path("stage").asText().equalsIgnoreCase("quality") && stage.has("figures")) {
                return stage.get("figures");
            }
        }
        JsonNode quality = root.path("stages").path("quality").path("figures");
        return quality.isMissingNode() ? null : quality;
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(csv)) {
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
        }
        return rows;
    }

    private static Map<String, Long> countBy(List<Map<String, String>> rows, String column) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.get(column), Collectors.counting()));
    }

    /**
     * The physical lines of a file: split at LF, CRLF and a lone CR, which ends a line wherever it is (decision 0801;
     * before, only in a file whose first line ends in one).
     */
    private static List<String> physicalLines(String text) {
        return Arrays.asList(text.split("\\r\\n?|\\n", -1));
    }

    /** The file as text whatever its bytes: a raw record of a damaged file is looked for in it. */
    private static String leniently(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() <= 120 ? one : one.substring(0, 120) + "…(" + s.length() + " chars)";
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        StackTraceElement[] trace = t.getStackTrace();
        return t + (trace.length > 0 ? " at " + trace[0] : "");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
