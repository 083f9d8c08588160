package com.puffy.pipeline.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.puffy.pipeline.model.ReasonCode;
import com.puffy.pipeline.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the generator planted, written as {@code faults.json} (format in docs/generator.md): per fault the file,
 * the 1-based physical lines (header = line 1) and the codes SPEC §4 expects; the drift episodes; and, per file,
 * the resolved outcome of every planted line ({@code expected_rows}) and the row counts the quality stage must
 * reconcile to.
 */
final class FaultLedger {
    static final String FILE_NAME = "faults.json";

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<FileRecord> files = new ArrayList<>();
    private final List<DriftEpisode> drift = new ArrayList<>();
    private final List<ValueDrift> valueDrift = new ArrayList<>();
    private final List<Episode> episodes = new ArrayList<>();
    private FileRecord current;

    /** A planted fault in one file: the lines (empty for file faults), codes, and what was written there. */
    static final class Entry {
        final FaultKind kind;
        final String file;
        final List<ReasonCode> codes;
        final boolean fileLevel;
        final String detail;
        int[] lines = new int[8];
        String[] values = new String[8];
        int size;
        boolean anyValue;

        Entry(FaultKind kind, String file, List<ReasonCode> codes, boolean fileLevel, String detail) {
            this.kind = kind;
            this.file = file;
            this.codes = List.copyOf(codes);
            this.fileLevel = fileLevel;
            this.detail = detail;
        }

        void add(int line, String value) {
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            lines[size] = line;
            values[size] = value;
            anyValue |= value != null;
            size++;
        }
    }

    /** One output file and, for event files, the outcome the quality stage must reach per planted line. */
    static final class FileRecord {
        final String file;
        final String partitionDate;
        final String kind;
        final List<String> header;
        final String lineEnding;
        final boolean bom;
        boolean trailingNewline = true;
        long records;
        long missingClientId;
        int[] rowLines = new int[16];
        int[] rowCodes = new int[16];
        int rows;

        FileRecord(String file, String partitionDate, String kind, List<String> header, String lineEnding, boolean bom) {
            this.file = file;
            this.partitionDate = partitionDate;
            this.kind = kind;
            this.header = header == null ? null : List.copyOf(header);
            this.lineEnding = lineEnding;
            this.bom = bom;
        }

        void addRow(int line, int codes) {
            if (rows == rowLines.length) {
                rowLines = Arrays.copyOf(rowLines, rows * 2);
                rowCodes = Arrays.copyOf(rowCodes, rows * 2);
            }
            rowLines[rows] = line;
            rowCodes[rows] = codes;
            rows++;
        }
    }

    record DriftEpisode(FaultKind kind, String change, String column, String rawHeader, String firstFile, int files,
                        String restoredFile) {
    }

    record ValueDrift(FaultKind kind, String column, String metric, String firstFile, double value, double baseline) {
    }

    /**
     * A day-level fault that changes no row's validity, only its content, over consecutive days (sticky_referrer):
     * its first file and date, how many files it covers and how many rows it changed (each also listed by line).
     */
    record Episode(FaultKind kind, String firstFile, String firstDate, int files, long rows) {
    }

    // ---- recording -----------------------------------------------------------------------------------------

    void startFile(String file, String partitionDate, String kind, List<String> header, String lineEnding,
                   boolean bom) {
        current = new FileRecord(file, partitionDate, kind, header, lineEnding, bom);
        files.add(current);
    }

    FileRecord currentFile() {
        return current;
    }

    /** A planted fault on one line of the current file. */
    void row(FaultKind kind, int line, List<ReasonCode> codes, String value) {
        String key = kind.name() + '|' + current.file + '|' + codes;
        entries.computeIfAbsent(key, k -> new Entry(kind, current.file, codes, false, null)).add(line, value);
    }

    /** The resolved codes of one written line (a mask of {@link ReasonCode} ordinals), once per line. */
    void resolvedRow(int line, int plantedMask) {
        if (plantedMask != 0) {
            current.addRow(line, resolve(plantedMask));
        }
    }

