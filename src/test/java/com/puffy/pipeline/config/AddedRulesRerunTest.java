package com.puffy.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stage reads of the rules is the rules after `{add: [...]}`: a changed added keyword reruns its stage. */
class AddedRulesRerunTest {
    @TempDir
    Path dir;

    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";
    private static final String UA = "\"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1\"";

    private Map<StageId, StageOutcome> run(Pipeline pipeline, Path input, Path output, String rules) {
        RunSettings settings = new RunSettings(input, output, ConfigLoader.fromText(rules, "test"), null, null, false,
                null);
        return pipeline.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE, Cancellation.none())
                .stages().stream().collect(Collectors.toMap(StageRun::stage, StageRun::outcome));
    }

    @Test
    void aChangedAddedKeywordRerunsTransformAndAnAddedEventNameRerunsQuality() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250223.csv"), HEADER + "1740268798-AAAAAAAAAAAA,"
                + "https://puffy.com/?utm_medium=snap,,2025-02-23T10:00:00.000Z,page_viewed,," + UA + "\n");
        Path output = dir.resolve("events-pipeline");
        Pipeline pipeline = StudioEngine.standardPipeline();
        String snap = "transform:\n  channel_rules:\n    medium_keywords: {add: [{channel: Paid Social, keywords: [snap]}]}\n";
        assertThat(run(pipeline, input, output, snap)).containsEntry(StageId.TRANSFORM, StageOutcome.RAN);
        assertThat(Files.readString(output.resolve("transform/sessions.csv"))).contains(",Paid Social,");
        assertThat(run(pipeline, input, output, snap)).containsEntry(StageId.TRANSFORM, StageOutcome.UP_TO_DATE);

        assertThat(run(pipeline, input, output, snap.replace("[snap]", "[snapchat]")))
                .containsEntry(StageId.QUALITY, StageOutcome.UP_TO_DATE)
                .containsEntry(StageId.TRANSFORM, StageOutcome.RAN);

        assertThat(run(pipeline, input, output, snap.replace("[snap]", "[snapchat]")
                + "quality:\n  event_names: {add: [add_to_wishlist]}\n"))
                .containsEntry(StageId.QUALITY, StageOutcome.RAN);
    }
}
