package com.puffy.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.analysis.AnalysisStage;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.OutputFiles;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which settings rerun Monitoring and Analysis, seen through the engine's fingerprints. With the real upstream stages
 * every setting outside the monitoring section is read by Quality or Transform, whose reruns rerun everything after
 * them unless they come out the same; so the stages' own declarations are also checked behind upstream stand-ins that
 * read no setting.
 */
class MonitorSettingsRerunTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 2, 28);

    @TempDir
    static Path dir;
    static Path input;
    static Path real;

    @BeforeAll
    static void generateAndRunOnce() throws Exception {
        input = dir.resolve("events");
        EventGenerator.generate(new GenerateSettings(input, 5, 400, LocalDate.of(2025, 2, 23), 3,
                EnumSet.noneOf(FaultKind.class)), Progress.NONE, Cancellation.none());
        real = dir.resolve("real");
        run(StudioEngine.standardPipeline(), settings(real, ""), StageId.ANALYSIS);
    }

    @Test
    void aChannelKeywordRerunsTransformAndAfterItAMonitoringThresholdOnlyMonitoringAndTheReportOnIt()
            throws Exception {
        Pipeline pipeline = StudioEngine.standardPipeline();
        assertThat(run(pipeline, settings(real, ""), StageId.ANALYSIS)).containsOnly(
                Map.entry(StageId.QUALITY, StageOutcome.UP_TO_DATE), Map.entry(StageId.TRANSFORM, StageOutcome.UP_TO_DATE),
                Map.entry(StageId.MONITOR, StageOutcome.UP_TO_DATE), Map.entry(StageId.ANALYSIS, StageOutcome.UP_TO_DATE));

        String keyword = "transform:\n  channel_rules:\n    medium_keywords:\n"
                + "      - {channel: Paid Search, keywords: [cpc, ppc, paidsearch, paid_search, sem]}\n"
                + "      - {channel: Paid Social, keywords: [paid_social, paidsocial, social_paid, social-paid]}\n"
                + "      - {channel: Affiliate, keywords: [affiliate, affiliates]}\n"
                + "      - {channel: Email, keywords: [email, e-mail, newsletter, klaviyo, edm]}\n"
                + "      - {channel: SMS, keywords: [sms, text]}\n"
                + "      - {channel: Organic Social, keywords: [social]}\n"
                + "      - {channel: Referral, keywords: [referral, website]}\n";
        // No medium in this data is "edm": Transform reruns and writes the same bytes, so what reads it stays as it
        // was (docs/decisions/0789; until then Monitoring and Analysis ran again too).
        assertThat(run(pipeline, settings(real, keyword), StageId.ANALYSIS)).containsOnly(
                Map.entry(StageId.QUALITY, StageOutcome.UP_TO_DATE), Map.entry(StageId.TRANSFORM, StageOutcome.RAN),
                Map.entry(StageId.MONITOR, StageOutcome.UP_TO_DATE), Map.entry(StageId.ANALYSIS, StageOutcome.UP_TO_DATE));

        assertThat(run(pipeline, settings(real, keyword + "monitoring:\n  z_threshold: 4\n"), StageId.ANALYSIS))
                .containsOnly(Map.entry(StageId.QUALITY, StageOutcome.UP_TO_DATE),
                        Map.entry(StageId.TRANSFORM, StageOutcome.UP_TO_DATE),
                        Map.entry(StageId.MONITOR, StageOutcome.RAN), Map.entry(StageId.ANALYSIS, StageOutcome.RAN));
    }

    @Test
    void monitoringRerunsForItsOwnSectionAndTheValueDriftRuleOnly() throws Exception {
        Path out = dir.resolve("monitor-alone");
        Pipeline pipeline = new Pipeline(List.of(new HandedOver(StageId.QUALITY), new HandedOver(StageId.TRANSFORM),
                new MonitorStage()));
        assertThat(run(pipeline, settings(out, ""), StageId.MONITOR)).containsEntry(StageId.MONITOR, StageOutcome.RAN);

        assertThat(run(pipeline, settings(out, "transform:\n  session_gap_minutes: 45\n"), StageId.MONITOR))
                .containsEntry(StageId.MONITOR, StageOutcome.UP_TO_DATE);
        assertThat(run(pipeline, settings(out, "quality:\n  bot_pattern: \"bot|crawl\"\n"), StageId.MONITOR))
                .containsEntry(StageId.MONITOR, StageOutcome.UP_TO_DATE);

        assertThat(run(pipeline, settings(out, "monitoring:\n  bot_share_warning: 0.05\n"), StageId.MONITOR))
                .containsEntry(StageId.MONITOR, StageOutcome.RAN);
        assertThat(run(pipeline, settings(out, "quality:\n  value_drift:\n    absolute_points: 20\n"), StageId.MONITOR))
                .containsEntry(StageId.MONITOR, StageOutcome.RAN);
    }

    @Test
    void theReportRerunsForTheClientIdWarningLevelItQuotesNotForOtherThresholds() throws Exception {
        Path out = dir.resolve("analysis-alone");
        Pipeline pipeline = new Pipeline(List.of(new HandedOver(StageId.QUALITY), new HandedOver(StageId.TRANSFORM),
                new HandedOver(StageId.MONITOR), new AnalysisStage()));
        assertThat(run(pipeline, settings(out, ""), StageId.ANALYSIS)).containsEntry(StageId.ANALYSIS, StageOutcome.RAN);

        assertThat(run(pipeline, settings(out, "monitoring:\n  z_threshold: 4\n"), StageId.ANALYSIS))
                .containsEntry(StageId.ANALYSIS, StageOutcome.UP_TO_DATE);
        assertThat(run(pipeline, settings(out, "quality:\n  value_drift:\n    absolute_points: 20\n"), StageId.ANALYSIS))
                .containsEntry(StageId.ANALYSIS, StageOutcome.UP_TO_DATE);

        assertThat(run(pipeline, settings(out, "monitoring:\n  client_id_null_warning: 0.02\n"), StageId.ANALYSIS))
                .containsEntry(StageId.ANALYSIS, StageOutcome.RAN);
    }

    private static RunSettings settings(Path output, String yaml) {
        PipelineConfig config = yaml.isEmpty() ? ConfigLoader.defaults() : ConfigLoader.fromText(yaml, "test");
        return new RunSettings(input, output, config, null, AS_OF, false, null);
    }

    private static Map<StageId, StageOutcome> run(Pipeline pipeline, RunSettings settings, StageId stage) {
        return pipeline.run(settings, EnumSet.of(stage), false, PipelineListener.NONE, Cancellation.none())
                .stages().stream().collect(Collectors.toMap(StageRun::stage, StageRun::outcome));
    }

    /** An upstream stage that reads no setting: it hands over the outputs of the real run made once. */
    private static final class HandedOver implements Stage {
        private final StageId id;
        private final Path made;

        HandedOver(StageId id) {
            this.id = id;
            this.made = real.resolve(id.outputFolder());
        }

        @Override
        public StageId id() {
            return id;
        }

        @Override
        public List<String> outputs() {
            try (Stream<Path> files = Files.list(made)) {
                return files.map(p -> p.getFileName().toString())
                        .filter(name -> !name.equals(OutputFiles.STAGE_MANIFEST)).sorted().toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Object configUsed(PipelineConfig config) {
            return "";
        }

        @Override
        public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
            for (String file : outputs()) {
                Files.copy(made.resolve(file), context.workDir().resolve(file));
            }
            return StageResult.of(Map.of(), List.of());
        }
    }
}
