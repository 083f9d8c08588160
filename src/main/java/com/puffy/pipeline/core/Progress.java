package com.puffy.pipeline.core;

/**
 * Where a stage reports how far it is. {@code done} and {@code total} are in the stage's own unit (bytes read for
 * the quality stage, events for transform); a total of 0 or less means "unknown yet".
 */
@FunctionalInterface
public interface Progress {
    void update(long done, long total, String message);

    Progress NONE = (done, total, message) -> { };

    /**
     * A progress that maps this stage-local range onto [from, to] of a 0..1000 scale of the parent, so a stage can
     * split its work into phases without knowing how its parent scales them.
     */
    default Progress slice(double from, double to) {
        Progress parent = this;
        return (done, total, message) -> {
            double fraction = total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : 0.0;
            parent.update(Math.round((from + (to - from) * fraction) * 1000), 1000, message);
        };
    }
}
