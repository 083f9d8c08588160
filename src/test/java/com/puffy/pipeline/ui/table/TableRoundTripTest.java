package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.io.CsvSamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's table loaders show every string exactly as our CSV writer was given it (formula protection undone). */
class TableRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyStringWrittenByCsvOutputShowsAsWrittenInBothTableLoaders() throws Exception {
        List<String> values = CsvSamples.strings(2000);
        Path file = dir.resolve("out.csv");
        CsvSamples.writeFirstIdMiddle(file, values);
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            expected.add(List.of(values.get(i), Integer.toString(i), values.get(i)));
        }

        CsvTable inMemory = CsvTable.read(file);
        assertThat(inMemory.rows().stream().map(List::of).toList()).isEqualTo(expected);
        FileTable onDisk = FileTable.open(file, List.of("middle"));
        List<List<String>> shown = new ArrayList<>();
        for (int i = 0; i < onDisk.size(); i++) {
            shown.add(List.of(onDisk.row(i)));
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(new TreeSet<>(onDisk.values(2).distinct())).isEqualTo(new TreeSet<>(values));
        // A row picked by a value (the app's drill-down) finds it under the value as written.
        assertThat(CsvTable.read(file, "middle", "'-5").rows()).extracting(r -> r[2]).containsOnly("'-5");
    }
}
