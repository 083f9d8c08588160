package com.puffy.pipeline.generate;

import com.puffy.pipeline.core.PipelineException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to generate: {@code days} daily files of {@code eventsPerDay} clean events each (planted fault rows come on
 * top, see docs/generator.md), starting at {@code startDate}, reproducible from {@code seed}.
 */
public record GenerateSettings(Path outDir, int days, int eventsPerDay, LocalDate startDate, long seed,
                               Set<FaultKind> faults) {
    public static final int DEFAULT_DAYS = 14;
    public static final int DEFAULT_EVENTS_PER_DAY = 3500;
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 2, 23);
    public static final long DEFAULT_SEED = 1;
    /** Fewer events a day leave too few purchases and page views to plant every fault at a known place. */
    public static final int MIN_EVENTS_PER_DAY_WITH_FAULTS = 200;
    public static final int MAX_DAYS = 3660;
    /**
     * Cookie creation seconds are kept as unsigned 32-bit numbers, good until 2106-02-07; a start in 2095 with the
     * most days (and the week of earlier visitors) ends before that.
     */
    public static final int LAST_START_YEAR = 2095;

    public GenerateSettings {
        faults = faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults);
        if (outDir == null) {
            throw PipelineException.usage("No output folder was given: pass --out DIR for the generated files.");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw PipelineException.usage("--days " + days + " is out of range: give a number of days from 1 to "
                    + MAX_DAYS + ".");
        }
        if (eventsPerDay < 1) {
            throw PipelineException.usage("--events-per-day " + eventsPerDay + " must be a positive number of events.");
        }
        if (!faults.isEmpty() && eventsPerDay < MIN_EVENTS_PER_DAY_WITH_FAULTS) {
            throw PipelineException.usage("--events-per-day " + eventsPerDay + " is too small to plant faults: give at "
                    + "least " + MIN_EVENTS_PER_DAY_WITH_FAULTS + ", or --faults none.");
        }
        if (startDate == null) {
            throw PipelineException.usage("No start date was given: pass --start-date YYYY-MM-DD.");
        }
    }

    public static GenerateSettings defaults(Path outDir) {
        return new GenerateSettings(outDir, DEFAULT_DAYS, DEFAULT_EVENTS_PER_DAY, DEFAULT_START, DEFAULT_SEED,
                EnumSet.noneOf(FaultKind.class));
    }

    public GenerateSettings withFaults(Set<FaultKind> newFaults) {
        return new GenerateSettings(outDir, days, eventsPerDay, startDate, seed, newFaults);
    }

    public long totalCleanEvents() {
        return (long) days * eventsPerDay;
    }
}
