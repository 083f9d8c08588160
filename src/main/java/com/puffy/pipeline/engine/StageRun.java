package com.puffy.pipeline.engine;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One stage's part of a {@link PipelineReport}. {@code outputsUnchanged}: the stage ran and wrote byte for byte the
 * outputs it replaced. {@code unchangedUpstream}: the stage was out of date when the run began and did not need to run,
 * because these upstream stages ran again and came out the same.
 */
public record StageRun(StageId stage, StageOutcome outcome, StageResult result, Duration elapsed,
                       boolean outputsUnchanged, Set<StageId> unchangedUpstream) {
    public StageRun {
        unchangedUpstream = unchangedUpstream.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(unchangedUpstream));
    }

    public StageRun(StageId stage, StageOutcome outcome, StageResult result, Duration elapsed) {
        this(stage, outcome, result, elapsed, false, Set.of());
    }

    /**
     * Why a stage out of date at the start was not run, in the words both faces show: "Transform ran again and its
     * outputs came out the same".
     */
    public static String cameOutTheSame(Set<StageId> unchangedUpstream) {
        List<StageId> stages = List.copyOf(EnumSet.copyOf(unchangedUpstream));
        return titles(stages) + " ran again and " + (stages.size() == 1 ? "its" : "their")
                + " outputs came out the same";
    }

    /** "Transform", "Transform and Monitoring", "Transform, Monitoring and Analysis", in the order given. */
    public static String titles(List<StageId> stages) {
        List<String> titles = stages.stream().map(StageId::title).toList();
        return titles.size() == 1 ? titles.get(0)
                : String.join(", ", titles.subList(0, titles.size() - 1)) + " and " + titles.get(titles.size() - 1);
    }
}