    void fileFault(FaultKind kind, String file, List<ReasonCode> codes, String detail) {
        String key = kind.name() + '|' + file + "|file";
        entries.computeIfAbsent(key, k -> new Entry(kind, file, codes, true, detail));
    }

    void drift(DriftEpisode episode) {
        drift.add(episode);
    }

    void valueDrift(ValueDrift expected) {
        valueDrift.add(expected);
    }

    void episode(Episode episode) {
        episodes.add(episode);
    }

    static int mask(ReasonCode... codes) {
        int m = 0;
        for (ReasonCode c : codes) {
            m |= 1 << c.ordinal();
        }
        return m;
    }

    static int mask(List<ReasonCode> codes) {
        return mask(codes.toArray(new ReasonCode[0]));
    }

    static Set<ReasonCode> codes(int mask) {
        Set<ReasonCode> set = EnumSet.noneOf(ReasonCode.class);
        for (ReasonCode c : ReasonCode.values()) {
            if ((mask & (1 << c.ordinal())) != 0) {
                set.add(c);
            }
        }
        return set;
    }

    /**
     * SPEC §4 precedence: a row with ERROR codes is quarantined with all of them (a column-count or unparsable
     * record with only that code) and no warnings; otherwise a duplicate is dropped with its duplicate code only;
     * otherwise it stays valid with its warnings.
     */
    static int resolve(int planted) {
        int errors = 0;
        int duplicates = 0;
        for (ReasonCode c : ReasonCode.values()) {
            int bit = 1 << c.ordinal();
            if ((planted & bit) == 0) {
                continue;
            }
            if (c.quarantines()) {
                errors |= bit;
            } else if (c.dropsAsDuplicate()) {
                duplicates |= bit;
            }
        }
        if (errors != 0) {
            for (ReasonCode alone : new ReasonCode[]{ReasonCode.MALFORMED_CSV, ReasonCode.COLUMN_COUNT_MISMATCH}) {
                if ((errors & mask(alone)) != 0) {
                    return mask(alone);
                }
            }
            return errors;
        }
        return duplicates != 0 ? duplicates : planted;
    }

    // ---- writing -------------------------------------------------------------------------------------------

