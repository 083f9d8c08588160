package com.puffy.pipeline.cli;

import java.nio.file.Path;

/**
 * A command whose product is a folder, with standard output only a summary of it: {@code run}, the stage commands and
 * {@code generate}. When standard output cannot be written, the exit code stays the command's own once its folder is
 * complete (decision 0801); for {@code config --print-defaults}, {@code --help} or {@code --version} what was printed
 * is the product, and losing it is a failure.
 */
interface WritesAFolder {
    /** The folder this command finished writing, or null while (or if) it has not. */
    Path folderWritten();
}
