package com.puffy.pipeline.quality;

import com.puffy.pipeline.config.QualityConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Value drift of SPEC §3: each profiled metric of a file against the median of the same metric in up to
 * {@code baseline_files} files before it (at least {@code min_baseline_files}); files without data rows take no
 * part. Consecutive drifting files of one (column, metric) form one episode.
 */
final class ValueDrift {
    /** The pseudo-column of the item prices inside purchase payloads. */
    static final String ITEM_PRICE = "item_price";

    private ValueDrift() {
    }

    private static final class Episode {
        final FileResult file;
        final String column;
        final String metric;
        final double value;
        final double baseline;
        int files = 1;
        int lastIndex;

        Episode(FileResult file, String column, String metric, double value, double baseline, int index) {
            this.file = file;
            this.column = column;
            this.metric = metric;
            this.value = value;
            this.baseline = baseline;
            this.lastIndex = index;
        }
    }

    static List<DriftEpisode> detect(List<FileResult> ordered, QualityConfig.ValueDrift settings) {
        List<FileResult> files = new ArrayList<>();
        List<Map<String, Map<String, Double>>> metrics = new ArrayList<>();
        for (FileResult f : ordered) {
            if (f.isEventFile() && f.parsedRows > 0) {
                files.add(f);
                Map<String, Map<String, Double>> byColumn = new LinkedHashMap<>();
                f.profiles.forEach((column, profile) -> {
                    Map<String, Double> m = new LinkedHashMap<>(profile.metrics());
                    // Item prices live inside event_data; their null share is reported as column item_price.
                    Double itemPrices = m.remove(ColumnProfile.ITEM_PRICE_NULL_SHARE);
                    byColumn.put(column, m);
                    if (itemPrices != null) {
                        byColumn.put(ITEM_PRICE, Map.of(ColumnProfile.NULL_SHARE, itemPrices));
                    }
                });
                metrics.add(byColumn);
            }
        }
        List<Episode> episodes = new ArrayList<>();
        Map<String, Episode> open = new LinkedHashMap<>();
        for (int k = 0; k < files.size(); k++) {
            for (Map.Entry<String, Map<String, Double>> column : metrics.get(k).entrySet()) {
                for (Map.Entry<String, Double> metric : column.getValue().entrySet()) {
                    List<Double> history = new ArrayList<>();
                    for (int j = Math.max(0, k - settings.baselineFiles()); j < k; j++) {
                        Map<String, Double> earlier = metrics.get(j).get(column.getKey());
                        if (earlier != null && earlier.containsKey(metric.getKey())) {
                            history.add(earlier.get(metric.getKey()));
                        }
                    }
                    if (history.size() < Math.max(1, settings.minBaselineFiles())) {
                        continue;
                    }
                    double baseline = median(history);
                    double value = metric.getValue();
                    if (!drifts(value, baseline, settings)) {
                        continue;
                    }
                    String key = column.getKey() + "|" + metric.getKey();
                    Episode episode = open.get(key);
                    if (episode != null && episode.lastIndex == k - 1) {
                        episode.files++;
                        episode.lastIndex = k;
                    } else {
                        episode = new Episode(files.get(k), column.getKey(), metric.getKey(), value, baseline, k);
                        open.put(key, episode);
                        episodes.add(episode);
                    }
                }
            }
        }
        List<DriftEpisode> rows = new ArrayList<>();
        for (Episode e : episodes) {
            rows.add(new DriftEpisode(e.file.name(), e.file.partitionDate, "VALUE_DRIFT", e.column,
                    rawHeader(e.file, e.column), describe(e), e.files, e.metric, round(e.value), round(e.baseline)));
        }
        return rows;
    }

    static boolean drifts(double value, double baseline, QualityConfig.ValueDrift settings) {
        double points = Math.abs(value - baseline) * 100;
        double larger = Math.max(value, baseline);
        double smaller = Math.min(value, baseline);
        double epsilon = 1e-9;
        return points + epsilon >= settings.absolutePoints()
                || (points + epsilon >= settings.relativePoints() && larger + epsilon >= settings.relativeFactor() * smaller);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }

    private static String rawHeader(FileResult file, String column) {
        HeaderMapping m = file.mapping;
        if (ITEM_PRICE.equals(column)) {
            return m.has(com.puffy.pipeline.model.CanonicalColumn.EVENT_DATA)
                    ? m.rawHeaderOf(com.puffy.pipeline.model.CanonicalColumn.EVENT_DATA) : "";
        }
        int index = m.normalized().indexOf(column);
        for (com.puffy.pipeline.model.CanonicalColumn c : com.puffy.pipeline.model.CanonicalColumn.values()) {
            if (c.columnName().equals(column) && m.has(c)) {
                return m.rawHeaderOf(c);
            }
        }
        // An extra column is named as SchemaDrift names it (HeaderNormalizer.trimmed, decision 0825): "shop\u00A0"
        // was "shop\u00A0" here and "shop" in the EXTRA_COLUMN row of the same file.
        return index >= 0 ? HeaderNormalizer.trimmed(m.rawHeaders().get(index)) : column;
    }

    private static String describe(Episode e) {
        if (ITEM_PRICE.equals(e.column)) {
            return String.format(Locale.ROOT, "share of purchase items without `item_price` moves from %.1f%% to %.1f%%",
                    e.baseline * 100, e.value * 100);
        }
        String what = switch (e.metric) {
            case ColumnProfile.NULL_SHARE -> "`" + e.column + "` empty share";
            case ColumnProfile.NUMERIC_SHARE -> "`" + e.column + "` numeric share";
            case ColumnProfile.CLIENT_ID_PATTERN_SHARE -> "share of `" + e.column + "` matching the client-id pattern";
            default -> "`" + e.column + "` " + e.metric;
        };
        return String.format(Locale.ROOT, "%s moves from %.1f%% to %.1f%%", what, e.baseline * 100, e.value * 100);
    }
}
