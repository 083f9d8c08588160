package com.puffy.pipeline.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the desktop app. Deliberately not an {@link Application}: a jar on the class path cannot start JavaFX from
 * a main class that extends it (BUILD-NOTES pitfall 2), so the jar's main calls this instead.
 */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    /** The folder given as {@code --input DIR} or {@code --input=DIR}, or null. */
    public static Path inputFolder(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--input") || arg.equals("-i")) && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (arg.startsWith("--input=")) {
                return Path.of(arg.substring("--input=".length()));
            }
        }
        return null;
    }
}
