package com.puffy.pipeline.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The last folders opened, newest first, kept in the user's preferences so they survive a restart. */
public final class RecentFolders {
    public static final int MAX = 8;
    private static final String KEY = "recent.";

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

    private void store(List<Path> folders) {
        for (int i = 0; i < MAX; i++) {
            if (i < folders.size()) {
                prefs.put(KEY + i, folders.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // The list still works for this session; it just may not survive a restart.
            org.slf4j.LoggerFactory.getLogger(RecentFolders.class).warn("Cannot save recent folders", e);
        }
    }
}
