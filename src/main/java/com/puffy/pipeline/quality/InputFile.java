package com.puffy.pipeline.quality;

import java.nio.file.Path;

/** A candidate CSV found in the input folder: {@code name} is its path relative to the folder, with {@code /}. */
record InputFile(Path path, String name, long size, long modifiedMillis) {
}
