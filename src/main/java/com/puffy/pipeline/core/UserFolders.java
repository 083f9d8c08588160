package com.puffy.pipeline.core;

import java.nio.file.Path;
import net.harawata.appdirs.AppDirsFactory;

/** The per-user folders of the product on each OS (cache, logs, sample data). */
public final class UserFolders {
    private static final String APP = "EventPipelineStudio";
    private static final String AUTHOR = "Puffy";

    private UserFolders() {
    }

    /** Overridable with {@code -Deventpipe.home=DIR}, so tests and portable installs keep everything in one place. */
    public static Path dataDir() {
        String override = System.getProperty("eventpipe.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(AppDirsFactory.getInstance().getUserDataDir(APP, null, AUTHOR));
    }

    public static Path logDir() {
        String override = System.getProperty("eventpipe.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override, "logs");
        }
        return Path.of(AppDirsFactory.getInstance().getUserLogDir(APP, null, AUTHOR));
    }

    public static Path defaultCacheFile() {
        return dataDir().resolve("cache.sqlite");
    }
}
