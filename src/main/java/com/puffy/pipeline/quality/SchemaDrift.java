package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.CanonicalColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Structural drift of SPEC §3, judged per event file (in processing order) against the canonical contract and the
 * previous file: RENAMED, MISSING, EXTRA and REORDERED episodes, each reported once at its first file with the
 * number of consecutive files it lasts, and RESTORED when one ends with the column back to its contract form.
 */
final class SchemaDrift {
    private SchemaDrift() {
    }

    private record Change(String kind, String column, String rawHeader, String detail) {
    }

    private static final class Open {
        final DriftEpisodeBuilder row;
        final Change change;

        Open(DriftEpisodeBuilder row, Change change) {
            this.row = row;
            this.change = change;
        }
    }

    private static final class DriftEpisodeBuilder {
        final FileResult file;
        final String change;
        final String column;
        final String rawHeader;
        final String detail;
        int files = 1;

        DriftEpisodeBuilder(FileResult file, String change, String column, String rawHeader, String detail) {
            this.file = file;
            this.change = change;
            this.column = column;
            this.rawHeader = rawHeader;
            this.detail = detail;
        }

        DriftEpisode build() {
            return new DriftEpisode(file.name(), file.partitionDate, change, column, rawHeader, detail, files,
                    null, null, null);
        }
    }

    static List<DriftEpisode> detect(List<FileResult> ordered) {
        List<DriftEpisodeBuilder> rows = new ArrayList<>();
        Map<String, Open> open = new LinkedHashMap<>();
        Map<String, Open> restored = new LinkedHashMap<>();
        for (FileResult file : ordered) {
            if (!file.isEventFile() || file.mapping == null) {
                continue;
            }
            Map<String, Change> changes = changesOf(file.mapping);
            // Restorations still holding go on; the others end.
            restored.entrySet().removeIf(e -> {
                if (changes.containsKey(e.getKey()) || !backToContract(e.getValue().change, file.mapping)) {
                    return true;
                }
                e.getValue().row.files++;
                return false;
            });
            // Episodes that ended in this file.
            List<String> ended = new ArrayList<>();
            for (Map.Entry<String, Open> e : open.entrySet()) {
                if (!changes.containsKey(e.getKey())) {
                    ended.add(e.getKey());
                }
            }
            for (String key : ended) {
                Open episode = open.remove(key);
                if (backToContract(episode.change, file.mapping)) {
                    DriftEpisodeBuilder row = new DriftEpisodeBuilder(file, "RESTORED", episode.change.column(),
                            rawHeaderNow(episode.change, file.mapping), restoredDetail(episode.change));
                    rows.add(row);
                    restored.put(key, new Open(row, episode.change));
                }
            }
            for (Map.Entry<String, Change> e : changes.entrySet()) {
                Open episode = open.get(e.getKey());
                if (episode != null) {
                    episode.row.files++;
                } else {
                    Change change = e.getValue();
                    DriftEpisodeBuilder row = new DriftEpisodeBuilder(file, change.kind(), change.column(),
                            change.rawHeader(), change.detail());
                    rows.add(row);
                    open.put(e.getKey(), new Open(row, change));
                }
            }
        }
        return rows.stream().map(DriftEpisodeBuilder::build).collect(Collectors.toList());
    }

    private static Map<String, Change> changesOf(HeaderMapping mapping) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (CanonicalColumn c : CanonicalColumn.values()) {
            String name = c.columnName();
            if (!mapping.has(c)) {
                changes.put("MISSING|" + name, new Change("MISSING", name, "",
                        "`" + name + "` is missing (read as empty)"));
            } else {
                String raw = mapping.rawHeaderOf(c);
                if (!raw.equals(name)) {
                    changes.put("RENAMED|" + name + "|" + raw, new Change("RENAMED", name, raw,
                            "`" + name + "` arrives as `" + raw + "`"));
                }
            }
        }
        for (int i = 0; i < mapping.extraFields().length; i++) {
            String name = mapping.extraNames().get(i);
            String raw = HeaderNormalizer.trimmed(mapping.rawHeaders().get(mapping.extraFields()[i]));
            String kept = "kept in validated_events.csv as `" + QualityWriter.outputName(name) + "`";
            // A header naming client_id twice read as "extra column `client_id`", as if client_id were unknown.
            String detail = CanonicalColumn.byName(name).filter(mapping::has).isPresent()
                    ? "a second `" + raw + "` column (the header names `" + name + "` twice; the first is read, this "
                            + "one is " + kept + ")"
                    : "extra column `" + raw + "` (" + kept + ")";
            changes.putIfAbsent("EXTRA|" + name, new Change("EXTRA", name, raw, detail));
        }
        List<CanonicalColumn> present = mapping.presentInFileOrder();
        List<CanonicalColumn> sorted = new ArrayList<>(present);
        sorted.sort(null);
        if (!present.equals(sorted)) {
            String order = present.stream().map(CanonicalColumn::columnName).collect(Collectors.joining(", "));
            changes.put("REORDERED|" + order, new Change("REORDERED", "", "",
                    "columns arrive in the order " + order));
        }
        return changes;
    }

    /** Whether the aspect a change was about is back to the contract in this file. */
    private static boolean backToContract(Change change, HeaderMapping mapping) {
        switch (change.kind()) {
            case "MISSING":
                return CanonicalColumn.byName(change.column()).map(mapping::has).orElse(false);
            case "RENAMED":
                return CanonicalColumn.byName(change.column())
                        .map(c -> mapping.has(c) && mapping.rawHeaderOf(c).equals(c.columnName())).orElse(false);
            case "EXTRA":
                return !mapping.extraNames().contains(change.column());
            case "REORDERED":
                List<CanonicalColumn> present = mapping.presentInFileOrder();
                List<CanonicalColumn> sorted = new ArrayList<>(present);
                sorted.sort(null);
                return present.equals(sorted);
            default:
                return false;
        }
    }

    private static String rawHeaderNow(Change change, HeaderMapping mapping) {
        return CanonicalColumn.byName(change.column()).filter(mapping::has).map(mapping::rawHeaderOf).orElse("");
    }

    private static String restoredDetail(Change change) {
        return switch (change.kind()) {
            case "MISSING" -> "`" + change.column() + "` is back";
            case "RENAMED" -> "`" + change.column() + "` arrives as `" + change.column() + "` again (was `"
                    + change.rawHeader() + "`)";
            case "EXTRA" -> "extra column `" + change.rawHeader() + "` no longer arrives";
            default -> "columns arrive in the contract order again";
        };
    }

    static String[] canonicalOrder() {
        return Arrays.stream(CanonicalColumn.values()).map(CanonicalColumn::columnName).toArray(String[]::new);
    }
}
