package com.puffy.pipeline;

import com.puffy.pipeline.ui.StudioLauncher;

/** Starts the desktop app; kept apart from {@link Main} so the command line never loads JavaFX classes. */
final class DesktopEntry {
    private DesktopEntry() {
    }

    static void start(String[] args) {
        StudioLauncher.launch(args);
    }
}
