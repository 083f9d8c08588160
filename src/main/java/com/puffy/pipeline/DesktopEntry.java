package com.puffy.pipeline;

/** Starts the desktop app; kept apart from {@link Main} so the command line never loads JavaFX classes. */
final class DesktopEntry {
    private DesktopEntry() {
    }

    static void start(String[] args) {
        System.err.println("The desktop app is not part of this build yet; run `eventpipe --help` for the commands.");
        System.exit(2);
    }
}
