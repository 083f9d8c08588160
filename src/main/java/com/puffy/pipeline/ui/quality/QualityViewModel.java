package com.puffy.pipeline.ui.quality;

import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.CsvTable;
import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.TableData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Quality screen's state, read from the stage's files in {@code <output>/quality/}. */
public final class QualityViewModel {
    /** A file's reconciliation in file_summary.csv: read = valid + quarantined + duplicate. */
    private static final String[] COUNT_COLUMNS = {"rows_read", "rows_valid", "rows_quarantined", "rows_duplicate"};
    static final String READING = "Reading the results of the last Quality run…";
    private static final String RUN_HINT = "Run the Quality stage (or Run all, F5) to check the event files.";

    private final UiThreads threads;
    private final DataTableModel files;
    private final DataTableModel findings;
    private final DataTableModel quarantine;
    private final DataTableModel drift;
    private final ObjectProperty<DriftTimeline> timeline = new SimpleObjectProperty<>();
    private final LongProperty rowsRead = new SimpleLongProperty();
    private final LongProperty rowsValid = new SimpleLongProperty();
    private final LongProperty rowsQuarantined = new SimpleLongProperty();
    private final LongProperty rowsDuplicate = new SimpleLongProperty();
    private final BooleanProperty hasResults = new SimpleBooleanProperty();
    private final StringProperty reconciliation = new SimpleStringProperty("");
    private final StringProperty why = new SimpleStringProperty("");
    private final StringProperty whyBrief = new SimpleStringProperty("");
    private final StringProperty whyRules = new SimpleStringProperty("");
    private final ObjectProperty<List<WhyPart>> whyParts = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<WhyPart>> whyBriefParts = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<WhyPart> reasonInFocus = new SimpleObjectProperty<>();
    private final StringProperty reasonFocusText = new SimpleStringProperty("");
    private final StringProperty fileInFocus = new SimpleStringProperty();
    private final StringProperty focusText = new SimpleStringProperty("");
    private final StringProperty noResults = new SimpleStringProperty(
            "Run the Quality stage to see how every row read is accounted for.");

    public QualityViewModel(UiThreads threads) {
        this.threads = threads;
        this.files = new DataTableModel(threads, List.of("is_event_file"));
        this.findings = new DataTableModel(threads, List.of("severity", "code", "file"));
        this.quarantine = new DataTableModel(threads, List.of("file", "reasons"));
        // A row may have several reasons, which quarantine.csv joins with ';': the filter lists each reason once.
        quarantine.splitValues("reasons", ";");
        this.drift = new DataTableModel(threads, List.of("change"));
    }

    public DataTableModel files() {
        return files;
    }

    public DataTableModel findings() {
        return findings;
    }

    public DataTableModel quarantine() {
        return quarantine;
    }

    public DataTableModel drift() {
        return drift;
    }

    public ObjectProperty<DriftTimeline> timelineProperty() {
        return timeline;
    }

    public LongProperty rowsReadProperty() {
        return rowsRead;
    }

    public LongProperty rowsValidProperty() {
        return rowsValid;
    }

    public LongProperty rowsQuarantinedProperty() {
        return rowsQuarantined;
    }

    public LongProperty rowsDuplicateProperty() {
        return rowsDuplicate;
    }

    public BooleanProperty hasResultsProperty() {
        return hasResults;
    }

    /**
     * Why rows left the valid ones, from the figures the stage recorded with these files: "Quarantined for
     * MISSING_CLIENT_ID 1,365 · Dropped as DUPLICATE_EVENT 1". Empty when none left or the figures are not there.
     * The reconciliation line said how many; the reasons were in the card's summary only, which the compact rail of
     * a 1024 px window does not show.
     */
    public StringProperty whyProperty() {
        return why;
    }

