package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `eventpipe transform` on raw files: Quality runs first when its outputs are missing or stale. */
class TransformPipelineTest {
    @TempDir
    Path dir;

    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";
    private static final String UA = "\"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1\"";

    private Map<StageId, StageOutcome> run(Pipeline pipeline, RunSettings settings) {
        PipelineReport report = pipeline.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none());
        return report.stages().stream().collect(Collectors.toMap(StageRun::stage, StageRun::outcome));
    }

    @Test
    void transformRunsQualityFirstAndAgainOnlyWhenAnInputChanges() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Path day1 = input.resolve("events_20250223.csv");
        Files.writeString(day1, HEADER
                + "1740268798-AAAAAAAAAAAA,https://puffy.com/?utm_medium=AE24AC,,2025-02-23T10:00:00.000Z,page_viewed,," + UA + "\n"
                + "1740268798-AAAAAAAAAAAA,https://puffy.com/cart,,2025-02-23T10:05:00.000Z,checkout_completed,"
                + "\"{\"\"transaction_id\"\":\"\"ORD-1\"\",\"\"revenue\"\":799,\"\"items\"\":[{\"\"item_id\"\":\"\"M\"\","
                + "\"\"item_name\"\":\"\"Mattress\"\",\"\"item_variant\"\":\"\"Queen\"\",\"\"quantity\"\":1,\"\"item_price\"\":799}],"
                + "\"\"user_email\"\":\"\"ab\"\"}\"," + UA + "\n"
                + ",https://puffy.com/,,2025-02-23T11:00:00.000Z,page_viewed,," + UA + "\n");
        Files.writeString(input.resolve("events_20250225.csv"), HEADER
                + "1740268798-BBBBBBBBBBBB,https://puffy.com/,https://www.google.com/,2025-02-25T10:00:00.000Z,page_viewed,," + UA + "\n");
        Path output = dir.resolve("events-pipeline");
        RunSettings settings = new RunSettings(input, output, ConfigLoader.defaults(), null, null, false, null);
        Pipeline pipeline = StudioEngine.standardPipeline();

        assertThat(run(pipeline, settings)).containsEntry(StageId.QUALITY, StageOutcome.RAN)
                .containsEntry(StageId.TRANSFORM, StageOutcome.RAN);
        Path transform = output.resolve("transform");
        List<String> daily = Files.readAllLines(transform.resolve("daily_metrics.csv"));
        assertThat(daily).hasSize(3);
        assertThat(daily.get(1)).startsWith("2025-02-23,2,1,1,1,799,");
        assertThat(daily.get(2)).startsWith("2025-02-25,1,1,1,0,0,");
        assertThat(Files.readString(transform.resolve("conversions.csv"))).contains("ORD-1,ORD-1,1740268798-AAAAAAAAAAAA,1740268798-AAAAAAAAAAAA-1,2025-02-23T10:05:00.000Z,799,,1,1,ab,2025-02-23,Paid Search");
        assertThat(Files.readString(output.resolve("run.json"))).contains("\"reconciliation_ok\" : true");

        assertThat(run(pipeline, settings)).containsEntry(StageId.QUALITY, StageOutcome.UP_TO_DATE)
                .containsEntry(StageId.TRANSFORM, StageOutcome.UP_TO_DATE);

        Files.writeString(day1, Files.readString(day1)
                + "1740268798-CCCCCCCCCCCC,https://puffy.com/,,2025-02-23T12:00:00.000Z,page_viewed,," + UA + "\n");
        Files.setLastModifiedTime(day1, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(run(pipeline, settings)).containsEntry(StageId.QUALITY, StageOutcome.RAN)
                .containsEntry(StageId.TRANSFORM, StageOutcome.RAN);
        assertThat(Files.readAllLines(transform.resolve("users.csv"))).hasSize(4);
    }

    @Test
    void aMonitoringThresholdLeavesTransformUpToDateAndWhatItReadsRunsItAgain() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250223.csv"), HEADER
                + "1740268798-AAAAAAAAAAAA,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,," + UA + "\n");
        Path output = dir.resolve("events-pipeline");
        Pipeline pipeline = StudioEngine.standardPipeline();
        RunSettings defaults = new RunSettings(input, output, ConfigLoader.defaults(), null, null, false, null);
        assertThat(run(pipeline, defaults)).containsEntry(StageId.TRANSFORM, StageOutcome.RAN);

        RunSettings tighter = new RunSettings(input, output, ConfigLoader.fromText(
                "monitoring:\n  bot_share_warning: 0.05\n", "test"), null, null, false, null);
        assertThat(run(pipeline, tighter)).containsEntry(StageId.QUALITY, StageOutcome.UP_TO_DATE)
                .containsEntry(StageId.TRANSFORM, StageOutcome.UP_TO_DATE);

        RunSettings tolerance = new RunSettings(input, output, ConfigLoader.fromText(
                "monitoring:\n  reconciliation_tolerance: 0.5\n", "test"), null, null, false, null);
        assertThat(run(pipeline, tolerance)).containsEntry(StageId.TRANSFORM, StageOutcome.RAN);
    }
}