    void write(Path dir, GenerateSettings settings) throws IOException {
        Path target = dir.resolve(FILE_NAME);
        Path temp = dir.resolve(FILE_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp);
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "eventpipe-faults/1");
            writeSettings(g, settings);
            writeFiles(g);
            writeFaults(g);
            writeDrift(g);
            writeEpisodes(g);
            writeExpectedRows(g);
            g.writeEndObject();
            g.close();
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // A full disk left a faults.json.tmp of 12 KB behind.
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void writeSettings(JsonGenerator g, GenerateSettings s) throws IOException {
        g.writeObjectFieldStart("settings");
        g.writeNumberField("days", s.days());
        g.writeNumberField("events_per_day", s.eventsPerDay());
        g.writeStringField("start_date", s.startDate().toString());
        g.writeNumberField("seed", s.seed());
        g.writeArrayFieldStart("faults");
        for (FaultKind kind : s.faults()) {
            g.writeString(kind.id());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeFiles(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("files");
        for (FileRecord f : files) {
            g.writeStartObject();
            g.writeStringField("file", f.file);
            g.writeStringField("partition_date", f.partitionDate);
            g.writeStringField("kind", f.kind);
            if (f.header != null) {
                g.writeArrayFieldStart("header");
                for (String h : f.header) {
                    g.writeString(h);
                }
                g.writeEndArray();
            } else {
                g.writeNullField("header");
            }
            g.writeStringField("line_ending", f.lineEnding);
            g.writeBooleanField("bom", f.bom);
            g.writeBooleanField("trailing_newline", f.trailingNewline);
            g.writeNumberField("records", f.records);
            if (f.kind.equals("events")) {
                long quarantined = 0;
                long duplicates = 0;
                for (int i = 0; i < f.rows; i++) {
                    int m = f.rowCodes[i];
                    if ((m & errorMask()) != 0) {
                        quarantined++;
                    } else if ((m & duplicateMask()) != 0) {
                        duplicates++;
                    }
                }
                g.writeObjectFieldStart("expected");
                g.writeNumberField("rows_read", f.records);
                g.writeNumberField("rows_valid", f.records - quarantined - duplicates);
                g.writeNumberField("rows_quarantined", quarantined);
                g.writeNumberField("rows_duplicate", duplicates);
                g.writeNumberField("rows_missing_client_id", f.missingClientId);
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static int errorMask() {
        int m = 0;
        for (ReasonCode c : ReasonCode.values()) {
            if (c.quarantines()) {
                m |= 1 << c.ordinal();
            }
        }
        return m;
    }

    private static int duplicateMask() {
        return mask(ReasonCode.DUPLICATE_EVENT, ReasonCode.DUPLICATE_PURCHASE);
    }

    private void writeFaults(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("faults");
        for (Entry e : entries.values()) {
            g.writeStartObject();
            g.writeStringField("kind", e.kind.id());
            g.writeStringField("file", e.file);
            g.writeStringField("scope", e.fileLevel ? "file" : "row");
            g.writeArrayFieldStart("codes");
            for (ReasonCode c : e.codes) {
                g.writeString(c.code());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("severities");
            for (ReasonCode c : e.codes) {
                g.writeString(c.severity().name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lines");
            for (int i = 0; i < e.size; i++) {
                g.writeNumber(e.lines[i]);
            }
            g.writeEndArray();
            if (e.anyValue) {
                g.writeArrayFieldStart("values");
                for (int i = 0; i < e.size; i++) {
                    g.writeString(e.values[i]);
                }
                g.writeEndArray();
            }
            if (e.detail != null) {
                g.writeStringField("detail", e.detail);
            }
            g.writeStringField("description", e.kind.description());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeDrift(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("schema_drift");
        for (DriftEpisode d : drift) {
            g.writeStartObject();
            g.writeStringField("kind", d.kind().id());
            g.writeStringField("change", d.change());
            g.writeStringField("column", d.column());
            g.writeStringField("raw_header", d.rawHeader());
            g.writeStringField("first_file", d.firstFile());
            g.writeNumberField("files", d.files());
            g.writeStringField("restored_file", d.restoredFile());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("value_drift");
        for (ValueDrift v : valueDrift) {
            g.writeStartObject();
            g.writeStringField("kind", v.kind().id());
            g.writeStringField("column", v.column());
            g.writeStringField("metric", v.metric());
            g.writeStringField("first_file", v.firstFile());
            g.writeNumberField("value", Math.round(v.value() * 1000) / 1000.0);
            g.writeNumberField("baseline", Math.round(v.baseline() * 1000) / 1000.0);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeEpisodes(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("episodes");
        for (Episode e : episodes) {
            g.writeStartObject();
            g.writeStringField("kind", e.kind().id());
            g.writeStringField("first_file", e.firstFile());
            g.writeStringField("first_date", e.firstDate());
            g.writeNumberField("files", e.files());
            g.writeNumberField("rows", e.rows());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeExpectedRows(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("expected_rows");
        for (FileRecord f : files) {
            for (int i = 0; i < f.rows; i++) {
                g.writeStartObject();
                g.writeStringField("file", f.file);
                g.writeNumberField("line", f.rowLines[i]);
                int m = f.rowCodes[i];
                Severity worst = Severity.INFO;
                g.writeArrayFieldStart("codes");
                for (ReasonCode c : codes(m)) {
                    g.writeString(c.code());
                    if (c.severity().compareTo(worst) > 0) {
                        worst = c.severity();
                    }
                }
                g.writeEndArray();
                g.writeStringField("outcome", (m & errorMask()) != 0 ? "quarantined"
                        : (m & duplicateMask()) != 0 ? "duplicate" : "valid");
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }
}