    /**
     * {@link #whyProperty()} in one line: the most frequent reason of each kind and how many other reasons,
     * "Quarantined for MISSING_CLIENT_ID 1,508 (+6 reasons) · Dropped as DUPLICATE_EVENT 5,392 (+1 reason)". The
     * same as the whole line when no kind has more than one reason. Seven reasons took three lines of a 1024×768
     * screen above the tables.
     */
    public StringProperty whyBriefProperty() {
        return whyBrief;
    }

    /** What each reason of {@link #whyProperty()} checks, a line each, for the why line's tooltip. */
    public StringProperty whyRulesProperty() {
        return whyRules;
    }

    /**
     * A piece of the why line: words, or a reason code ({@code code} not null) with its count, which the screen shows
     * as a link to the rows it set aside. Its text is the piece as the line reads.
     */
    public record WhyPart(String text, String code, long count, boolean dropped) {
        static WhyPart words(String text) {
            return new WhyPart(text, null, 0, false);
        }

        public boolean isReason() {
            return code != null;
        }
    }

    /** {@link #whyProperty()} in pieces, each reason code its own. */
    public ObjectProperty<List<WhyPart>> whyPartsProperty() {
        return whyParts;
    }

    /** {@link #whyBriefProperty()} in pieces, each reason code its own. */
    public ObjectProperty<List<WhyPart>> whyBriefPartsProperty() {
        return whyBriefParts;
    }

    /**
     * The reason whose rows the analyst went to from the why line: Quarantine with only that reason, or for a
     * duplicate Findings with only that code; null when no reason narrows them.
     */
    public ObjectProperty<WhyPart> reasonInFocusProperty() {
        return reasonInFocus;
    }

    /** "Only the 1,365 rows quarantined for MISSING_CLIENT_ID.", or "" while no reason is in focus. */
    public StringProperty reasonFocusTextProperty() {
        return reasonFocusText;
    }

    /** The rows of a reason of the why line are shown: says so above the tabs. */
    public void focusOnReason(WhyPart reason) {
        if (reason == null || !reason.isReason()) {
            return;
        }
        reasonInFocus.set(reason);
        reasonFocusText.set(reason.dropped()
                ? "Only the " + reason.code() + " findings: " + Formats.count(reason.count())
                + (reason.count() == 1 ? " row was" : " rows were") + " dropped as copies."
                : "Only the " + Formats.count(reason.count()) + (reason.count() == 1 ? " row" : " rows")
                // A row's other reasons are in the table's Reasons column; said here too, the line took two at 1024 px.
                + " quarantined for " + reason.code() + ".");
    }

    /** Every row again, as the analyst asked or by choosing other values in the filter the reason ticked. */
    public void clearReasonFocus() {
        reasonInFocus.set(null);
        reasonFocusText.set("");
    }

    /**
     * The filter the reason in focus ticked (Quarantine's Reasons, or Findings' Code for a duplicate) now ticks
     * {@code ticked} in the table of {@code dropped} kind: any other choice than the reason ends it.
     */
    public void reasonFilterChanged(boolean dropped, List<String> ticked) {
        WhyPart reason = reasonInFocus.get();
        if (reason != null && reason.dropped() == dropped && !List.of(reason.code()).equals(ticked)) {
            clearReasonFocus();
        }
    }

    /**
     * The file whose findings and quarantined rows the analyst went to from the Files table (double-click, Enter or
     * the row menu); null when the two tables show every file.
     */
    public StringProperty fileInFocusProperty() {
        return fileInFocus;
    }

    /** "Only events_20250223.csv: 3,500 rows read, 35 quarantined, 0 duplicates." */
    public StringProperty focusTextProperty() {
        return focusText;
    }

    /** The file a row of the Files table is about; null when it has none. */
    public String fileOf(String[] filesRow) {
        TableData table = files.tableProperty().get();
        int c = table == null ? -1 : table.column("file");
        return c < 0 || filesRow == null || c >= filesRow.length ? null : filesRow[c];
    }

