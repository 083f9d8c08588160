package com.puffy.pipeline.cli;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.UserFolders;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every pipeline command shares (SPEC §9). */
final class RunOptions {
    @Option(names = {"-i", "--input"}, paramLabel = "DIR", required = true,
            description = "Folder with the daily event CSV files.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output folder (default: a sibling of the input named <input>-pipeline).")
    Path output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = OptionValueErrors.DateConverter.class,
            description = "Reference date for the freshness check (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file overriding the built-in defaults (see `eventpipe config --print-defaults`).")
    Path config;

    @Option(names = "--recursive", description = "Also read CSV files in subfolders of the input folder.")
    boolean recursive;

    @Option(names = "--force", description = "Run the asked stages even when their outputs are up to date.")
    boolean force;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @ArgGroup(exclusive = true)
    CacheChoice cache;

    static final class CacheChoice {
        @Option(names = "--cache", paramLabel = "FILE", description = "SQLite cache file (default: in the user's data folder).")
        Path file;

        @Option(names = "--no-cache", description = "Do not read or write the cache.")
        boolean disabled;
    }

    RunSettings toSettings() {
        // `--input "$DIR"` with DIR unset gives "", which Path reads as the working folder: the run validated
        // whatever CSVs sat there, and an empty --output wrote the outputs into it.
        requireNotEmpty(input, "--input", "give the folder that holds the daily event CSV files");
        requireNotEmpty(output, "--output", "give the output folder, or leave the option out for <input>-pipeline");
        requireNotEmpty(config, "--config", "give the configuration file, or leave the option out for the defaults");
        requireNotEmpty(cache == null ? null : cache.file, "--cache", "give the cache file, or use --no-cache");
        PipelineConfig pipelineConfig = ConfigLoader.load(config);
        Path outputDir = output != null ? output : RunSettings.defaultOutputFor(input);
        Path cacheFile;
        if (cache != null && cache.disabled) {
            cacheFile = null;
        } else if (cache != null && cache.file != null) {
            cacheFile = cache.file;
        } else {
            cacheFile = UserFolders.defaultCacheFile();
        }
        return new RunSettings(input, outputDir, pipelineConfig, config,
                asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC), recursive, cacheFile);
    }

    private static void requireNotEmpty(Path value, String option, String what) {
        if (value != null && value.toString().isBlank()) {
            throw PipelineException.usage(option + " is empty (a variable left unset?): " + what + ".");
        }
    }
}
