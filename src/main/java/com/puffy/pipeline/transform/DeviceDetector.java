package com.puffy.pipeline.transform;

import com.puffy.pipeline.model.EmptyValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Device type, OS and browser of a user agent, from uap-java (the ua-parser project's maintained regex catalogue).
 * Parsing costs tens of microseconds, but a dataset holds only thousands of distinct strings among millions of
 * rows, so each distinct string is parsed once.
 */
public final class DeviceDetector {
    /** What a session shows of its first event's user agent. */
    public record DeviceInfo(String device, String os, String browser) {
    }

    static final DeviceInfo UNKNOWN = new DeviceInfo("unknown", "Other", "Other");

    private final Map<String, DeviceInfo> cache = new HashMap<>();

    /**
     * uap's catalogue, loaded once per process and only when a user agent is actually seen: loading it takes
     * 0.15–1 s, which the desktop app paid again on every Transform run. A {@link Parser} keeps no state between
     * calls (compiled patterns, a new matcher per call), so runs may share it.
     */
    private static final class Catalogue {
        static final Parser PARSER = new Parser();
    }

    static Parser parser() {
        return Catalogue.PARSER;
    }

    public DeviceInfo detect(String userAgent) {
        if (EmptyValue.isEmpty(userAgent)) {
            return UNKNOWN;
        }
        DeviceInfo known = cache.get(userAgent);
        if (known == null) {
            known = parse(userAgent);
            cache.put(userAgent, known);
        }
        return known;
    }

    /** How many distinct strings were parsed (the rest came from the cache). */
    public int distinctParsed() {
        return cache.size();
    }

    private DeviceInfo parse(String userAgent) {
        Client client = parser().parse(userAgent);
        String deviceFamily = client.device == null ? "Other" : client.device.family;
        String os = client.os == null ? "Other" : client.os.family;
        String browser = client.userAgent == null ? "Other" : client.userAgent.family;
        return new DeviceInfo(deviceType(deviceFamily, os, userAgent), os, browser);
    }

    /**
     * uap names the device family and OS but not the form factor: crawlers are uap's "Spider" family; iPads,
     * Kindles and Android without the "Mobile" token (Google's documented tablet convention) are tablets; other
     * mobile operating systems are phones; the rest are desktops.
     */
    static String deviceType(String deviceFamily, String os, String userAgent) {
        String family = deviceFamily.toLowerCase(Locale.ROOT);
        String osName = os.toLowerCase(Locale.ROOT);
        if (family.equals("spider")) {
            return "bot";
        }
        if (family.contains("ipad") || family.contains("tablet") || family.contains("kindle")
                || osName.equals("ipados")) {
            return "tablet";
        }
        if (osName.equals("android") && !userAgent.contains("Mobile")) {
            return "tablet";
        }
        if (osName.equals("ios") || osName.equals("android") || osName.contains("windows phone")
                || osName.contains("blackberry") || osName.equals("kaios") || family.contains("iphone")
                || family.equals("generic smartphone")) {
            return "mobile";
        }
        return "desktop";
    }
}
