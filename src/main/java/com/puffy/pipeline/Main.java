package com.puffy.pipeline;

import com.puffy.pipeline.cli.EventPipeCli;

/**
 * The jar's entry point. With a command it runs the command line; with no command (or only {@code --input DIR})
 * it starts the desktop app. It must not extend {@code Application}: a jar on the class path cannot start JavaFX
 * from such a main class.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (EventPipeCli.wantsDesktopApp(args)) {
            DesktopEntry.start(args);
            return;
        }
        System.exit(EventPipeCli.execute(args));
    }
}
