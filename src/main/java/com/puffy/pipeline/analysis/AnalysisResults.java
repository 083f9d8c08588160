package com.puffy.pipeline.analysis;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the figures of a finished analysis back from its {@code report/} CSVs, for the app: it never recomputes. */
public final class AnalysisResults {
    private AnalysisResults() {
    }

    /**
     * The figures of the report in {@code reportDir} (a run's {@code <output>/report} folder).
     *
     * @throws com.puffy.pipeline.core.PipelineException when a table is missing or was written by another version
     */
    public static AnalysisResult read(Path reportDir) throws IOException {
        return ReportTables.read(reportDir);
    }

    /** The CSV tables the analysis writes next to {@code report.html}. */
    public static java.util.List<String> tableFiles() {
        return ReportTables.FILES;
    }
}
