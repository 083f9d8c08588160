package com.puffy.pipeline.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The product's version (Maven resource filtering) and the build's identity: a SHA-256 over the compiled classes,
 * resources and the names of the runtime libraries, computed by Maven at {@code process-classes}
 * (maven-antrun-plugin, see pom.xml and docs/decisions/0410-build-identity.md). The version stays 0.1.0 while the
 * code changes; the identity changes with every change of the code, so outputs and cached results made by another
 * build are never taken as up to date ({@link #identity()}).
 */
public final class AppVersion {
    static final String BUILD_RESOURCE = "/com/puffy/pipeline/build.properties";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String VERSION = loadVersion();
    private static final String BUILD = loadBuild(AppVersion.class.getResourceAsStream(BUILD_RESOURCE));

    private AppVersion() {
    }

    public static String version() {
        return VERSION;
    }

    /**
     * The build's checksum (64 hex digits), or {@code unidentified-<random>} for classes Maven did not build (an
     * IDE's own compiler): such a build cannot say which code it is, so nothing it makes is reused by another
     * process, not even by itself after a restart.
     */
    public static String build() {
        return BUILD;
    }

    /** The first 12 hex digits of {@link #build()}, for people; "unidentified" for a build without a checksum. */
    public static String shortBuild() {
        return isIdentified(BUILD) ? BUILD.substring(0, 12) : "unidentified";
    }

    /** What outputs and cached results are keyed by: the version and the build's checksum. */
    public static String identity() {
        return VERSION + "+" + BUILD;
    }

    static boolean isIdentified(String build) {
        return SHA256_HEX.matcher(build).matches();
    }

    static String loadBuild(InputStream resource) {
        Properties properties = new Properties();
        if (resource != null) {
            try (InputStream in = resource) {
                properties.load(in);
            } catch (IOException e) {
                properties.clear();
            }
        }
        String build = properties.getProperty("build", "").trim();
        return isIdentified(build) ? build : "unidentified-" + UUID.randomUUID();
    }

    private static String loadVersion() {
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
