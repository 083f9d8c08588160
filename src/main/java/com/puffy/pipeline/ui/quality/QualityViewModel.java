package com.puffy.pipeline.ui.quality;

import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.CsvTable;
import com.puffy.pipeline.ui.table.DataTableModel;
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
     * {@link #whyProperty()} in one line: the most frequent reason of each kind and how many more, "Quarantined for
     * MISSING_CLIENT_ID 1,508 + 6 more · Dropped as DUPLICATE_EVENT 5,392 + 1 more". The same as the whole line when
     * no kind has more than one reason. Seven reasons took three lines of a 1024×768 screen above the tables.
     */
    public StringProperty whyBriefProperty() {
        return whyBrief;
    }

    /** "1,000 rows read = 950 valid + 30 quarantined + 20 duplicates: every row accounted for." */
    public StringProperty reconciliationProperty() {
        return reconciliation;
    }

    public void reload(Path qualityDir) {
        Path summary = qualityDir == null ? null : qualityDir.resolve("file_summary.csv");
        files.load(summary, RUN_HINT);
        findings.loadWhenShown(qualityDir == null ? null : qualityDir.resolve("findings.csv"), RUN_HINT);
        quarantine.loadWhenShown(qualityDir == null ? null : qualityDir.resolve("quarantine.csv"), RUN_HINT);
        Path driftFile = qualityDir == null ? null : qualityDir.resolve("schema_drift.csv");
        drift.load(driftFile, RUN_HINT);
        if (summary == null || !Files.isRegularFile(summary)) {
            hasResults.set(false);
            timeline.set(null);
            reconciliation.set("");
            why.set("");
            whyBrief.set("");
            return;
        }
        threads.background(() -> {
            try {
                CsvTable table = CsvTable.read(summary);
                CsvTable driftTable = Files.isRegularFile(driftFile) ? CsvTable.read(driftFile) : null;
                long[] totals = totals(table);
                DriftTimeline built = DriftTimeline.build(table, driftTable);
                Path manifest = qualityDir.resolve(com.puffy.pipeline.core.OutputFiles.STAGE_MANIFEST);
                String reasons = why(manifest);
                String brief = whyBrief(manifest);
                threads.fx(() -> {
                    show(totals, built);
                    why.set(reasons);
                    whyBrief.set(brief);
                });
            } catch (Exception e) {
                threads.fx(() -> {
                    hasResults.set(false);
                    reconciliation.set("Could not read " + summary + ": run the Quality stage again.");
                });
            }
        });
    }

    /** The stage's own counts by reason ({@code quarantined_by_reason}, {@code duplicates}), as one line. */
    static String why(Path manifest) {
        return reasons(manifest, false);
    }

    /** {@link #why(Path)} with the first reason of each kind only, and how many more. */
    static String whyBrief(Path manifest) {
        return reasons(manifest, true);
    }

    private static String reasons(Path manifest, boolean brief) {
        if (!Files.isRegularFile(manifest)) {
            return "";
        }
        try {
            com.fasterxml.jackson.databind.JsonNode figures = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(manifest.toFile()).path("figures");
            List<String> parts = new java.util.ArrayList<>();
            List<String> quarantined = counts(figures.path("quarantined_by_reason"));
            if (!quarantined.isEmpty()) {
                parts.add("Quarantined for " + (brief ? first(quarantined) : String.join(", ", quarantined)
                        + (quarantined.size() > 1 ? " (a row may have several)" : "")));
            }
            List<String> duplicates = counts(figures.path("duplicates"));
            if (!duplicates.isEmpty()) {
                parts.add("Dropped as " + (brief ? first(duplicates) : String.join(", ", duplicates)));
            }
            return String.join(" · ", parts);
        } catch (java.io.IOException e) {
            // The line is a help beside the reconciliation, which has its own message for unreadable outputs.
            return "";
        }
    }

    private static String first(List<String> counts) {
        return counts.get(0) + (counts.size() > 1 ? " + " + (counts.size() - 1) + " more" : "");
    }

    /** "MISSING_CLIENT_ID 1,365", "INVALID_TIMESTAMP 3": most first, the codes of count 0 left out. */
    private static List<String> counts(com.fasterxml.jackson.databind.JsonNode byCode) {
        List<java.util.Map.Entry<String, Long>> entries = new java.util.ArrayList<>();
        byCode.fields().forEachRemaining(e -> {
            if (e.getValue().asLong() > 0) {
                entries.add(java.util.Map.entry(e.getKey(), e.getValue().asLong()));
            }
        });
        // Stable: codes of equal count keep the stage's order (its catalogue's).
        entries.sort(java.util.Map.Entry.<String, Long>comparingByValue().reversed());
        return entries.stream().map(e -> e.getKey() + " " + Formats.count(e.getValue())).toList();
    }

    private static long[] totals(CsvTable table) {
        String[] names = {"rows_read", "rows_valid", "rows_quarantined", "rows_duplicate"};
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
        String equation = Formats.count(totals[0]) + " rows read = " + Formats.count(totals[1]) + " valid + "
                + Formats.count(totals[2]) + " quarantined + " + Formats.count(totals[3])
                + (totals[3] == 1 ? " duplicate" : " duplicates");
        reconciliation.set(accounted == totals[0] ? equation + ": every row is accounted for."
                : equation + ": " + Formats.count(Math.abs(totals[0] - accounted)) + " rows do not add up; "
                + "report it with the log.");
    }
}
