package com.puffy.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.CancelledException;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early cutoff (docs/decisions/0789): a stage that reruns and writes the same bytes leaves the stages reading it fresh,
 * unless they read a setting that changed, and an upstream stage that was cancelled or failed never counts as the same.
 */
class EarlyCutoffTest {
    @TempDir
    Path dir;
    Path input;
    Path output;
    /** What each stand-in writes into its one file when it runs. */
    final Map<StageId, String> writes = new EnumMap<>(StageId.class);
    final List<StageId> ran = new ArrayList<>();
    /** What the stand-in Quality writes into its file_summary.csv, whose from_cache is bookkeeping; null: no such file. */
    String qualitySummary;
    /** What the stand-in Transform does after writing: cancel, fail, or nothing. */
    Runnable transformThen = () -> { };

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        output = dir.resolve("out");
        for (StageId id : StageId.values()) {
            writes.put(id, id.title() + " v1\n");
        }
    }

    /**
     * Reads the settings a real stage of its kind reads: Quality its section and the folder's listing, Transform the
     * whole configuration (so every change reruns it), Monitoring and Analysis the monitoring section.
     */
    private final class StandIn implements Stage {
        private final StageId id;

        StandIn(StageId id) {
            this.id = id;
        }

        @Override
        public StageId id() {
            return id;
        }

        @Override
        public List<String> outputs() {
            return List.of(id.cliName() + ".csv");
        }

        @Override
        public String inputFingerprint(RunSettings settings) {
            if (id != StageId.QUALITY) {
                return "";
            }
            try (var files = Files.list(settings.inputDir())) {
                return files.map(p -> p.getFileName() + ":" + p.toFile().lastModified()).sorted().toList().toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Object configUsed(PipelineConfig config) {
            return switch (id) {
                case QUALITY -> config.quality();
                case TRANSFORM -> config;
                case MONITOR, ANALYSIS -> config.monitoring();
            };
        }

        @Override
        public Map<String, Set<String>> bookkeepingColumns() {
            return id == StageId.QUALITY ? Map.of("file_summary.csv", Set.of("from_cache")) : Map.of();
        }

        @Override
        public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
            ran.add(id);
            Files.writeString(context.workDir().resolve(id.cliName() + ".csv"), writes.get(id));
            if (id == StageId.QUALITY && qualitySummary != null) {
                Files.writeString(context.workDir().resolve("file_summary.csv"), qualitySummary);
            }
            if (id == StageId.TRANSFORM) {
                transformThen.run();
            }
            return StageResult.of(Map.of(), List.of(id.title() + " ok"));
        }
    }

    private Pipeline pipeline() {
        return new Pipeline(List.of(new StandIn(StageId.QUALITY), new StandIn(StageId.TRANSFORM),
                new StandIn(StageId.ANALYSIS), new StandIn(StageId.MONITOR)));
    }

    private RunSettings settings(String yaml) {
        PipelineConfig config = yaml.isEmpty() ? ConfigLoader.defaults() : ConfigLoader.fromText(yaml, "test");
        return new RunSettings(input, output, config, null, LocalDate.of(2025, 1, 2), false, null);
    }

    private PipelineReport runAll(Pipeline pipeline, RunSettings settings) {
        ran.clear();
        return pipeline.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE, Cancellation.none());
    }

    private static Map<StageId, StageOutcome> outcomes(PipelineReport report) {
        return report.stages().stream().collect(Collectors.toMap(StageRun::stage, StageRun::outcome,
                (a, b) -> a, () -> new EnumMap<>(StageId.class)));
    }

    private Map<StageId, String> manifests() throws Exception {
        Map<StageId, String> texts = new EnumMap<>(StageId.class);
        for (StageId id : StageId.values()) {
            texts.put(id, Files.readString(output.resolve(id.outputFolder()).resolve(Pipeline.STAGE_MANIFEST)));
        }
        return texts;
    }

    private static final String GAP_45 = "transform:\n  session_gap_minutes: 45\n";

    @Test
    void aTransformSettingThatChangesNoOutputLeavesMonitoringAndAnalysisUpToDateAndUntouched() throws Exception {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        Map<StageId, String> before = manifests();
        FileTime alertsWritten = Files.getLastModifiedTime(output.resolve("monitoring/monitor.csv"));

        RunSettings changed = settings(GAP_45);
        assertThat(pipeline.status(changed, StageId.TRANSFORM)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.status(changed, StageId.MONITOR)).as("not known to be the same before Transform ran")
                .isEqualTo(StageStatus.STALE);
        PipelineReport report = runAll(pipeline, changed);

        assertThat(ran).containsExactly(StageId.TRANSFORM);
        assertThat(outcomes(report)).containsOnly(Map.entry(StageId.QUALITY, StageOutcome.UP_TO_DATE),
                Map.entry(StageId.TRANSFORM, StageOutcome.RAN), Map.entry(StageId.MONITOR, StageOutcome.UP_TO_DATE),
                Map.entry(StageId.ANALYSIS, StageOutcome.UP_TO_DATE));
        Map<StageId, StageRun> runs = report.stages().stream()
                .collect(Collectors.toMap(StageRun::stage, run -> run));
        assertThat(runs.get(StageId.TRANSFORM).outputsUnchanged()).isTrue();
        assertThat(runs.get(StageId.MONITOR).unchangedUpstream()).containsExactly(StageId.TRANSFORM);
        assertThat(runs.get(StageId.ANALYSIS).unchangedUpstream()).containsExactly(StageId.TRANSFORM);
        assertThat(runs.get(StageId.QUALITY).unchangedUpstream()).as("fresh from the start").isEmpty();
        Map<StageId, String> after = manifests();
        assertThat(after.get(StageId.MONITOR)).isEqualTo(before.get(StageId.MONITOR));
        assertThat(after.get(StageId.ANALYSIS)).isEqualTo(before.get(StageId.ANALYSIS));
        assertThat(Files.getLastModifiedTime(output.resolve("monitoring/monitor.csv"))).isEqualTo(alertsWritten);
        for (StageId id : StageId.values()) {
            assertThat(pipeline.status(changed, id)).as(id.name()).isEqualTo(StageStatus.FRESH);
        }

        JsonNode stages = new ObjectMapper().readTree(output.resolve("run.json").toFile()).path("stages");
        assertThat(stages.get(1).path("outputs_unchanged").asBoolean()).isTrue();
        assertThat(stages.get(2).path("stage").asText()).isEqualTo("monitor");
        assertThat(stages.get(2).path("upstream_came_out_the_same").toString()).isEqualTo("[\"transform\"]");
        assertThat(StageRun.cameOutTheSame(runs.get(StageId.MONITOR).unchangedUpstream()))
                .isEqualTo("Transform ran again and its outputs came out the same");
    }

    @Test
    void aTransformSettingThatChangesAnOutputRerunsWhatReadsIt() {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        writes.put(StageId.TRANSFORM, "Transform v2\n");
        PipelineReport report = runAll(pipeline, settings(GAP_45));
        assertThat(ran).containsExactly(StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
        assertThat(report.stages()).allSatisfy(run -> assertThat(run.unchangedUpstream()).isEmpty());
    }

    @Test
    void outputsOfTheSameSizeThatDifferInOneByteCountAsChanged() {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        writes.put(StageId.TRANSFORM, "Transform v1\r");
        runAll(pipeline, settings(GAP_45));
        assertThat(ran).containsExactly(StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
    }

    @Test
    void aSettingMonitoringReadsItselfStillRerunsItWhenTransformComesOutTheSame() {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        PipelineReport report = runAll(pipeline, settings("monitoring:\n  z_threshold: 4\n"));
        assertThat(outcomes(report)).containsEntry(StageId.TRANSFORM, StageOutcome.RAN)
                .containsEntry(StageId.MONITOR, StageOutcome.RAN).containsEntry(StageId.ANALYSIS, StageOutcome.RAN);
        assertThat(report.stages().get(1).outputsUnchanged()).isTrue();
    }

    @Test
    void aDayFileTouchedButUnchangedRerunsOnlyQuality() throws Exception {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        Path day = input.resolve("events_20250101.csv");
        Files.setLastModifiedTime(day, FileTime.fromMillis(Files.getLastModifiedTime(day).toMillis() + 60_000));
        PipelineReport report = runAll(pipeline, settings(""));
        assertThat(ran).containsExactly(StageId.QUALITY);
        assertThat(report.stages().get(1).unchangedUpstream()).containsExactly(StageId.QUALITY);
        assertThat(report.stages().get(3).unchangedUpstream()).as("Analysis reads Quality's outputs too")
                .containsExactly(StageId.QUALITY);
    }

    private void touchTheDay() throws Exception {
        Path day = input.resolve("events_20250101.csv");
        Files.setLastModifiedTime(day, FileTime.fromMillis(Files.getLastModifiedTime(day).toMillis() + 60_000));
    }

    /**
     * The first run after an uncached one: every file from the cache, so from_cache reads true where it read false,
     * and the file is longer by a byte a row. No stage after Quality reads that column (docs/decisions/0799).
     */
    @Test
    void aQualityRerunThatDiffersOnlyInABookkeepingColumnLeavesTheStagesAfterItUpToDate() throws Exception {
        qualitySummary = "file,rows_read,from_cache,status\nevents_20250101.csv,3,false,event_file\n";
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        FileTime transformWritten = Files.getLastModifiedTime(output.resolve("transform/transform.csv"));

        qualitySummary = "file,rows_read,from_cache,status\nevents_20250101.csv,3,true,event_file\n";
        touchTheDay();
        PipelineReport report = runAll(pipeline, settings(""));

        assertThat(ran).containsExactly(StageId.QUALITY);
        assertThat(report.stages().get(0).outputsUnchanged()).isTrue();
        assertThat(report.stages().get(1).unchangedUpstream()).containsExactly(StageId.QUALITY);
        assertThat(Files.getLastModifiedTime(output.resolve("transform/transform.csv"))).isEqualTo(transformWritten);
        assertThat(Files.readString(output.resolve("quality/file_summary.csv"))).as("this run's bookkeeping is kept")
                .contains(",true,");
        for (StageId id : StageId.values()) {
            assertThat(pipeline.status(settings(""), id)).as(id.name()).isEqualTo(StageStatus.FRESH);
        }
    }

    @Test
    void aQualityRerunThatDiffersInAColumnBesideTheBookkeepingOneRerunsTheStagesAfterIt() throws Exception {
        qualitySummary = "file,rows_read,from_cache,status\nevents_20250101.csv,3,false,event_file\n";
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        qualitySummary = "file,rows_read,from_cache,status\nevents_20250101.csv,4,true,event_file\n";
        touchTheDay();
        PipelineReport report = runAll(pipeline, settings(""));
        assertThat(ran).containsExactly(StageId.QUALITY, StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
        assertThat(report.stages().get(0).outputsUnchanged()).isFalse();
    }

    @Test
    void sameOutputsLeavesOutOnlyTheNamedColumnsOfTheNamedFile() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Map<String, Set<String>> bookkeeping = Map.of("s.csv", Set.of("from_cache"));
        Files.writeString(a.resolve("s.csv"), "file,header,from_cache\nx.csv,\"a,b\",false\ny.csv,\"c\"\"d\",true\n");
        Files.writeString(b.resolve("s.csv"), "file,header,from_cache\nx.csv,\"a,b\",true\ny.csv,\"c\"\"d\",false\n");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, bookkeeping)).isTrue();
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST)).as("byte for byte").isFalse();
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, Map.of("other.csv", Set.of("from_cache"))))
                .as("another file's column").isFalse();

        Files.writeString(b.resolve("s.csv"), "file,header,from_cache\nx.csv,\"a,c\",true\ny.csv,\"c\"\"d\",false\n");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, bookkeeping)).as("another cell").isFalse();
        Files.writeString(b.resolve("s.csv"), "file,header,from_cache\nx.csv,\"a,b\",true\n");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, bookkeeping)).as("a row fewer").isFalse();
        Files.writeString(b.resolve("s.csv"), "file,header,cached\nx.csv,\"a,b\",true\ny.csv,\"c\"\"d\",false\n");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, bookkeeping)).as("another header").isFalse();
        Files.writeString(b.resolve("s.csv"), "file,header,from_cache\nx.csv,\"a,b\",true\ny.csv,\"c\"\"d\",false,1\n");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, bookkeeping)).as("a cell more").isFalse();
        Files.writeString(b.resolve("s.csv"), "file,header,from_cache\nx.csv,\"a,b\",true\ny.csv,\"c\"d\",false\n");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, bookkeeping)).as("not CSV").isFalse();
        Files.delete(b.resolve("s.csv"));
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST, bookkeeping)).as("gone").isFalse();
    }

    @Test
    void aCancelledTransformDoesNotCountAsTheSameAndLeavesMonitoringOutOfDate() {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        transformThen = () -> {
            throw new CancelledException();
        };
        RunSettings changed = settings(GAP_45);
        PipelineReport report = runAll(pipeline, changed);
        assertThat(outcomes(report)).containsOnly(Map.entry(StageId.QUALITY, StageOutcome.UP_TO_DATE),
                Map.entry(StageId.TRANSFORM, StageOutcome.CANCELLED));
        assertThat(pipeline.status(changed, StageId.TRANSFORM)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.status(changed, StageId.MONITOR)).as("the kept outputs are the same, but out of date")
                .isEqualTo(StageStatus.STALE);
        assertThat(pipeline.status(changed, StageId.ANALYSIS)).isEqualTo(StageStatus.STALE);

        transformThen = () -> { };
        runAll(pipeline, changed);
        assertThat(ran).containsExactly(StageId.TRANSFORM);
    }

    @Test
    void aFailedTransformDoesNotCountAsTheSameAndLeavesMonitoringOutOfDate() {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        transformThen = () -> {
            throw new IllegalStateException("broken");
        };
        RunSettings changed = settings(GAP_45);
        assertThatThrownBy(() -> runAll(pipeline, changed)).isInstanceOf(PipelineException.class);
        assertThat(ran).containsExactly(StageId.TRANSFORM);
        assertThat(pipeline.status(changed, StageId.MONITOR)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.status(changed, StageId.ANALYSIS)).isEqualTo(StageStatus.STALE);
    }

    @Test
    void aTransformWhoseInputsChangedWhileItRanDoesNotCountAsTheSame() throws Exception {
        Pipeline pipeline = pipeline();
        runAll(pipeline, settings(""));
        Path day = input.resolve("events_20250101.csv");
        // The stand-in Quality fingerprints the folder; touching a day while Transform runs changes Quality's inputs,
        // not Transform's, so Transform's outputs are marked through its own check: a folder change during the run
        // must rerun Quality next time and everything after it that reads a changed output.
        transformThen = () -> {
            try {
                Files.setLastModifiedTime(day, FileTime.fromMillis(Files.getLastModifiedTime(day).toMillis() + 5_000));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        runAll(pipeline, settings(GAP_45));
        assertThat(pipeline.status(settings(GAP_45), StageId.QUALITY)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.status(settings(GAP_45), StageId.MONITOR)).isEqualTo(StageStatus.STALE);
    }

    @Test
    void sameOutputsComparesNamesSizesAndBytes() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("x.csv"), "1,2\n");
        Files.writeString(b.resolve("x.csv"), "1,2\n");
        Files.writeString(a.resolve(Pipeline.STAGE_MANIFEST), "{\"finished_at\":\"now\"}");
        Files.writeString(b.resolve(Pipeline.STAGE_MANIFEST), "{\"finished_at\":\"before\"}");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST)).as("manifests aside").isTrue();

        Files.writeString(b.resolve("x.csv"), "1,3\n");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST)).isFalse();
        Files.writeString(b.resolve("x.csv"), "1,2\n");
        Files.writeString(b.resolve("y.csv"), "");
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST)).as("a file more").isFalse();
        Files.delete(b.resolve("y.csv"));
        Files.createDirectories(b.resolve("sub"));
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST)).as("a folder more").isFalse();
        assertThat(SameOutputs.sameFiles(a, dir.resolve("gone"), Pipeline.STAGE_MANIFEST)).isFalse();

        byte[] big = new byte[(1 << 20) * 2 + 17];
        Files.write(a.resolve("big.bin"), big);
        big[big.length - 1] = 1;
        Files.write(b.resolve("big.bin"), big);
        Files.delete(b.resolve("sub"));
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST)).as("last byte of the third chunk").isFalse();
        big[big.length - 1] = 0;
        Files.write(b.resolve("big.bin"), big);
        assertThat(SameOutputs.sameFiles(a, b, Pipeline.STAGE_MANIFEST)).isTrue();
    }
}
