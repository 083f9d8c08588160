package com.puffy.pipeline.transform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §5.1 written out rule by rule, as plainly as possible, for {@link TransformOracle}: slow on purpose, sharing
 * nothing with {@link ChannelClassifier}. The host lists SPEC ends with "…" (android-app packages, the TLDs hashed for
 * pseudonymized google.&lt;tld&gt;) are the defaults of default-config.yaml, copied by hand.
 */
final class OracleChannel {
    private static final List<String> SEARCH_HOSTS = List.of("bing.com", "www.bing.com", "search.yahoo.com",
            "duckduckgo.com", "baidu.com", "ecosia.org");
    private static final List<String> EMAIL_HOSTS = List.of("mail.google.com", "outlook.live.com");
    private static final List<String> SOCIAL_DOMAINS = List.of("facebook.com", "instagram.com", "t.co", "twitter.com",
            "x.com", "linkedin.com", "pinterest.com", "reddit.com", "tiktok.com", "youtube.com");
    private static final List<String> SOCIAL_APPS = List.of("com.facebook.katana", "com.facebook.orca",
            "com.instagram.android", "com.twitter.android", "com.linkedin.android", "com.pinterest",
            "com.reddit.frontpage", "com.zhiliaoapp.musically", "com.ss.android.ugc.trill",
            "com.google.android.youtube");
    private static final List<String> TLDS = List.of("com", "co.uk", "ca", "com.au", "de", "fr", "es", "it", "nl",
            "ie", "co.nz", "co.in", "com.mx", "com.br", "co.jp", "ru", "pl", "se", "ch", "at", "be", "dk");
    private static final Pattern ANY_TLD_SEARCH = Pattern.compile("(www\\.)?google\\.[a-z]{2,3}(\\.[a-z]{2})?"
            + "|yandex\\.[a-z]{2,3}(\\.[a-z]{2})?");
    private static final Pattern PSEUDONYM = Pattern.compile("source-([0-9a-f]{8})\\.com");
    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]*)");

    /** first 8 hex of md5(host) → channel, for pseudonymized referrers. */
    private static final Map<String, String> PSEUDONYMIZED_HOSTS = new HashMap<>();

    static {
        Map<String, String> named = new LinkedHashMap<>();
        EMAIL_HOSTS.forEach(h -> named.put(h, "Email"));
        SOCIAL_DOMAINS.forEach(h -> named.put(h, "Organic Social"));
        SEARCH_HOSTS.forEach(h -> named.put(h, "Organic Search"));
        for (String tld : TLDS) {
            named.put("google." + tld, "Organic Search");
            named.put("yandex." + tld, "Organic Search");
        }
        for (Map.Entry<String, String> host : named.entrySet()) {
            String bare = host.getKey().startsWith("www.") ? host.getKey().substring(4) : host.getKey();
            PSEUDONYMIZED_HOSTS.putIfAbsent(md5Hex(bare).substring(0, 8), host.getValue());
            PSEUDONYMIZED_HOSTS.putIfAbsent(md5Hex("www." + bare).substring(0, 8), host.getValue());
        }
        for (String extra : List.of("l.facebook.com", "m.facebook.com", "lm.facebook.com", "l.instagram.com")) {
            PSEUDONYMIZED_HOSTS.putIfAbsent(md5Hex(extra).substring(0, 8), "Organic Social");
        }
    }

    private OracleChannel() {
    }

    static String of(String pageUrl, String referrer) {
        Map<String, String> params = queryParameters(pageUrl);
        boolean socialClickId = hasAny(params, "fbclid", "ttclid", "igshid", "li_fat_id");
        String medium = params.get("utm_medium");
        if (medium != null) {
            if (isAny(medium, "cpc", "ppc", "paidsearch", "paid_search", "sem")) {
                return "Paid Search";
            }
            if (isAny(medium, "paid_social", "paidsocial", "social_paid", "social-paid")) {
                return "Paid Social";
            }
            if (isAny(medium, "paid")) {
                return socialClickId ? "Paid Social" : "Paid Search";
            }
            if (isAny(medium, "affiliate", "affiliates")) {
                return "Affiliate";
            }
            if (isAny(medium, "email", "e-mail", "newsletter", "klaviyo")) {
                return "Email";
            }
            if (isAny(medium, "sms", "text")) {
                return "SMS";
            }
            if (isAny(medium, "social")) {
                return "Organic Social";
            }
            if (isAny(medium, "referral", "website")) {
                return "Referral";
            }
        }
        if (hasAny(params, "_kx")) {
            return "Email";
        }
        if (hasAny(params, "gclid", "gbraid", "wbraid", "msclkid", "gad_source")) {
            return "Paid Search";
        }
        if (socialClickId) {
            return "Paid Social";
        }
        if (hasAny(params, "affid", "irclickid", "im_ref", "sfdr_ptcid")) {
            return "Affiliate";
        }
        for (String key : params.keySet()) {
            if (key.startsWith("utm_")) {
                return "Other Campaign";
            }
        }
        return referrerChannel(referrer);
    }

    static String referrerChannel(String referrer) {
        String text = referrer == null ? "" : com.puffy.pipeline.model.EmptyValue.trim(referrer);
        if (text.isEmpty()) {
            return "Direct";
        }
        if (text.toLowerCase(Locale.ROOT).startsWith("android-app://")) {
            String app = text.substring("android-app://".length()).toLowerCase(Locale.ROOT);
            int slash = app.indexOf('/');
            app = slash >= 0 ? app.substring(0, slash) : app;
            if (app.equals("com.google.android.gm")) {
                return "Email";
            }
            if (SOCIAL_APPS.contains(app) || isSocialHost(app)) {
                return "Organic Social";
            }
            if (app.equals("com.google.android.googlequicksearchbox")) {
                return "Organic Search";
            }
            return "Referral";
        }
        String host = host(text);
        if (EMAIL_HOSTS.contains(host)) {
            return "Email";
        }
        if (isSocialHost(host)) {
            return "Organic Social";
        }
        if (SEARCH_HOSTS.contains(host) || ANY_TLD_SEARCH.matcher(host).matches()) {
            return "Organic Search";
        }
        if (host.equals("puffy.com") || host.endsWith(".puffy.com")) {
            return "Direct";
        }
        Matcher pseudonym = PSEUDONYM.matcher(host);
        if (pseudonym.matches()) {
            return PSEUDONYMIZED_HOSTS.getOrDefault(pseudonym.group(1), "Referral");
        }
        return "Referral";
    }

    private static boolean isSocialHost(String host) {
        for (String domain : SOCIAL_DOMAINS) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static String host(String url) {
        Matcher m = SCHEME_AND_HOST.matcher(url);
        String authority;
        if (m.find()) {
            authority = m.group(1);
        } else {
            authority = url.split("[/?#]", 2)[0];
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            authority = authority.substring(0, colon);
        }
        String host = authority.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Keys lower-cased; values URL-decoded and trimmed; the first value of a repeated key wins. */
    static Map<String, String> queryParameters(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int question = url.indexOf('?');
        if (question < 0) {
            return params;
        }
        String query = url.substring(question + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = com.puffy.pipeline.model.EmptyValue.trim(decode(eq < 0 ? pair : pair.substring(0, eq)))
                    .toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : com.puffy.pipeline.model.EmptyValue.trim(decode(pair.substring(eq + 1)));
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static boolean hasAny(Map<String, String> params, String... keys) {
        for (String key : keys) {
            if (params.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** SPEC §5.1: equal ignoring case, or the pseudonym of the keyword as written, lower, upper or capitalized. */
    private static boolean isAny(String value, String... keywords) {
        for (String keyword : keywords) {
            if (value.equalsIgnoreCase(keyword)) {
                return true;
            }
            String capitalized = keyword.substring(0, 1).toUpperCase(Locale.ROOT)
                    + keyword.substring(1).toLowerCase(Locale.ROOT);
            for (String spelling : List.of(keyword, keyword.toLowerCase(Locale.ROOT),
                    keyword.toUpperCase(Locale.ROOT), capitalized)) {
                if (value.equals(md5Hex(spelling).substring(0, 6).toUpperCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
