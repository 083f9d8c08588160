package com.puffy.pipeline.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The last folders opened, newest first, and the as-of date and configuration file chosen for each of them, kept in
 * the user's preferences so they survive a restart. A folder's as-of date and configuration file are forgotten when
 * the folder leaves the list.
 */
public final class RecentFolders {
    public static final int MAX = 8;
    private static final String KEY = "recent.";
    /** Child node of as-of dates; keyed by a hash of the path, since a preference key holds 80 characters at most. */
    private static final String AS_OF = "as-of";
    /** Child node of configuration files, keyed like the dates; value: the folder, a tab, the file. */
    private static final String CONFIG = "config";

    private final Preferences prefs;

    public RecentFolders(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The app's own preferences node. Tests pass a node of their own instead. */
    public static Preferences appNode() {
        return Preferences.userRoot().node("com/puffy/eventpipe/studio");
    }

    public List<Path> list() {
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String value = prefs.get(KEY + i, null);
            if (value != null && !value.isBlank()) {
                folders.add(Path.of(value));
            }
        }
        return folders;
    }

    /** Puts {@code folder} first, removing an older entry for it and dropping the oldest beyond {@link #MAX}. */
    public List<Path> add(Path folder) {
        Path normalized = folder.toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>(list());
        folders.removeIf(p -> p.toAbsolutePath().normalize().equals(normalized));
        folders.add(0, normalized);
        while (folders.size() > MAX) {
            folders.remove(folders.size() - 1);
        }
        store(folders);
        return folders;
    }

    public List<Path> remove(Path folder) {
        List<Path> folders = new ArrayList<>(list());
        folders.removeIf(p -> p.equals(folder));
        store(folders);
        return folders;
    }

    /** The as-of date chosen for {@code folder}, or null when none was (the folder is judged as of its default). */
    public LocalDate asOf(Path folder) {
        Path normalized = folder.toAbsolutePath().normalize();
        String value = prefs.node(AS_OF).get(keyOf(normalized), null);
        if (value == null || value.length() < 12 || !value.substring(11).equals(normalized.toString())) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Remembers {@code date} as the as-of date of {@code folder}; null forgets it (back to the default). */
    public void rememberAsOf(Path folder, LocalDate date) {
        Path normalized = folder.toAbsolutePath().normalize();
        Preferences dates = prefs.node(AS_OF);
        if (date == null) {
            dates.remove(keyOf(normalized));
        } else {
            // The path is kept beside the date so that pruning knows whose date it is, and a hash clash reads as none.
            dates.put(keyOf(normalized), date + " " + normalized);
        }
        flush();
    }

    /**
     * The configuration file chosen for {@code folder}, or null when it runs under the built-in defaults. The file is
     * returned as remembered, whether or not it still exists: the caller says so rather than run other rules.
     */
    public Path config(Path folder) {
        Path normalized = folder.toAbsolutePath().normalize();
        String value = prefs.node(CONFIG).get(keyOf(normalized), null);
        int tab = value == null ? -1 : value.indexOf('\t');
        if (tab < 0 || !value.substring(0, tab).equals(normalized.toString()) || tab == value.length() - 1) {
            return null;
        }
        try {
            return Path.of(value.substring(tab + 1));
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Remembers {@code file} as the configuration of {@code folder}; null forgets it (back to the built-in defaults). */
    public void rememberConfig(Path folder, Path file) {
        Path normalized = folder.toAbsolutePath().normalize();
        Preferences configs = prefs.node(CONFIG);
        if (file == null) {
            configs.remove(keyOf(normalized));
        } else {
            configs.put(keyOf(normalized), normalized + "\t" + file.toAbsolutePath().normalize());
        }
        flush();
    }

    private static String keyOf(Path normalized) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void store(List<Path> folders) {
        for (int i = 0; i < MAX; i++) {
            if (i < folders.size()) {
                prefs.put(KEY + i, folders.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
        forgetDatesOfFoldersNotIn(folders);
        forgetConfigsOfFoldersNotIn(folders);
        flush();
    }

    private void forgetDatesOfFoldersNotIn(List<Path> folders) {
        Preferences dates = prefs.node(AS_OF);
        try {
            for (String key : dates.keys()) {
                String value = dates.get(key, "");
                if (value.length() < 12 || folders.stream().noneMatch(f -> f.toString().equals(value.substring(11)))) {
                    dates.remove(key);
                }
            }
        } catch (BackingStoreException e) {
            org.slf4j.LoggerFactory.getLogger(RecentFolders.class).warn("Cannot prune the remembered as-of dates", e);
        }
    }

    private void forgetConfigsOfFoldersNotIn(List<Path> folders) {
        Preferences configs = prefs.node(CONFIG);
        try {
            for (String key : configs.keys()) {
                String value = configs.get(key, "");
                int tab = value.indexOf('\t');
                if (tab < 0 || folders.stream().noneMatch(f -> f.toString().equals(value.substring(0, tab)))) {
                    configs.remove(key);
                }
            }
        } catch (BackingStoreException e) {
            org.slf4j.LoggerFactory.getLogger(RecentFolders.class).warn("Cannot prune the remembered configurations", e);
        }
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // The list still works for this session; it just may not survive a restart.
            org.slf4j.LoggerFactory.getLogger(RecentFolders.class).warn("Cannot save the recent folders", e);
        }
    }
}
