package com.puffy.pipeline.cli;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Progress on stderr: a redrawn bar on a terminal, otherwise a plain line per 10 % so logs of scheduled jobs stay
 * short; after a stage that ran, its cache warnings as {@code WARNING:} lines.
 */
final class ConsoleProgress implements PipelineListener {
    private static final int BAR_WIDTH = 30;
    /** Figures of a stage's result that list warnings, each said on stderr after the stage's line. */
    private static final java.util.List<String> WARNING_FIGURES = java.util.List.of("input_warnings", "cache_warnings");

    private final PrintWriter err;
    private final boolean terminal;
    private final Path outputDir;
    private int lastDecile = -1;
    private long lastDrawNanos;
    private final Set<String> warned = new HashSet<>();
    /** Why the stage about to be said up to date did not need to run, when an upstream rerun came out the same. */
    private String keptBecause = "";

    /** {@code outputDir}: where the stages write, to tell a cancelled stage's kept outputs from none at all. */
    ConsoleProgress(PrintWriter err, boolean terminal, Path outputDir) {
        this.err = err;
        this.terminal = terminal;
        this.outputDir = outputDir;
    }

    @Override
    public void stageStarted(StageId stage) {
        lastDecile = -1;
        if (!terminal) {
            err.println(stage.title() + ": started");
            err.flush();
        }
    }

    @Override
    public void stageProgress(StageId stage, long done, long total, String message) {
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0.0;
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDrawNanos < 100_000_000L && fraction < 1.0) {
                return;
            }
            lastDrawNanos = now;
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            err.print(String.format(Locale.ROOT, "\r%-11s [%s%s] %3d%% %s", stage.title(), "#".repeat(filled),
                    " ".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), truncate(message)));
            err.flush();
        } else {
            int decile = (int) Math.floor(fraction * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.println(String.format(Locale.ROOT, "%s: %d%% %s", stage.title(), decile * 10,
                        message == null ? "" : message).stripTrailing());
                err.flush();
            }
        }
    }

    @Override
    public void leftoverNotRemoved(java.nio.file.Path leftover) {
        err.println("WARNING: " + leftover + " is left from an earlier run (set-aside outputs or unfinished work) and "
                + "could not be removed, as a folder in it is read-only to this user: make it writable (chmod -R u+w "
                + leftover + ") and delete it; eventpipe never reads it.");
        err.flush();
    }

    /** Before the stage's "started": a stage rerun for what the analyst did not change in the folder says why. */
    @Override
    public void runsBecause(StageId stage, String reason) {
        err.println(stage.title() + ": out of date, runs again. " + reason);
        err.flush();
    }

    @Override
    public void upstreamCameOutTheSame(StageId stage, Set<StageId> rerunUnchanged) {
        keptBecause = " (" + StageRun.cameOutTheSame(rerunUnchanged) + ")";
    }

    @Override
    public void stageFinished(StageId stage, StageOutcome outcome, StageResult result, Duration elapsed) {
        String line = switch (outcome) {
            case RAN -> String.format(Locale.ROOT, "%s: done in %.1f s", stage.title(), elapsed.toMillis() / 1000.0)
                    + reconciliation(stage, result);
            case UP_TO_DATE -> stage.title() + ": up to date" + keptBecause + reconciliation(stage, result);
            case FAILED -> stage.title() + ": failed";
            // A first run cancelled has nothing to keep: "previous outputs kept" sent users looking for them.
            case CANCELLED -> stage.title() + (Files.isDirectory(outputDir.resolve(stage.outputFolder()))
                    ? ": cancelled; previous outputs kept" : ": cancelled; nothing was written");
        };
        keptBecause = "";
        if (terminal) {
            err.print("\r" + " ".repeat(BAR_WIDTH + 60) + "\r");
        }
        err.println(line);
        // SPEC §8: a set-aside or bypassed cache is a WARNING; on stderr it reaches logs of scheduled runs, which
        // keep stderr and drop the summary. Quality and monitoring open the same file: say it once. An input file
        // that changed while quality read it is said the same way.
        for (String key : WARNING_FIGURES) {
            if (outcome == StageOutcome.RAN && result != null
                    && result.figures().get(key) instanceof Collection<?> warnings) {
                for (Object warning : warnings) {
                    if (warned.add(String.valueOf(warning))) {
                        err.println("WARNING: " + warning);
                    }
                }
            }
        }
        err.flush();
    }

    /**
     * The stage's own reconciliation, on the same line: a scheduled job's log (stderr) then shows that every row was
     * accounted for without the summary, which goes to stdout.
     */
    static String reconciliation(StageId stage, StageResult result) {
        Map<String, Object> figures = result == null ? Map.of() : result.figures();
        if (stage == StageId.QUALITY && figures.get("rows_read") instanceof Number read) {
            return String.format(Locale.ROOT, "; %,d %s read = %,d valid + %,d quarantined + %,d duplicate (%s)",
                    read.longValue(), read.longValue() == 1 ? "row" : "rows", count(figures, "rows_valid"), count(figures, "rows_quarantined"),
                    count(figures, "rows_duplicate"),
                    Boolean.TRUE.equals(figures.get("reconciled")) ? "reconciled" : "NOT reconciled: see run.json");
        }
        if (stage == StageId.TRANSFORM && figures.get("reconciliation_ok") instanceof Boolean holds) {
            return holds ? "; reconciliation holds" : "; reconciliation does NOT hold: see run.json";
        }
        return "";
    }

    private static long count(Map<String, Object> figures, String key) {
        return figures.get(key) instanceof Number number ? number.longValue() : 0;
    }

    private static String truncate(String message) {
        if (message == null) {
            return "";
        }
        String padded = String.format(Locale.ROOT, "%-40s", message);
        return padded.length() > 40 ? padded.substring(0, 39) + "…" : padded;
    }
}