    /** Narrows the findings and the quarantine to the file of a Files row; returns the file, or null. */
    public String focusOn(String[] filesRow) {
        String file = fileOf(filesRow);
        if (file == null || file.isEmpty()) {
            return null;
        }
        TableData table = files.tableProperty().get();
        long[] counts = new long[4];
        String[] names = COUNT_COLUMNS;
        boolean known = true;
        for (int n = 0; n < names.length; n++) {
            int c = table.column(names[n]);
            double value = c < 0 || c >= filesRow.length ? Double.NaN : CsvTable.number(filesRow[c]);
            known &= !Double.isNaN(value);
            counts[n] = Double.isNaN(value) ? 0 : (long) value;
        }
        fileInFocus.set(file);
        // The valid rows are the rest; the whole equation took two lines at 1024 px.
        focusText.set("Only " + file + (known ? ": " + Formats.count(counts[0]) + " rows read, "
                + Formats.count(counts[2]) + " quarantined, " + Formats.count(counts[3])
                + (counts[3] == 1 ? " duplicate." : " duplicates.") : "."));
        return file;
    }

    /** Back to every file, as the analyst asked or by choosing other files in a table's File filter. */
    public void clearFocus() {
        fileInFocus.set(null);
        focusText.set("");
    }

    /** The File filter of Findings or Quarantine now ticks {@code ticked}: any other choice than the file ends it. */
    public void fileFilterChanged(List<String> ticked) {
        String file = fileInFocus.get();
        if (file != null && !List.of(file).equals(ticked)) {
            clearFocus();
        }
    }

