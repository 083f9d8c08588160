package com.puffy.pipeline.ui;

import java.nio.file.Path;

/** Makes sure the bundled sample data exists in {@code dir} and returns the folder of event files to open. */
@FunctionalInterface
public interface SampleDataSource {
    Path ensure(Path dir) throws Exception;
}
