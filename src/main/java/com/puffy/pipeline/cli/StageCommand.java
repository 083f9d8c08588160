package com.puffy.pipeline.cli;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run} (several stages) and one command per stage ({@code validate}, {@code transform}, {@code analyze},
 * {@code monitor}). A stage whose upstream outputs are missing or stale runs them first.
 */
@Command(mixinStandardHelpOptions = true)
final class StageCommand implements Callable<Integer>, WritesAFolder {
    private final Pipeline pipeline;
    private final StageId stage;
    private java.nio.file.Path folderWritten;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RunOptions options;

    @Option(names = "--stages", split = ",", paramLabel = "LIST",
            description = "With run: the stages to run, from quality,transform,analysis,monitor (default: all).")
    List<String> stages;

    StageCommand(Pipeline pipeline, StageId stage) {
        this.pipeline = pipeline;
        this.stage = stage;
    }

    static String commandName(StageId id) {
        return switch (id) {
            case QUALITY -> "validate";
            case TRANSFORM -> "transform";
            case ANALYSIS -> "analyze";
            case MONITOR -> "monitor";
        };
    }

    @Override
    public Integer call() {
        if (stage != null && stages != null) {
            throw PipelineException.usage("--stages goes with `eventpipe run`; `" + commandName(stage)
                    + "` runs the " + stage.title() + " stage (and what it needs).");
        }
        RunSettings settings = options.toSettings();
        Set<StageId> requested = requestedStages();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(err, System.console() != null, settings.outputDir());
        Cancellation cancellation = new Cancellation();
        PipelineReport report;
        boolean newOutputFolder = !Files.exists(settings.outputDir());
        try (StopOnSignal ignored = StopOnSignal.install(cancellation, err,
                "what is already in " + settings.outputDir() + " stays as it was")) {
            report = pipeline.run(settings, requested, options.force, progress, cancellation);
            if (newOutputFolder && report.stages().stream().anyMatch(r -> r.outcome() == StageOutcome.CANCELLED)) {
                // Ctrl+C in a first run's first stage said "nothing was written" and left the folder holding .lock.
                Pipeline.removeIfOnlyLock(settings.outputDir());
            }
        }
        for (StageRun run : report.stages()) {
            if (run.result() == null) {
                continue;
            }
            String suffix = run.outcome() != StageOutcome.UP_TO_DATE
                    ? (run.outputsUnchanged() ? " (ran; its outputs came out the same as before)" : "")
                    : run.unchangedUpstream().isEmpty() ? " (up to date, not run again)"
                    : " (up to date, not run again: " + StageRun.cameOutTheSame(run.unchangedUpstream()) + ")";
            out.println(run.stage().title() + suffix + ":");
            for (String line : run.result().summary()) {
                out.println("  " + line);
            }
        }
        if (report.stages().stream().noneMatch(r -> r.outcome() == StageOutcome.CANCELLED)) {
            folderWritten = report.outputDir();
        }
        out.println("Outputs: " + report.outputDir().toAbsolutePath());
        out.flush();
        reportUnreadable(report, err);
        reportCriticalAlerts(report, err);
        return report.exitCode().code();
    }

    /**
     * Exit 3 with the run's outputs written: the error says which files are missing from them and what to do, on
     * stderr, which a scheduled job keeps. Alerts hidden behind exit 3 are named too (1 would have been the code).
     */
    static void reportUnreadable(PipelineReport report, PrintWriter err) {
        List<String> unreadable = report.unreadableInputs();
        if (unreadable.isEmpty()) {
            return;
        }
        boolean one = unreadable.size() == 1;
        StringBuilder message = new StringBuilder("eventpipe: ").append(one ? "1 input file" : unreadable.size()
                + " input files").append(" could not be read, so ").append(one ? "its" : "their")
                .append(" rows are missing from every output (the other files were processed and written); fix ")
                .append(one ? "it" : "them").append(" as said below, or move ").append(one ? "it" : "them")
                .append(" out of the folder, and run again:");
        unreadable.forEach(reason -> message.append(System.lineSeparator()).append("  ").append(reason));
        err.println(message);
        int critical = report.criticalAlerts();
        if (critical > 0) {
            err.println("eventpipe: the run also raised " + critical + " CRITICAL alert" + (critical == 1 ? "" : "s")
                    + " (exit code 3 outranks 1): see " + alertsFile(report) + ".");
        }
        err.flush();
    }

    /**
     * Exit 1 said nothing on stderr: a scheduled job that keeps stderr and drops the summary (stdout) logged a failed
     * run without a word on why. Exit 3 names its alerts in {@link #reportUnreadable}.
     */
    static void reportCriticalAlerts(PipelineReport report, PrintWriter err) {
        int critical = report.criticalAlerts();
        if (critical == 0 || !report.unreadableInputs().isEmpty()) {
            return;
        }
        err.println("eventpipe: the run finished with " + critical + " CRITICAL alert" + (critical == 1 ? "" : "s")
                + " (exit code 1): see " + alertsFile(report) + ".");
        err.flush();
    }

    /**
     * In full, both after exit 1 and exit 3: a cron log is read away from the folder the job ran in, where
     * "monitoring/alerts.csv" (what exit 3 said) leads nowhere.
     */
    private static java.nio.file.Path alertsFile(PipelineReport report) {
        return report.outputDir().toAbsolutePath().resolve(StageId.MONITOR.outputFolder()).resolve("alerts.csv");
    }

    @Override
    public java.nio.file.Path folderWritten() {
        return folderWritten;
    }

    private Set<StageId> requestedStages() {
        if (stage != null) {
            return EnumSet.of(stage);
        }
        if (stages == null || stages.isEmpty()) {
            return pipeline.availableStages();
        }
        Set<StageId> chosen = EnumSet.noneOf(StageId.class);
        for (String name : stages) {
            chosen.add(StageId.byCliName(name).orElseThrow(() -> PipelineException.usage("--stages: '" + name
                    + "' is not a stage; use quality, transform, analysis or monitor.")));
        }
        return chosen;
    }

    /**
     * The first line is the one the top-level help lists. The second says what a run does beyond its name: stages
     * whose outputs are up to date are not run again, and a stage runs what it needs first (SPEC §9), which
     * `transform --help` did not say.
     */
    static String[] description(StageId id) {
        if (id == null) {
            return new String[]{"Run the pipeline: quality, transform, analysis and monitoring (or the --stages given).",
                    "Stages whose outputs are up to date are not run again (--force runs them)."};
        }
        String first = switch (id) {
            case QUALITY -> "Stage 1, Quality: schema, drift, row rules, duplicates, quarantine and reconciliation.";
            case TRANSFORM -> "Stage 2, Transform: sessions, users, conversions, attribution and daily metrics.";
            case ANALYSIS -> "Stage 3, Analysis: KPIs, charts and the HTML report.";
            case MONITOR -> "Stage 4, Monitoring: daily checks raising alerts, grouped into incidents.";
        };
        return new String[]{first, id.upstream().isEmpty()
                ? "Not run again while its outputs are up to date (--force runs it)."
                : "Runs the stages it needs first when their outputs are missing or out of date; not run again while "
                        + "its own are up to date (--force runs it)."};
    }
}