    /**
     * "events_20250103.csv has no findings.": said in the table's place when the file in focus has no row in
     * {@code table} (a File filter lists only the files the table has, so ticking it would show every file); empty
     * otherwise, and while the table is not read yet.
     */
    public javafx.beans.binding.StringBinding absenceIn(DataTableModel table, String what) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            String file = fileInFocus.get();
            if (file == null || table.tableProperty().get() == null || table.facetValues("file").contains(file)) {
                return "";
            }
            return file + " has no " + what + ".";
        }, fileInFocus, table.tableProperty(), table.facetValues("file"));
    }

    /** The index in {@code rows} of the row about {@code file}; -1 when none is. */
    public int rowOfFile(List<String[]> rows, String file) {
        for (int i = 0; i < rows.size(); i++) {
            if (file != null && file.equals(fileOf(rows.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** What the selected finding's rule checks, what became of the row and what to look at; empty for none. */
    public String explainFinding(String[] row) {
        TableData table = findings.tableProperty().get();
        if (row == null || table == null) {
            return "";
        }
        String code = cell(row, table.column("code"));
        return code.isEmpty() ? "" : ReasonHelp.explain(code, cell(row, table.column("severity")));
    }

    /** What each reason of the selected quarantined row checks, the first explained in full; empty for none. */
    public String explainQuarantined(String[] row) {
        TableData table = quarantine.tableProperty().get();
        if (row == null || table == null) {
            return "";
        }
        List<String> codes = java.util.Arrays.stream(cell(row, table.column("reasons")).split(";"))
                .filter(code -> !code.isBlank()).toList();
        if (codes.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(ReasonHelp.explain(codes.get(0), "ERROR"));
        for (String code : codes.subList(1, codes.size())) {
            text.append('\n').append(ReasonHelp.rule(code));
        }
        return text.toString();
    }

    private static String cell(String[] row, int column) {
        return column < 0 || column >= row.length || row[column] == null ? "" : row[column];
    }

    /** "1,000 rows read = 950 valid + 30 quarantined + 20 duplicates: every row accounted for." */
    public StringProperty reconciliationProperty() {
        return reconciliation;
    }

    /** What the screen says before Quality has run: how to run it. */
    public static String runHint() {
        return RUN_HINT;
    }

    /**
     * What the reconciliation line says while there are no results: how to run Quality, or why the last run left
     * nothing ({@code missingHint} of {@link #reload(Path, String)}).
     */
    public StringProperty noResultsProperty() {
        return noResults;
    }

    public void reload(Path qualityDir) {
        reload(qualityDir, RUN_HINT);
    }

    /** Reads the stage's files in {@code qualityDir}; {@code missingHint} is said where they are not there. */
    public void reload(Path qualityDir, String missingHint) {
        // The why (a failed run, no CSV file) is said in the tables' place: the same sentence here, in bold, was twice.
        Path summary = qualityDir == null ? null : qualityDir.resolve("file_summary.csv");
        // Reopening a folder whose Quality outputs are up to date said "Run the Quality stage" while they were read.
        noResults.set(summary != null && Files.isRegularFile(summary) ? READING
                : RUN_HINT.equals(missingHint)
                ? "Run the Quality stage to see how every row read is accounted for." : "No rows to account for yet.");
        files.load(summary, missingHint);
        findings.loadWhenShown(qualityDir == null ? null : qualityDir.resolve("findings.csv"), missingHint);
        quarantine.loadWhenShown(qualityDir == null ? null : qualityDir.resolve("quarantine.csv"), missingHint);
        Path driftFile = qualityDir == null ? null : qualityDir.resolve("schema_drift.csv");
        drift.load(driftFile, missingHint);
        if (summary == null || !Files.isRegularFile(summary)) {
            hasResults.set(false);
            timeline.set(null);
            reconciliation.set("");
            why.set("");
            whyBrief.set("");
            whyRules.set("");
            whyParts.set(List.of());
            whyBriefParts.set(List.of());
            clearReasonFocus();
            return;
        }
        threads.background(() -> {
            try {
                CsvTable table = CsvTable.read(summary);
                CsvTable driftTable = Files.isRegularFile(driftFile) ? CsvTable.read(driftFile) : null;
                long[] totals = totals(table);
                DriftTimeline built = DriftTimeline.build(table, driftTable);
                Path manifest = qualityDir.resolve(com.puffy.pipeline.core.OutputFiles.STAGE_MANIFEST);
                List<WhyPart> reasons = whyParts(manifest, false);
                List<WhyPart> brief = whyParts(manifest, true);
                String rules = whyRules(manifest);
                threads.fx(() -> {
                    show(totals, built);
                    whyParts.set(reasons);
                    whyBriefParts.set(brief);
                    why.set(text(reasons));
                    whyBrief.set(text(brief));
                    whyRules.set(rules);
                });
            } catch (Exception e) {
                threads.fx(() -> {
                    hasResults.set(false);
                    reconciliation.set("Could not read " + summary + ": run the Quality stage again.");
                    // The line shows this while there are no results; it said "Reading …" for good.
                    noResults.set(reconciliation.get());
                });
            }
        });
    }

    /** The stage's own counts by reason ({@code quarantined_by_reason}, {@code duplicates}), as one line. */
    static String why(Path manifest) {
        return text(whyParts(manifest, false));
    }

    /** {@link #why(Path)} with the first reason of each kind only, and how many more. */
    static String whyBrief(Path manifest) {
        return text(whyParts(manifest, true));
    }

    private static String text(List<WhyPart> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }

    /** What each reason of {@link #why(Path)} checks, a line each, in the line's order. */
    static String whyRules(Path manifest) {
        List<String> lines = new java.util.ArrayList<>();
        for (String kind : List.of("quarantined_by_reason", "duplicates")) {
            counts(figures(manifest).path(kind)).forEach(e -> lines.add(ReasonHelp.rule(e.getKey())));
        }
        return String.join("\n", lines);
    }

    private static com.fasterxml.jackson.databind.JsonNode figures(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile()).path("figures");
        } catch (java.io.IOException e) {
            // The line is a help beside the reconciliation, which has its own message for unreadable outputs.
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /**
     * "Quarantined for MISSING_CLIENT_ID 1,365 (+6 reasons) · Dropped as DUPLICATE_EVENT 1" in pieces; {@code brief}:
     * the first reason of each kind and how many other reasons ("1,365 + 6 more" could be read as six more rows;
     * "(+ 6 other reasons)" made the line two at 1024 px).
     */
    static List<WhyPart> whyParts(Path manifest, boolean brief) {
        com.fasterxml.jackson.databind.JsonNode figures = figures(manifest);
        List<WhyPart> parts = new java.util.ArrayList<>();
        kind(parts, "Quarantined for ", counts(figures.path("quarantined_by_reason")), false, brief);
        kind(parts, "Dropped as ", counts(figures.path("duplicates")), true, brief);
        return List.copyOf(parts);
    }

    private static void kind(List<WhyPart> parts, String lead, List<java.util.Map.Entry<String, Long>> counts,
                             boolean dropped, boolean brief) {
        if (counts.isEmpty()) {
            return;
        }
        if (!parts.isEmpty()) {
            parts.add(WhyPart.words(" · "));
        }
        parts.add(WhyPart.words(lead));
        List<java.util.Map.Entry<String, Long>> shown = brief ? counts.subList(0, 1) : counts;
        for (int i = 0; i < shown.size(); i++) {
            java.util.Map.Entry<String, Long> reason = shown.get(i);
            parts.add(new WhyPart(reason.getKey(), reason.getKey(), reason.getValue(), dropped));
            parts.add(WhyPart.words(" " + Formats.count(reason.getValue()) + (i + 1 < shown.size() ? ", " : "")));
        }
        int others = counts.size() - shown.size();
        if (others > 0) {
            parts.add(WhyPart.words(" (+" + others + (others == 1 ? " reason)" : " reasons)")));
        } else if (!brief && !dropped && counts.size() > 1) {
            parts.add(WhyPart.words(" (a row may have several)"));
        }
    }

    /** MISSING_CLIENT_ID 1,365, INVALID_TIMESTAMP 3: most first, the codes of count 0 left out. */
    private static List<java.util.Map.Entry<String, Long>> counts(com.fasterxml.jackson.databind.JsonNode byCode) {
        List<java.util.Map.Entry<String, Long>> entries = new java.util.ArrayList<>();
        byCode.fields().forEachRemaining(e -> {
            if (e.getValue().asLong() > 0) {
                entries.add(java.util.Map.entry(e.getKey(), e.getValue().asLong()));
            }
        });
        // Stable: codes of equal count keep the stage's order (its catalogue's).
        entries.sort(java.util.Map.Entry.<String, Long>comparingByValue().reversed());
        return entries;
    }

    private static long[] totals(CsvTable table) {
        String[] names = COUNT_COLUMNS;
        long[] totals = new long[names.length];
        for (int n = 0; n < names.length; n++) {
            int c = table.column(names[n]);
            if (c < 0) {
                continue;
            }
            for (String[] row : table.rows()) {
                double value = CsvTable.number(row[c]);
                if (!Double.isNaN(value)) {
                    totals[n] += (long) value;
                }
            }
        }
        return totals;
    }

    private void show(long[] totals, DriftTimeline built) {
        rowsRead.set(totals[0]);
        rowsValid.set(totals[1]);
        rowsQuarantined.set(totals[2]);
        rowsDuplicate.set(totals[3]);
        timeline.set(built);
        hasResults.set(true);
        long accounted = totals[1] + totals[2] + totals[3];
        String equation = equation(totals);
        reconciliation.set(accounted == totals[0] ? equation + ": every row is accounted for."
                : equation + ": " + Formats.count(Math.abs(totals[0] - accounted)) + " rows do not add up; "
                + "report it with the log.");
    }

    /** "1,000 rows read = 950 valid + 30 quarantined + 20 duplicates", of read, valid, quarantined, duplicate. */
    private static String equation(long[] counts) {
        return Formats.count(counts[0]) + " rows read = " + Formats.count(counts[1]) + " valid + "
                + Formats.count(counts[2]) + " quarantined + " + Formats.count(counts[3])
                + (counts[3] == 1 ? " duplicate" : " duplicates");
    }
}
