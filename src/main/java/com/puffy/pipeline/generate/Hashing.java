package com.puffy.pipeline.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The pseudonymization of the real exports (DATA.md): query values as the upper-case first 6 hex of MD5, third-party
 * hosts as {@code source-<first 8 hex of MD5(host)>.com}, e-mail addresses as SHA-256 hex. One instance per thread:
 * the digests are reused to keep the per-event cost low.
 */
final class Hashing {
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest md5;
    private final MessageDigest sha256;

    Hashing() {
        try {
            md5 = MessageDigest.getInstance("MD5");
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks MD5 or SHA-256", e);
        }
    }

    /** {@code AE24AC} for "cpc". */
    String queryValue(String value) {
        byte[] digest = md5.digest(value.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, 3).toUpperCase(Locale.ROOT);
    }

    /** {@code source-660328a7.com} for "www.facebook.com". */
    String pseudonymHost(String host) {
        byte[] digest = md5.digest(host.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return "source-" + HEX.formatHex(digest, 0, 4) + ".com";
    }

    String sha256Hex(String text) {
        return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
