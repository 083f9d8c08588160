package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.InputNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CSV files that came into the folder or left it since Quality last read it. The badges only said "the folder or
 * the rules changed": an analyst who dropped in the new day's file could not tell that it was noticed, and one who
 * had not touched the folder could not tell what had moved.
 */
record FolderChanges(List<String> added, List<String> changed, List<String> removed) {
    private static final int NAMED = 3;
    static final FolderChanges NONE = new FolderChanges(List.of(), List.of(), List.of());

    /** A file's size and modification time (milliseconds) as Quality read it. */
    record Stamp(long bytes, long modifiedMillis) {
    }

    /** Only which files came and went: for a list of names without their sizes and times. */
    static FolderChanges since(Path folder, List<String> lastRead) {
        return since(folder, lastRead, Map.of());
    }

    /**
     * The folder's {@code *.csv} files now against {@code lastRead}, the files Quality's manifest lists, and those
     * still there whose size or modification time differs from {@code stamps} (a corrected day put in under the same
     * name: before, the app said only "the folder or the rules changed"). Nothing when that list is unknown (never
     * run, or a manifest from before it was recorded) or the folder cannot be read; a file without a stamp is not
     * judged changed.
     */
    static FolderChanges since(Path folder, List<String> lastRead, Map<String, Stamp> stamps) {
        if (folder == null || lastRead.isEmpty()) {
            return NONE;
        }
        Set<String> now;
        try {
            now = listedNamesIn(folder);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        Set<String> before = new TreeSet<>(lastRead);
        List<String> added = now.stream().filter(name -> !before.contains(name)).toList();
        List<String> removed = before.stream().filter(name -> !now.contains(name)).toList();
        List<String> changed = now.stream().filter(before::contains)
                .filter(name -> stamps.containsKey(name) && !stamps.get(name).equals(stampOf(folder.resolve(name))))
                .toList();
        return new FolderChanges(added, changed, removed);
    }

    /** Null when the file cannot be read meanwhile: then it differs from any stamp, as a file replaced would. */
    private static Stamp stampOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The names of the entries directly in the folder that the Quality stage lists: CSV files, compressed or not. */
    static Set<String> listedNamesIn(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> csv = Files.newDirectoryStream(folder,
                entry -> InputNames.isListed(entry.getFileName().toString()))) {
            csv.forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
    }

    boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /**
     * "events_20250309.csv is new since the last run", "2 files are new since the last run (a.csv, b.csv) and
     * events_20250301.csv is gone", "events_20250227.csv changed since the last run"; "" when nothing came, changed
     * or went.
     */
    String sentence() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add(named(added) + (added.size() == 1 ? " is new" : " are new"));
        }
        if (!changed.isEmpty()) {
            parts.add(named(changed) + " changed");
        }
        if (!removed.isEmpty()) {
            parts.add(named(removed) + (removed.size() == 1 ? " is gone" : " are gone"));
        }
        if (parts.isEmpty()) {
            return "";
        }
        String last = parts.remove(parts.size() - 1);
        return (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last) + " since the last run";
    }

    private static String named(List<String> files) {
        if (files.size() == 1) {
            return files.get(0);
        }
        List<String> shown = files.subList(0, Math.min(NAMED, files.size()));
        return files.size() + " files (" + String.join(", ", shown) + (files.size() > NAMED ? ", …" : "") + ")";
    }
}
