package com.puffy.pipeline.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The four stages, in the order the product presents them (SPEC §1), with the folder each writes under the
 * output folder and the stages whose outputs it reads.
 * <p>
 * The report of the analysis stage summarizes the monitoring alerts, so analysis reads monitoring's outputs and
 * runs after it (see docs/decisions/0002-stage-order.md).
 */
public enum StageId {
    QUALITY("quality", "quality", "Quality"),
    TRANSFORM("transform", "transform", "Transform"),
    ANALYSIS("analysis", "report", "Analysis"),
    MONITOR("monitor", "monitoring", "Monitoring");

    private final String cliName;
    private final String outputFolder;
    private final String title;

    StageId(String cliName, String outputFolder, String title) {
        this.cliName = cliName;
        this.outputFolder = outputFolder;
        this.title = title;
    }

    /** The name used on the command line ({@code --stages quality,transform,analysis,monitor}). */
    public String cliName() {
        return cliName;
    }

    /** The folder under the run's output folder that holds this stage's files. */
    public String outputFolder() {
        return outputFolder;
    }

    public String title() {
        return title;
    }

    /** The stages whose outputs this one reads directly. */
    public Set<StageId> upstream() {
        return switch (this) {
            case QUALITY -> EnumSet.noneOf(StageId.class);
            case TRANSFORM -> EnumSet.of(QUALITY);
            case MONITOR -> EnumSet.of(QUALITY, TRANSFORM);
            case ANALYSIS -> EnumSet.of(QUALITY, TRANSFORM, MONITOR);
        };
    }

    /** Every stage this one needs, directly or not. */
    public Set<StageId> allUpstream() {
        Set<StageId> all = EnumSet.noneOf(StageId.class);
        for (StageId direct : upstream()) {
            all.add(direct);
            all.addAll(direct.allUpstream());
        }
        return all;
    }

    public static Optional<StageId> byCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (StageId id : values()) {
            if (id.cliName.equals(wanted) || id.outputFolder.equals(wanted) || id.name().equalsIgnoreCase(wanted)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
