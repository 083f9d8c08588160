package com.puffy.pipeline.ui.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.CsvTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timeline's plain words tell the drift in the order it happened, not in schema_drift.csv's order by kind, by day
 * and without the stage's markdown quotes.
 */
class DriftTimelineTest {
    @Test
    void thePlainWordsComeInTheOrderTheEpisodesBegin() {
        List<String[]> files = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            files.add(new String[]{"events_2025010" + day + ".csv", "2025-01-0" + day, "true"});
        }
        CsvTable summary = new CsvTable(List.of("file", "partition_date", "is_event_file"), files, null);
        CsvTable drift = new CsvTable(List.of("file", "change", "column", "detail", "episode_files"), new ArrayList<>(
                List.of(new String[]{"events_20250102.csv", "RENAMED", "client_id", "`client_id` arrives as `clientId`", "5"},
                        new String[]{"events_20250104.csv", "MISSING", "referrer", "`referrer` is missing", "1"},
                        new String[]{"events_20250105.csv", "RESTORED", "referrer", "`referrer` is back", "2"},
                        new String[]{"events_20250103.csv", "VALUE_DRIFT", "client_id", "`client_id` empty share moves", "1"})),
                null);
        DriftTimeline timeline = DriftTimeline.build(summary, drift);
        assertThat(timeline.summary()).containsExactly(
                "From Jan 2, 2025 (events_20250102.csv), 5 files: client_id arrives as clientId",
                "On Jan 3, 2025 only (events_20250103.csv): client_id empty share moves",
                "On Jan 4, 2025 only (events_20250104.csv): referrer is missing",
                "From Jan 5, 2025 (events_20250105.csv), 2 files: referrer is back");
        assertThat(timeline.cell(1, "client_id").explanation()).as("the tooltip's words")
                .isEqualTo("client_id arrives as clientId");
        assertThat(timeline.cell(3, "referrer").change()).isEqualTo("MISSING");
        // VALUE_DRIFT came after RENAMED in the file, so it holds client_id's cell on Jan 3, as before.
        assertThat(timeline.cell(2, "client_id").change()).isEqualTo("VALUE_DRIFT");
    }

    @Test
    void filesNextToEachOtherWithTheSameCellsShareARowNamedByTheirDatesAndCount() {
        List<String[]> files = new ArrayList<>();
        for (int day = 1; day <= 9; day++) {
            files.add(new String[]{"events_2025010" + day + ".csv", "2025-01-0" + day, "true"});
        }
        CsvTable summary = new CsvTable(List.of("file", "partition_date", "is_event_file"), files, null);
        CsvTable drift = new CsvTable(List.of("file", "change", "column", "detail", "episode_files"), new ArrayList<>(
                List.of(new String[]{"events_20250104.csv", "RENAMED", "client_id", "`client_id` arrives as `clientId`", "6"},
                        new String[]{"events_20250106.csv", "MISSING", "referrer", "`referrer` is missing", "1"})),
                null);
        DriftTimeline timeline = DriftTimeline.build(summary, drift);
        assertThat(timeline.stretches()).containsExactly(new DriftTimeline.Stretch(0, 2),
                new DriftTimeline.Stretch(3, 4), new DriftTimeline.Stretch(5, 5), new DriftTimeline.Stretch(6, 8));
        assertThat(timeline.stretches().stream().map(timeline::label)).containsExactly(
                "2025-01-01 – 2025-01-03   3 files",
                "2025-01-04 – 2025-01-05   2 files",
                "2025-01-06                events_20250106.csv",
                "2025-01-07 – 2025-01-09   3 files");
        assertThat(timeline.fileNames(timeline.stretches().get(1)))
                .isEqualTo("events_20250104.csv … events_20250105.csv (2 files)");
    }
}
