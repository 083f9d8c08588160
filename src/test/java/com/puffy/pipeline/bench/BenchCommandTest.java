package com.puffy.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.cli.EventPipeCli;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.engine.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** A stand-in quality stage that reads every input byte, like the real one must. */
    static final class ReadingStage implements Stage {
        long bytesRead;

        @Override
        public StageId id() {
            return StageId.QUALITY;
        }

        @Override
        public List<String> outputs() {
            return List.of("read.txt");
        }

        @Override
        public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws IOException {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(context.inputDir(), "*.csv")) {
                for (Path f : files) {
                    bytesRead += Files.readAllBytes(f).length;
                }
            }
            Files.writeString(context.workDir().resolve("read.txt"), Long.toString(bytesRead));
            return StageResult.of(Map.of("bytes", bytesRead), List.of("read " + bytesRead + " bytes"));
        }
    }

    private int bench(Pipeline pipeline, String... args) {
        CommandLine cli = new CommandLine(new BenchCommand(() -> pipeline));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void measuresTheGeneratorAndEveryStageAndCleansUp() {
        ReadingStage stage = new ReadingStage();
        assertThat(bench(new Pipeline(List.of(stage)), "--events", "3000", "--days", "3")).isZero();
        String text = out.toString();
        // The common faults add a few rows (bot burst, duplicate) to the 3,000 asked for.
        assertThat(text).containsPattern("Data: 3,\\d{3} events in 3 days \\(common faults\\)");
        assertThat(text).contains("events/s", "MB/s", "peak heap", "live heap", "peak RSS");
        assertThat(text).containsPattern("(?m)^generate +\\d+\\.\\d\\d +[\\d,]+ +\\d+\\.\\d +\\d+ MiB +(\\d+ MiB|no GC) +");
        assertThat(text).containsPattern("(?m)^quality +\\d+\\.\\d\\d +[\\d,]+ +\\d+\\.\\d +\\d+ MiB +(\\d+ MiB|no GC) +");
        assertThat(stage.bytesRead).isPositive();
    }

    @Test
    void keepLeavesTheDataAndOutputsAndInputSkipsGeneration() throws IOException {
        Path keep = dir.resolve("kept");
        assertThat(bench(new Pipeline(List.of(new ReadingStage())), "--events", "1000", "--days", "2",
                "--keep", keep.toString())).isZero();
        assertThat(keep.resolve("events").resolve("events_20250223.csv")).exists();
        assertThat(keep.resolve("outputs").resolve("quality").resolve("read.txt")).exists();

        out.getBuffer().setLength(0);
        assertThat(bench(new Pipeline(List.of(new ReadingStage())), "--input", keep.resolve("events").toString()))
                .isZero();
        assertThat(out.toString()).containsPattern("Data: 1,\\d{3} rows").doesNotContain("generate ");
        assertThat(out.toString()).containsPattern("(?m)^quality ");
    }

    @Test
    void stagesWhoseUpstreamIsMissingAreReportedNotRun() {
        Stage transform = new Stage() {
            @Override
            public StageId id() {
                return StageId.TRANSFORM;
            }

            @Override
            public List<String> outputs() {
                return List.of();
            }

            @Override
            public StageResult run(RunContext context, Progress progress, Cancellation cancellation) {
                throw new AssertionError("must not run without quality");
            }
        };
        assertThat(bench(new Pipeline(List.of(transform)), "--events", "500", "--days", "1")).isZero();
        assertThat(out.toString()).contains("transform  not run: needs quality");
    }

    @Test
    void theStandardBuildBenchesOnATinyFolder() {
        assertThat(EventPipeCli.execute(new Pipeline(List.of()), new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "--events", "2000", "--days", "2")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^generate ");
    }

    @Test
    void badArgumentsAreUsageOrInputErrors() {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        Pipeline none = new Pipeline(List.of());
        assertThat(EventPipeCli.execute(none, o, e, "bench", "--events", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--events 0");
        assertThat(EventPipeCli.execute(none, o, e, "bench", "--input", dir.resolve("nope").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("nope", "--input");
        assertThat(EventPipeCli.execute(none, o, e, "bench", "--stages", "frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("'frobnicate' is not a stage");
    }

    @Test
    void aKeepFolderThatIsAFileIsAUsageErrorNotAnInternalOne() throws IOException {
        Path file = Files.writeString(dir.resolve("results.txt"), "mine");
        assertThat(EventPipeCli.execute(new Pipeline(List.of()), new PrintWriter(out, true),
                new PrintWriter(err, true), "bench", "--events", "100", "--days", "1", "--keep", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("eventpipe: --keep " + file + " is a file, not a folder: pass --keep "
                + "with a folder to keep the data and outputs in." + System.lineSeparator());
        assertThat(file).hasContent("mine");
    }

    @Test
    void rowsAreCountedWithoutHeadersAndWithoutATrailingNewline() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "h\n1\n2\n");
        Files.writeString(dir.resolve("b.csv"), "h\n1\n2");
        Files.writeString(dir.resolve("c.csv"), "");
        assertThat(BenchCommand.countRows(dir)).isEqualTo(4);
    }
}
