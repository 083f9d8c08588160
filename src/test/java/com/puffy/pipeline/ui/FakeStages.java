package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Tiny stages that write one CSV each, so ViewModel and view tests drive the real Pipeline quickly. */
final class FakeStages {
    final List<StageId> ran = new ArrayList<>();
    /** The as-of date of each Monitoring run, in order. */
    final List<java.time.LocalDate> monitoredAsOf = new java.util.concurrent.CopyOnWriteArrayList<>();

    Stage stage(StageId id) {
        return stage(id, cancellation -> { });
    }

    Stage stage(StageId id, Consumer<Cancellation> during) {
        return new Stage() {
            @Override
            public StageId id() {
                return id;
            }

            @Override
            public List<String> outputs() {
                return List.of(id.cliName() + ".csv");
            }

            @Override
            public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
                // The real rule: Quality's outputs depend on its own section only, the others on all of it.
                return id == StageId.QUALITY ? new com.puffy.pipeline.quality.QualityStage().configUsed(config) : config;
            }

            @Override
            public String inputFingerprint(RunSettings settings) {
                if (id == StageId.MONITOR) {
                    // The real stage's rule, so these tests see what the engine sees when the as-of date changes.
                    return new com.puffy.pipeline.monitor.MonitorStage().inputFingerprint(settings);
                }
                if (id != StageId.QUALITY) {
                    return "";
                }
                try (Stream<java.nio.file.Path> files = Files.list(settings.inputDir())) {
                    return files.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList().toString();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
                ran.add(id);
                if (id == StageId.MONITOR) {
                    monitoredAsOf.add(context.settings().asOf());
                }
                progress.update(1, 4, "a quarter");
                during.accept(cancellation);
                cancellation.throwIfCancelled();
                progress.update(4, 4, "all");
                // What it read, as a real stage's outputs follow its inputs: the pipeline keeps the stages after one
                // whose outputs come out the same (docs/decisions/0789), so constant outputs would hide every change.
                StringBuilder read = new StringBuilder(inputFingerprint(context.settings()))
                        .append(com.puffy.pipeline.config.ConfigLoader.fingerprint(configUsed(context.config())));
                for (StageId up : id.upstream()) {
                    read.append(Files.readString(context.outputOf(up).resolve(up.cliName() + ".csv")));
                }
                Files.writeString(context.workDir().resolve(id.cliName() + ".csv"), "name,value,made_from\n"
                        + id.cliName() + ",1," + Integer.toHexString(read.toString().hashCode()) + "\n");
                if (id == StageId.QUALITY) {
                    // As the real stage, the files it examined, which the app compares with the folder later.
                    try (Stream<java.nio.file.Path> files = Files.list(context.settings().inputDir())) {
                        List<Map<String, Object>> examined = files.map(p -> p.getFileName().toString())
                                .filter(name -> name.endsWith(".csv")).sorted()
                                .map(name -> Map.<String, Object>of("file", name)).toList();
                        return StageResult.of(Map.of("rows", 1, "files", examined),
                                List.of(id.title() + " wrote 1 row."));
                    }
                }
                return StageResult.of(Map.of("rows", 1), List.of(id.title() + " wrote 1 row."));
            }
        };
    }

    static Consumer<Cancellation> failing() {
        return c -> {
            throw PipelineException.unreadableInput("events_20250101.csv cannot be read: check its permissions.", null);
        };
    }
}
