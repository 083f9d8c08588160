package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.io.CsvSamples;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis reads text columns of our outputs through Tablesaw: every string our writer was given reads back as
 * it was, except that Tablesaw holds an empty cell as missing, which it shows as "".
 */
class FrameRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyStringWrittenByCsvOutputReadsBackThroughTheAnalysisFrame() throws Exception {
        List<String> values = CsvSamples.strings(2000);
        Path file = dir.resolve("out.csv");
        CsvSamples.writeFirstIdMiddle(file, values);
        Map<String, Frame.Kind> columns = new LinkedHashMap<>();
        columns.put("first", Frame.Kind.TEXT);
        columns.put("id", Frame.Kind.NUMBER);
        columns.put("middle", Frame.Kind.TEXT);
        Frame frame = TablesawFrame.read(file, columns);
        assertThat(frame.text("first")).containsExactlyElementsOf(values);
        assertThat(frame.text("middle")).containsExactlyElementsOf(values);
        assertThat(frame.whereEquals("middle", "'-5").rows()).isEqualTo(1);
    }
}
