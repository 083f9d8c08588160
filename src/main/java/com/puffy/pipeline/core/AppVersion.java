package com.puffy.pipeline.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's version, filled in by Maven resource filtering at build time. */
public final class AppVersion {
    private static final String VERSION = load();

    private AppVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("/com/puffy/pipeline/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = properties.getProperty("version", "unknown");
        return version.startsWith("${") ? "development" : version;
    }
}
