package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which files a Quality run read and how many it took from the cache, as its result lists them. After a day was
 * added, the status bar said only "Finished 4 stages in 20.3 s", as after the first run: the analyst could not tell
 * that the new day was read and the other days were not read again (decision 0794).
 */
final class FilesReadThisRun {
    private static final int NAMED = 3;

    private FilesReadThisRun() {
    }

    /**
     * " This run read events_20250309.csv; the 17 other files were unchanged and came from the cache.", or " Every
     * file was unchanged and came from the cache."; "" when nothing came from the cache (a first run, or the cache
     * off), where every file was read and there is nothing to tell apart.
     */
    static String sentence(StageResult quality) {
        if (quality == null || !(quality.figures().get("files") instanceof List<?> files)) {
            return "";
        }
        List<String> read = new ArrayList<>();
        int fromCache = 0;
        for (Object entry : files) {
            if (entry instanceof Map<?, ?> file && file.get("file") != null) {
                if (Boolean.TRUE.equals(file.get("from_cache"))) {
                    fromCache++;
                } else {
                    read.add(String.valueOf(file.get("file")));
                }
            }
        }
        if (fromCache == 0) {
            return "";
        }
        if (read.isEmpty()) {
            return " Every file was unchanged and came from the cache.";
        }
        return " This run read " + named(read) + "; the " + (fromCache == 1 ? "other file was"
                : fromCache + " other files were") + " unchanged and came from the cache.";
    }

    private static String named(List<String> files) {
        if (files.size() == 1) {
            return files.get(0);
        }
        if (files.size() <= NAMED) {
            return String.join(", ", files.subList(0, files.size() - 1)) + " and " + files.get(files.size() - 1);
        }
        return files.size() + " files (" + String.join(", ", files.subList(0, NAMED)) + ", …)";
    }
}
