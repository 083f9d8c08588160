package com.puffy.pipeline.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
        Path xdg = xdgDataDir(System.getProperty("os.name", ""), System.getenv());
        return xdg != null ? xdg : Path.of(AppDirsFactory.getInstance().getUserDataDir(APP, null, AUTHOR));
    }

    /**
     * On Linux and other Unix systems (not macOS), the XDG data folder: {@code $XDG_DATA_HOME/EventPipelineStudio},
     * else {@code $HOME/.local/share/EventPipelineStudio}; null elsewhere or without an absolute {@code HOME}. Java
     * takes {@code user.home} from the password database, not from {@code HOME}, so a run with another HOME (a CI job,
     * a container, {@code sudo -E}, a fresh HOME for a test) wrote its cache into the account's real home.
     */
    static Path xdgDataDir(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || os.contains("os x") || os.contains("darwin")) {
            return null;
        }
        String dataHome = env.get("XDG_DATA_HOME");
        if (dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()) {
            return Path.of(dataHome, APP);
        }
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home, ".local", "share", APP);
        }
        return null;
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
