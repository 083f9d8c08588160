package com.puffy.pipeline.core;

import com.puffy.pipeline.config.PipelineConfig;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a run is asked to do, as the faces collected it: the input folder, where outputs go, the configuration,
 * the as-of date for freshness, and the cache to use ({@code cacheFile} null means no cache).
 */
public record RunSettings(
        Path inputDir,
        Path outputDir,
        PipelineConfig config,
        Path configFile,
        LocalDate asOf,
        boolean recursive,
        Path cacheFile) {

    /** SPEC §7: by default the outputs go to a sibling of the input folder named {@code <input>-pipeline}. */
    public static Path defaultOutputFor(Path inputDir) {
        Path absolute = inputDir.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        Path parent = absolute.getParent();
        String folder = (name == null ? "events" : name.toString()) + "-pipeline";
        return parent == null ? absolute.resolve(folder) : parent.resolve(folder);
    }

    public RunSettings withOutputDir(Path newOutput) {
        return new RunSettings(inputDir, newOutput, config, configFile, asOf, recursive, cacheFile);
    }

    public RunSettings withCacheFile(Path newCache) {
        return new RunSettings(inputDir, outputDir, config, configFile, asOf, recursive, newCache);
    }
}
