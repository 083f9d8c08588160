package com.puffy.pipeline;

import com.puffy.pipeline.cli.EventPipeCli;
import com.puffy.pipeline.core.ExitCode;

/**
 * The jar's entry point. With a command it runs the command line; with no command, only {@code --input DIR} or only
 * a folder ({@code eventpipe DIR}, as a file manager's "Open with" runs it) it starts the desktop app. It must not extend {@code Application}: a jar on the class path cannot start JavaFX
 * from such a main class.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] desktopArgs = EventPipeCli.desktopAppArgs(args);
        if (desktopArgs != null) {
            String noScreen = EventPipeCli.noScreen(System.getProperty("os.name"), System.getenv(),
                    System.getProperty("glass.platform"));
            if (noScreen != null) {
                System.err.println(noScreen);
                System.exit(ExitCode.USAGE.code());
            }
            try {
                DesktopEntry.start(desktopArgs);
            } catch (RuntimeException failure) {
                String cannotStart = EventPipeCli.desktopCannotStart(failure, System.getenv());
                if (cannotStart == null) {
                    throw failure;
                }
                System.err.println(cannotStart);
                System.exit(ExitCode.USAGE.code());
            }
            return;
        }
        System.exit(EventPipeCli.execute(args));
    }
}
