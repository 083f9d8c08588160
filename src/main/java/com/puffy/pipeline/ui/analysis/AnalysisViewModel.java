package com.puffy.pipeline.ui.analysis;

import com.puffy.pipeline.analysis.AnalysisResult;
import com.puffy.pipeline.analysis.AnalysisResults;
import com.puffy.pipeline.ui.UiError;
import com.puffy.pipeline.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Analysis screen's state: the figures the Analysis stage wrote, read back with
 * {@link AnalysisResults#read(Path)}. The screen draws them; it never computes one.
 */
public final class AnalysisViewModel {
    private final UiThreads threads;
    private final ObjectProperty<AnalysisResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> reportDir = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<UiError> error = new SimpleObjectProperty<>();

    public AnalysisViewModel(UiThreads threads) {
        this.threads = threads;
    }

    public ObjectProperty<AnalysisResult> resultProperty() {
        return result;
    }

    /** The folder the tables behind each chart are read from. */
    public ObjectProperty<Path> reportDirProperty() {
        return reportDir;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<UiError> errorProperty() {
        return error;
    }

    /** What the screen says before Analysis has run: how to run it. */
    public static String runHint() {
        return "Run the Analysis stage (or Run all, F5) to see the KPIs and charts. It runs Monitoring first, because "
                + "the report summarizes its alerts.";
    }

    public void reload(Path dir) {
        reload(dir, runHint());
    }

    /** Reads the analysis in {@code dir}; {@code missingHint} is said when it is not there. */
    public void reload(Path dir, String missingHint) {
        reportDir.set(dir);
        if (dir == null || !Files.isDirectory(dir)) {
            result.set(null);
            message.set(missingHint);
            return;
        }
        message.set("Reading the analysis…");
        threads.background(() -> {
            try {
                AnalysisResult read = AnalysisResults.read(dir);
                threads.fx(() -> {
                    result.set(read);
                    message.set("");
                });
            } catch (Exception e) {
                threads.fx(() -> {
                    result.set(null);
                    message.set("The analysis in " + dir + " could not be read: run the Analysis stage again.");
                    error.set(UiError.of("read the analysis in " + dir, e));
                });
            }
        });
    }
}
