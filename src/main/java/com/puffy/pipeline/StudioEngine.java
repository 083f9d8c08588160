package com.puffy.pipeline;

import com.puffy.pipeline.analysis.AnalysisStage;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.monitor.MonitorStage;
import com.puffy.pipeline.quality.QualityStage;
import com.puffy.pipeline.transform.TransformStage;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the stage implementations into one {@link Pipeline}: the only place that knows every stage, so that the
 * stage packages never depend on each other and the faces (CLI, app) build the same engine.
 */
public final class StudioEngine {
    private StudioEngine() {
    }

    public static List<Stage> standardStages() {
        List<Stage> stages = new ArrayList<>();
        stages.add(new QualityStage());
        stages.add(new TransformStage());
        stages.add(new MonitorStage());
        stages.add(new AnalysisStage());
        return stages;
    }

    public static Pipeline standardPipeline() {
        return new Pipeline(standardStages());
    }
}
