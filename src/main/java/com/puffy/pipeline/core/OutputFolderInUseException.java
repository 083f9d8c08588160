package com.puffy.pipeline.core;

import java.nio.file.Path;

/**
 * Another run (the command line, or the app in another window) holds the output folder's lock, so this run did not
 * start: nothing was read or written. The faces tell it from a run that failed (decision 0826): the app showed "The
 * run failed" and "Last run …: failed" for a run that never began.
 */
public final class OutputFolderInUseException extends PipelineException {
    public OutputFolderInUseException(Path outputDir) {
        super(ExitCode.USAGE, "Another run is writing to " + outputDir
                + ": wait for it to finish, or choose another folder with --output.");
    }
}
