package com.puffy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.OutputFiles;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
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
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage's bookkeeping columns (quality's {@code from_cache}) are left out when deciding whether its rerun came out
 * the same (docs/decisions/0799). That is right only while no stage reads them: checked here with the real stages.
 */
class BookkeepingColumnsTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 2, 28);

    @TempDir
    static Path dir;
    static Path input;

    @BeforeAll
    static void generate() throws Exception {
        input = dir.resolve("events");
        EventGenerator.generate(new GenerateSettings(input, 5, 400, LocalDate.of(2025, 2, 23), 3,
                EnumSet.allOf(FaultKind.class)), Progress.NONE, Cancellation.none());
    }

    private static RunSettings settings(Path output, Path cache) {
        return new RunSettings(input, output, ConfigLoader.defaults(), null, AS_OF, false, cache);
    }

    private static Map<StageId, StageOutcome> run(Pipeline pipeline, RunSettings settings, Set<StageId> stages,
                                                  boolean force) {
        PipelineReport report = pipeline.run(settings, stages, force, PipelineListener.NONE, Cancellation.none());
        return report.stages().stream().collect(Collectors.toMap(StageRun::stage, StageRun::outcome));
    }

    /**
     * Every bookkeeping cell of a real run turned to the other value, then every stage after Quality run again on
     * them: each writes what it wrote before, byte for byte.
     */
    @Test
    void noStageAfterItReadsABookkeepingColumn() throws Exception {
        Path before = dir.resolve("before");
        Pipeline pipeline = StudioEngine.standardPipeline();
        run(pipeline, settings(before, null), EnumSet.allOf(StageId.class), false);
        Path after = dir.resolve("after");
        copyFolder(before, after);

        int flipped = 0;
        for (Stage stage : StudioEngine.standardStages()) {
            for (Map.Entry<String, Set<String>> file : stage.bookkeepingColumns().entrySet()) {
                flipped += flip(after.resolve(stage.id().outputFolder()).resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(flipped).as("bookkeeping cells changed").isGreaterThan(5);

        Set<StageId> after1 = EnumSet.of(StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
        assertThat(run(pipeline, settings(after, null), after1, true)).containsEntry(StageId.TRANSFORM, StageOutcome.RAN)
                .containsEntry(StageId.MONITOR, StageOutcome.RAN).containsEntry(StageId.ANALYSIS, StageOutcome.RAN);
        for (StageId id : after1) {
            Path made = before.resolve(id.outputFolder());
            Path remade = after.resolve(id.outputFolder());
            assertThat(files(remade)).as(id.name()).isEqualTo(files(made));
            for (String file : files(made)) {
                assertThat(Files.mismatch(made.resolve(file), remade.resolve(file))).as(id + " " + file).isEqualTo(-1L);
            }
        }
    }

    /**
     * The user's case: a run with the cache after one whose files were validated afresh (first run, --no-cache, a
     * setting changed and back). Quality's outputs differ only in from_cache; until 0799 everything after it ran again.
     */
    @Test
    void qualityRerunFromTheCacheLeavesTheStagesAfterItUpToDate() throws Exception {
        Path output = dir.resolve("cached");
        RunSettings settings = settings(output, dir.resolve("cache.db"));
        Pipeline pipeline = StudioEngine.standardPipeline();
        run(pipeline, settings, EnumSet.allOf(StageId.class), false);
        assertThat(column(output.resolve("quality/file_summary.csv"), "from_cache")).containsOnly("false");

        PipelineReport quality = pipeline.run(settings, EnumSet.of(StageId.QUALITY), true, PipelineListener.NONE,
                Cancellation.none());
        assertThat(column(output.resolve("quality/file_summary.csv"), "from_cache")).contains("true");
        assertThat(quality.stages().get(0).outputsUnchanged()).isTrue();

        assertThat(run(pipeline, settings, EnumSet.allOf(StageId.class), false)).containsOnly(
                Map.entry(StageId.QUALITY, StageOutcome.UP_TO_DATE), Map.entry(StageId.TRANSFORM, StageOutcome.UP_TO_DATE),
                Map.entry(StageId.MONITOR, StageOutcome.UP_TO_DATE), Map.entry(StageId.ANALYSIS, StageOutcome.UP_TO_DATE));
    }

    /** Turns true into false and false into true in {@code columns}; the number of cells turned. */
    private static int flip(Path file, Set<String> columns) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord record : parser) {
                rows.add(new ArrayList<>(record.toList()));
            }
        }
        List<String> header = rows.get(0);
        int turned = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int i = 0; i < row.size(); i++) {
                if (columns.contains(header.get(i)) && !row.get(i).isEmpty()) {
                    row.set(i, String.valueOf(!Boolean.parseBoolean(row.get(i))));
                    turned++;
                }
            }
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecords(rows);
        }
        Files.writeString(file, text.toString());
        return turned;
    }

    private static List<String> column(Path file, String name) throws IOException {
        try (CSVParser parser = com.puffy.pipeline.io.CsvInput.open(file)) {
            return parser.stream().map(record -> record.get(name)).toList();
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString())
                    .filter(name -> !name.equals(OutputFiles.STAGE_MANIFEST)).sorted().toList();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
