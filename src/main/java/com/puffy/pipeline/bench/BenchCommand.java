package com.puffy.pipeline.bench;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eventpipe bench}: throughput and peak memory of the generator and of each pipeline stage, one stage at a
 * time, without cache and forced. Speed is measured here, never asserted in tests (DESIGN.md §3).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the generator and each pipeline stage: wall time, events/s, MB/s, peak heap, live heap"
                + " and peak RSS.",
                "Generates a folder of --events events unless --input is given.",
                "Peak heap counts garbage not yet collected; live heap is the most the step still held right after a"
                + " garbage collection (\"no GC\" when none ran), the figure a heap limit has to cover."})
public final class BenchCommand implements Callable<Integer> {
    /** Dependency order of decision 0002: analysis reads monitoring. */
    private static final List<StageId> ORDER = List.of(StageId.QUALITY, StageId.TRANSFORM, StageId.MONITOR,
            StageId.ANALYSIS);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
            description = "Events to generate (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--days", paramLabel = "D", defaultValue = "14", description = "Days to spread them over (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--input", paramLabel = "DIR", description = "Measure this folder instead of generating one.")
    Path input;

    @Option(names = "--stages", split = ",", paramLabel = "LIST",
            description = "Stages to measure, from quality,transform,monitor,analysis (default: all in this build).")
    List<String> stages;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Keep the generated data and the outputs in DIR (default: a temporary folder, deleted).")
    Path keep;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    private final Supplier<Pipeline> pipelines;

    public BenchCommand() {
        this(StudioEngine::standardPipeline);
    }

    /** For tests: measure another pipeline. */
    public BenchCommand(Supplier<Pipeline> pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public Integer call() throws IOException {
        if (events < 1 || days < 1) {
            throw PipelineException.usage((events < 1 ? "--events " + events : "--days " + days)
                    + " must be a positive number.");
        }
        if (input != null && !Files.isDirectory(input)) {
            throw new PipelineException(com.puffy.pipeline.core.ExitCode.UNREADABLE_INPUT, "The input folder " + input
                    + " does not exist or is not a folder: pass --input with the folder of event CSV files.");
        }
        Pipeline pipeline = pipelines.get();
        Set<StageId> wanted = wantedStages(pipeline);
        PrintWriter out = spec.commandLine().getOut();
        Path work = keep != null ? keepFolder(keep) : Files.createTempDirectory("eventpipe-bench-");
        MemoryProbe memory = new MemoryProbe();
        try {
            Path data;
            long rows;
            LocalDate asOf;
            if (input == null) {
                data = work.resolve("events");
                int perDay = (int) Math.max(1, (events + days - 1) / days);
                Set<FaultKind> faults = perDay >= GenerateSettings.MIN_EVENTS_PER_DAY_WITH_FAULTS
                        ? FaultKind.common() : EnumSet.noneOf(FaultKind.class);
                GenerateSettings settings = new GenerateSettings(data, days, perDay, GenerateSettings.DEFAULT_START,
                        seed, faults);
                System.gc();
                memory.reset();
                long start = System.nanoTime();
                EventGenerator.Result result = EventGenerator.generate(settings, Progress.NONE, Cancellation.none());
                double seconds = (System.nanoTime() - start) / 1e9;
                rows = result.rows();
                asOf = settings.startDate().plusDays(days);
                out.println(String.format(Locale.ROOT, "Data: %,d events in %d days (%s faults), %.1f MB in %s",
                        rows, days, faults.isEmpty() ? "no" : "common", result.bytes() / 1e6, data));
                out.println(header());
                out.println(line("generate", seconds, rows, result.bytes(), memory));
            } else {
                data = input;
                rows = countRows(input);
                asOf = LocalDate.now(ZoneOffset.UTC);
                out.println(String.format(Locale.ROOT, "Data: %,d rows, %.1f MB in %s", rows, csvBytes(input) / 1e6,
                        input));
                out.println(header());
            }
            long bytes = csvBytes(data);
            RunSettings settings = new RunSettings(data, work.resolve("outputs"), ConfigLoader.defaults(), null, asOf,
                    false, null);
            Set<StageId> done = EnumSet.noneOf(StageId.class);
            for (StageId stage : ORDER) {
                if (!wanted.contains(stage)) {
                    continue;
                }
                if (!pipeline.availableStages().containsAll(stage.allUpstream())) {
                    out.println(String.format(Locale.ROOT, "%-10s not run: needs %s, not in this build", stage.cliName(),
                            missing(pipeline, stage)));
                    continue;
                }
                System.gc();
                memory.reset();
                long start = System.nanoTime();
                PipelineReport report = pipeline.run(settings, EnumSet.of(stage), true, PipelineListener.NONE,
                        Cancellation.none());
                double seconds = (System.nanoTime() - start) / 1e9;
                StageRun run = report.stages().stream().filter(r -> r.stage() == stage).findFirst().orElseThrow();
                String label = stage.cliName() + (run.outcome() == StageOutcome.RAN ? "" : " (" + run.outcome() + ")");
                out.println(line(label, seconds, rows, bytes, memory));
                done.add(stage);
            }
            if (done.isEmpty()) {
                out.println("No pipeline stage of this build could be measured (available: "
                        + (pipeline.availableStages().isEmpty() ? "none" : pipeline.availableStages()) + ").");
            }
            out.flush();
            return 0;
        } finally {
            if (keep == null) {
                deleteTree(work);
            }
        }
    }

    /** --keep naming a file ended in "internal error (FileAlreadyExistsException: out)", exit 4. */
    private static Path keepFolder(Path keep) {
        if (Files.exists(keep) && !Files.isDirectory(keep)) {
            throw PipelineException.usage("--keep " + keep + " is a file, not a folder: pass --keep with a folder to "
                    + "keep the data and outputs in.");
        }
        try {
            return Files.createDirectories(keep);
        } catch (IOException e) {
            throw PipelineException.usage("--keep " + keep + " cannot be created (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): pass --keep with a folder you may "
                    + "write to.");
        }
    }

    private Set<StageId> wantedStages(Pipeline pipeline) {
        Set<StageId> wanted = EnumSet.noneOf(StageId.class);
        if (stages == null || stages.isEmpty()) {
            wanted.addAll(pipeline.availableStages());
            return wanted;
        }
        for (String name : stages) {
            StageId id = StageId.byCliName(name).orElseThrow(() -> PipelineException.usage("--stages: '" + name
                    + "' is not a stage; use quality, transform, analysis or monitor."));
            if (!pipeline.availableStages().contains(id)) {
                throw PipelineException.usage("--stages: the " + id.title() + " stage is not in this build; it has "
                        + (pipeline.availableStages().isEmpty() ? "none" : pipeline.availableStages()) + ".");
            }
            wanted.add(id);
        }
        return wanted;
    }

    private static String missing(Pipeline pipeline, StageId stage) {
        List<String> names = new ArrayList<>();
        for (StageId up : stage.allUpstream()) {
            if (!pipeline.availableStages().contains(up)) {
                names.add(up.cliName());
            }
        }
        return String.join(", ", names);
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-10s %9s %12s %9s %11s %11s %11s", "step", "wall s", "events/s", "MB/s",
                "peak heap", "live heap", "peak RSS");
    }

    private static String line(String step, double seconds, long rows, long bytes, MemoryProbe memory) {
        double s = Math.max(seconds, 1e-9);
        memory.settle();
        OptionalLong live = memory.largestHeapAfterCollectionBytes();
        String rss = memory.peakRssBytes().isPresent()
                ? MemoryProbe.mib(memory.peakRssBytes().getAsLong()) + (memory.rssSinceReset() ? "" : "*") : "n/a";
        return String.format(Locale.ROOT, "%-10s %9.2f %,12.0f %9.1f %11s %11s %11s", step, seconds, rows / s,
                bytes / 1e6 / s, MemoryProbe.mib(memory.peakHeapBytes()),
                live.isPresent() ? MemoryProbe.mib(live.getAsLong()) : "no GC", rss);
    }

    static long csvBytes(Path dir) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
            for (Path f : files) {
                total += Files.size(f);
            }
        }
        return total;
    }

    /** Data rows of the CSV files: line ends counted byte-wise, minus one header line a file. */
    static long countRows(Path dir) throws IOException {
        long rows = 0;
        byte[] buffer = new byte[1 << 16];
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
            for (Path f : files) {
                long lines = 0;
                int last = '\n';
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                        last = buffer[n - 1];
                    }
                }
                if (last != '\n') {
                    lines++;
                }
                rows += Math.max(0, lines - 1);
            }
        }
        return rows;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
