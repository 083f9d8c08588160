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

    public QualityViewModel(UiThreads threads) {
        this.threads = threads;
        this.files = new DataTableModel(threads, List.of("is_event_file"));
        this.findings = new DataTableModel(threads, List.of("severity", "code", "file"));
        this.quarantine = new DataTableModel(threads, List.of("file", "reasons"));
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
            return;
        }
        threads.background(() -> {
            try {
                CsvTable table = CsvTable.read(summary);
                CsvTable driftTable = Files.isRegularFile(driftFile) ? CsvTable.read(driftFile) : null;
                long[] totals = totals(table);
                DriftTimeline built = DriftTimeline.build(table, driftTable);
                threads.fx(() -> show(totals, built));
            } catch (Exception e) {
                threads.fx(() -> {
                    hasResults.set(false);
                    reconciliation.set("Could not read " + summary + ": run the Quality stage again.");
                });
            }
        });
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
