package com.puffy.pipeline.core;

import java.util.Locale;
import java.util.Map;

/**
 * Which names in an input folder the Quality stage lists: every {@code *.csv} (SPEC §2), and a compressed CSV
 * ("events_20250225.csv.gz"), listed only so its day is named as skipped rather than missing without a word. The
 * desktop app compares a folder with the last run's list by the same rule.
 */
public final class InputNames {
    private static final Map<String, String> COMPRESSIONS = Map.of(
            ".gz", "gzip", ".zip", "zip", ".bz2", "bzip2", ".xz", "xz", ".zst", "zstd", ".7z", "7-Zip");

    private InputNames() {
    }

    public static boolean isListed(String fileName) {
        return isCsv(fileName) || compressedCsv(fileName) != null;
    }

    public static boolean isCsv(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The CSV inside a compressed one ("events_20250225.csv" for "events_20250225.csv.gz"), else null. */
    public static String compressedCsv(String fileName) {
        String extension = compression(fileName);
        if (extension == null) {
            return null;
        }
        String inside = fileName.substring(0, fileName.length() - extension.length());
        return isCsv(inside) ? inside : null;
    }

    /** How a compressed CSV is compressed, in the words its tools use ("gzip", "zip"), else null. */
    public static String compressionName(String fileName) {
        String extension = compressedCsv(fileName) == null ? null : compression(fileName);
        return extension == null ? null : COMPRESSIONS.get(extension.toLowerCase(Locale.ROOT));
    }

    private static String compression(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String extension = fileName.substring(dot).toLowerCase(Locale.ROOT);
        return COMPRESSIONS.containsKey(extension) ? fileName.substring(dot) : null;
    }
}
