package com.puffy.pipeline.quality;

import java.time.LocalDate;

/** One row of {@code schema_drift.csv}: a change episode, at the first file where it appears. */
record DriftEpisode(String file, LocalDate partitionDate, String change, String column, String rawHeader,
                    String detail, int episodeFiles, String metric, Double value, Double baseline) {

    /** The plain-words line of the summary, e.g. "from events_20250227.csv (10 files): `client_id` arrives as `clientId`". */
    String summary() {
        return "from " + file + " (" + episodeFiles + (episodeFiles == 1 ? " file" : " files") + "): " + detail;
    }
}
