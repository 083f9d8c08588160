package com.puffy.pipeline.transform;

import com.puffy.pipeline.config.TransformConfig;
import com.puffy.pipeline.config.TransformConfig.ChannelRules;
import com.puffy.pipeline.config.TransformConfig.KeywordRule;
import com.puffy.pipeline.config.TransformConfig.ParameterRule;
import com.puffy.pipeline.config.TransformConfig.ReferrerRule;
import com.puffy.pipeline.io.ByteWords;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.model.EmptyValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The channel of a session from its landing event (SPEC §5.1), driven entirely by the configured rule table.
 * Campaign rules (1–6) look at the landing page's query parameters; referrer rules (7–11) at the referrer. The
 * two halves are independent, so callers may cache each by its own input.
 */
public final class ChannelClassifier {
    private final String mediumParameter;
    /** Keyword (lower case) or pseudonym (upper-case 6 hex) → channel; the first rule that names it wins. */
    private final Map<String, String> mediumClear = new HashMap<>();
    private final Map<String, String> mediumHashed = new HashMap<>();
    private final Set<String> ambiguousClear = new LinkedHashSet<>();
    private final Set<String> ambiguousHashed = new LinkedHashSet<>();
    private final String ambiguousChannel;
    private final String ambiguousChannelWithClickId;
    private final List<String> ambiguousClickIds;
    private final List<ParameterRule> clickIdRules;
    /** Indexes in {@link #presenceKeys} of the ambiguous medium's click ids, and of each click-id rule's parameters. */
    private final int[] ambiguousClickIdKeys;
    private final int[][] clickIdRuleKeys;
    private final String campaignPrefix;
    /** Every parameter whose mere presence a rule asks about. */
    private final List<String> presenceKeys;
    /**
     * Indexes in {@link #presenceKeys} of the keys of each length below {@link #LONG_KEY}; the last entry lists the
     * longer ones. A query key is compared only with presence keys of its own length: most (utm_source, sub1, ...)
     * have none.
     */
    private final int[][] presenceKeysByLength;
    private static final int LONG_KEY = 64;
    private final String campaignChannel;
    private final List<ReferrerRule> referrerRules;
    private final Map<String, String> pseudonymizedHosts = new HashMap<>();
    private final List<String> ownDomains;
    private final String directChannel;
    private final String referralChannel;
    private final List<String> channels;

    public ChannelClassifier(TransformConfig config) {
        ChannelRules rules = config.channelRules();
        this.mediumParameter = lower(rules.mediumParameter());
        Set<String> allChannels = new LinkedHashSet<>();
        for (KeywordRule rule : rules.mediumKeywords()) {
            allChannels.add(rule.channel());
            for (String keyword : rule.keywords()) {
                mediumClear.putIfAbsent(lower(keyword), rule.channel());
                for (String pseudonym : pseudonyms(keyword)) {
                    mediumHashed.putIfAbsent(pseudonym, rule.channel());
                }
            }
        }
        var ambiguous = rules.ambiguousMedium();
        this.ambiguousChannel = ambiguous.channel();
        this.ambiguousChannelWithClickId = ambiguous.channelWithClickId();
        for (String keyword : ambiguous.keywords()) {
            ambiguousClear.add(lower(keyword));
            ambiguousHashed.addAll(pseudonyms(keyword));
        }
        List<String> socialIds = new ArrayList<>();
        for (ParameterRule rule : rules.clickIdRules()) {
            allChannels.add(rule.channel());
            if (rule.channel().equals(ambiguous.channelWithClickId())) {
                rule.parameters().forEach(p -> socialIds.add(lower(p)));
            }
        }
        this.ambiguousClickIds = List.copyOf(socialIds);
        this.clickIdRules = rules.clickIdRules().stream()
                .map(r -> new ParameterRule(r.channel(), r.parameters().stream().map(ChannelClassifier::lower).toList()))
                .toList();
        this.campaignPrefix = lower(rules.campaignParameterPrefix());
        Set<String> presence = new LinkedHashSet<>(ambiguousClickIds);
        clickIdRules.forEach(rule -> presence.addAll(rule.parameters()));
        this.presenceKeys = List.copyOf(presence);
        this.presenceKeysByLength = new int[LONG_KEY + 1][];
        for (int length = 0; length <= LONG_KEY; length++) {
            int wanted = length;
            presenceKeysByLength[length] = java.util.stream.IntStream.range(0, presenceKeys.size())
                    .filter(k -> Math.min(presenceKeys.get(k).length(), LONG_KEY) == wanted).toArray();
        }
        this.ambiguousClickIdKeys = ambiguousClickIds.stream().mapToInt(presenceKeys::indexOf).toArray();
        this.clickIdRuleKeys = clickIdRules.stream()
                .map(rule -> rule.parameters().stream().mapToInt(presenceKeys::indexOf).toArray())
                .toArray(int[][]::new);
        this.campaignChannel = rules.campaignChannel();
        allChannels.add(ambiguousChannel);
        allChannels.add(ambiguousChannelWithClickId);
        allChannels.add(campaignChannel);
        this.referrerRules = rules.referrerRules().stream().map(ChannelClassifier::lowerRule).toList();
        this.ownDomains = config.ownDomains().stream().map(ChannelClassifier::lower).toList();
        this.directChannel = rules.directChannel();
        this.referralChannel = rules.referralChannel();
        for (ReferrerRule rule : referrerRules) {
            allChannels.add(rule.channel());
            List<String> named = new ArrayList<>(rule.hosts());
            named.addAll(rule.domains());
            for (String name : rule.anyTldNames()) {
                for (String tld : rules.pseudonymizedTlds()) {
                    named.add(name + "." + lower(tld));
                }
            }
            for (String host : named) {
                String bare = host.startsWith("www.") ? host.substring(4) : host;
                pseudonymizedHosts.putIfAbsent(hostHash(bare), rule.channel());
                pseudonymizedHosts.putIfAbsent(hostHash("www." + bare), rule.channel());
            }
        }
        for (String extra : rules.pseudonymizedExtraHosts()) {
            String channel = clearHostChannel(lower(extra));
            if (channel != null) {
                pseudonymizedHosts.putIfAbsent(hostHash(lower(extra)), channel);
            }
        }
        allChannels.add(directChannel);
        allChannels.add(referralChannel);
        this.channels = List.copyOf(allChannels);
    }

    /** Every channel the rules can give, in the order the configuration names them (for stable reports). */
    public List<String> channels() {
        return channels;
    }

    public String directChannel() {
        return directChannel;
    }

    public String classify(String pageUrl, String referrer) {
        String campaign = campaignChannel(pageUrl);
        return campaign != null ? campaign : referrerChannel(referrer);
    }

    /** Rules 1–6 on the landing page's query; null when none applies. */
    public String campaignChannel(String pageUrl) {
        Map<String, String> params = queryParameters(pageUrl);
        if (params.isEmpty()) {
            return null;
        }
        String medium = params.get(mediumParameter);
        return campaign(medium == null ? Medium.ABSENT : medium(medium), key -> params.containsKey(presenceKeys.get(key)),
                params.keySet().stream().anyMatch(key -> key.startsWith(campaignPrefix)));
    }

    /**
     * What a medium value says by itself (rules 1–3): the channel it names, or that it is ambiguous (the channel
     * then depends on click ids), or nothing.
     */
    private record Medium(String channel, boolean ambiguous) {
        static final Medium ABSENT = new Medium(null, false);
    }

    private Medium medium(String value) {
        String channel = mediumClear.get(lower(value));
        if (channel == null) {
            channel = mediumHashed.get(value);
        }
        if (channel != null) {
            return new Medium(channel, false);
        }
        return new Medium(null, ambiguousClear.contains(lower(value)) || ambiguousHashed.contains(value));
    }

    /** Rules 1–6, with {@code present} telling whether the presence key of that index is in the query. */
    private String campaign(Medium medium, java.util.function.IntPredicate present, boolean anyPrefixed) {
        if (medium.channel() != null) {
            return medium.channel();
        }
        if (medium.ambiguous()) {
            for (int key : ambiguousClickIdKeys) {
                if (present.test(key)) {
                    return ambiguousChannelWithClickId;
                }
            }
            return ambiguousChannel;
        }
        for (int r = 0; r < clickIdRuleKeys.length; r++) {
            for (int key : clickIdRuleKeys[r]) {
                if (present.test(key)) {
                    return clickIdRules.get(r).channel();
                }
            }
        }
        return anyPrefixed ? campaignChannel : null;
    }

    /**
     * {@link #campaignChannel(String)} of {@code CsvInput.unprotect} of these UTF-8 bytes, without building the
     * parameter map (most landing pages with a query are unique, so each one is parsed): an ASCII page whose query
     * needs no URL-decoding is scanned in place; any other page takes the String path. The page's first character,
     * which unprotecting may drop, is never part of the query.
     */
    public String campaignChannel(byte[] b, int from, int to, Query query) {
        // Small steps in small methods: this runs once per session, and the JIT compiles it in a fraction of the
        // time one big method with nested loops takes.
        int question = asciiQuestionMark(b, from, to);
        if (question == NO_QUERY) {
            return null;
        }
        int end = question < 0 ? NEEDS_TEXT : plainQueryEnd(b, question + 1, to);
        if (end == NEEDS_TEXT) {
            return campaignOfText(b, from, to);
        }
        query.clear();
        int start = question + 1;
        while (start <= end) {
            // One scan a pair: up to its '=' (or its end), then on to its end.
            int eq = ByteWords.indexOfEither(b, (byte) '=', (byte) '&', start, end);
            if (eq >= 0 && b[eq] == '&') {
                eq = -1;
            }
            int amp = ByteWords.indexOf(b, (byte) '&', eq < 0 ? start : eq + 1, end);
            int pairEnd = amp < 0 ? end : amp;
            if (pairEnd > start) {
                pair(b, start, eq, pairEnd, query);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return query.any ? campaign(query.medium, query::has, query.prefixed) : null;
    }

    private static final int NO_QUERY = -1;
    private static final int NEEDS_TEXT = -2;

    private String campaignOfText(byte[] b, int from, int to) {
        return campaignChannel(CsvInput.unprotect(new String(b, from, to - from, StandardCharsets.UTF_8)));
    }

    private static final long QUESTION_MARKS = ByteWords.broadcast((byte) '?');

    /** The first '?', {@link #NO_QUERY}, or {@link #NEEDS_TEXT} for a page with a non-ASCII byte. */
    private static int asciiQuestionMark(byte[] b, int from, int to) {
        int question = NO_QUERY;
        int i = from;
        // Eight bytes a step: every landing page is scanned to its end. A non-ASCII byte has its high bit set.
        for (; i + 8 <= to; i += 8) {
            long w = ByteWords.word(b, i);
            if ((w & ByteWords.HIGHS) != 0) {
                return NEEDS_TEXT;
            }
            long marks = ByteWords.zeroBytes(w ^ QUESTION_MARKS);
            if (marks != 0 && question < 0) {
                question = i + ByteWords.firstFlagged(marks);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c < 0) {
                return NEEDS_TEXT;
            }
            if (c == '?' && question < 0) {
                question = i;
            }
        }
        return question;
    }

    /** Where the query ends ('#' or the end), or {@link #NEEDS_TEXT} when it holds '%' or '+' to decode. */
    private static int plainQueryEnd(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '#') {
                return i;
            }
            if (c == '%' || c == '+') {
                return NEEDS_TEXT;
            }
        }
        return to;
    }

    /**
     * One "key=value" (or bare "key") of a query, as {@link #queryParameters} would put it in the map; {@code eq} is
     * the index of its first '=', or -1.
     */
    private void pair(byte[] b, int start, int eq, int end, Query query) {
        int keyFrom = trimStart(b, start, eq < 0 ? end : eq);
        int keyTo = trimEnd(b, keyFrom, eq < 0 ? end : eq);
        if (keyTo == keyFrom) {
            return;
        }
        query.any = true;
        if (query.medium == Medium.ABSENT && equalsLower(b, keyFrom, keyTo, mediumParameter)) {
            int valueFrom = trimStart(b, eq < 0 ? end : eq + 1, end);
            int valueTo = trimEnd(b, valueFrom, end);
            query.medium = query.medium(b, valueFrom, valueTo);
        }
        for (int k : presenceKeysByLength[Math.min(keyTo - keyFrom, LONG_KEY)]) {
            if (equalsLower(b, keyFrom, keyTo, presenceKeys.get(k))) {
                query.present[k] = true;
            }
        }
        if (keyTo - keyFrom >= campaignPrefix.length()
                && equalsLower(b, keyFrom, keyFrom + campaignPrefix.length(), campaignPrefix)) {
            query.prefixed = true;
        }
    }

    /** As String.trim: characters up to ' ' go. */
    private static int trimStart(byte[] b, int from, int to) {
        while (from < to && b[from] <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && b[to - 1] <= ' ') {
            to--;
        }
        return to;
    }

    /**
     * What {@link #campaignChannel(byte[], int, int, Query)} found in one query; reusable, one per thread. It also
     * keeps what each distinct medium value it met says: a dataset has a handful of them on millions of pages.
     */
    public final class Query {
        private final boolean[] present = new boolean[presenceKeys.size()];
        private Medium medium = Medium.ABSENT;
        private boolean any;
        private boolean prefixed;
        private final ByteDictionary mediumValues = new ByteDictionary(16);
        private final List<Medium> mediums = new ArrayList<>();

        private boolean has(int key) {
            return present[key];
        }

        /** {@link #medium(String)} of ASCII bytes, worked out once per distinct value. */
        private Medium medium(byte[] b, int from, int to) {
            int id = mediumValues.intern(b, from, to);
            if (id == mediums.size()) {
                mediums.add(ChannelClassifier.this.medium(new String(b, from, to - from, StandardCharsets.US_ASCII)));
            }
            return mediums.get(id);
        }

        private void clear() {
            java.util.Arrays.fill(present, false);
            medium = Medium.ABSENT;
            any = false;
            prefixed = false;
        }
    }

    /** ASCII bytes, lower-cased, equal to {@code lowerText}. */
    private static boolean equalsLower(byte[] b, int from, int to, String lowerText) {
        if (to - from != lowerText.length()) {
            return false;
        }
        for (int i = 0; i < lowerText.length(); i++) {
            int c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerText.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rules 7–11 on the referrer (empty or null: no referrer). Only the host (or app package) decides, and a
     * dataset has few of them, so results are kept per host: this method is not thread-safe.
     */
    public String referrerChannel(String referrer) {
        // Trimmed as every value is (EmptyValue.trim, decision 0825): "\u00A0https://www.google.com/" is Google,
        // and "\u00A0" or "\u200B" alone is no referrer (SPEC 5.1 rule 10, decision 0822), not a Referral.
        String ref = referrer == null ? "" : EmptyValue.trim(referrer);
        if (ref.isEmpty()) {
            return directChannel;
        }
        String lowerRef = lower(ref);
        String key;
        if (lowerRef.startsWith("android-app://")) {
            key = "android-app://" + hostPart(lowerRef.substring("android-app://".length()));
        } else {
            int scheme = lowerRef.indexOf("://");
            key = hostPart(scheme >= 0 ? lowerRef.substring(scheme + 3) : lowerRef);
        }
        String known = hostCache.get(key);
        if (known == null) {
            if (hostCache.size() > 100_000) {
                hostCache.clear();
            }
            known = hostChannel(key);
            hostCache.put(key, known);
        }
        return known;
    }

    private final Map<String, String> hostCache = new HashMap<>();

    private String hostChannel(String key) {
        if (key.startsWith("android-app://")) {
            String app = key.substring("android-app://".length());
            for (ReferrerRule rule : referrerRules) {
                if (rule.apps().contains(app) || matchesHost(rule, app)) {
                    return rule.channel();
                }
            }
            return referralChannel;
        }
        String host = key;
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String channel = clearHostChannel(host);
        if (channel != null) {
            return channel;
        }
        if (host.startsWith("source-") && host.endsWith(".com")) {
            String hash = host.substring("source-".length(), host.length() - ".com".length());
            if (hash.length() == 8) {
                return pseudonymizedHosts.getOrDefault(hash, referralChannel);
            }
        }
        for (String own : ownDomains) {
            if (host.equals(own) || host.endsWith("." + own)) {
                return directChannel;
            }
        }
        return host.isEmpty() ? directChannel : referralChannel;
    }

    private String clearHostChannel(String host) {
        for (ReferrerRule rule : referrerRules) {
            if (matchesHost(rule, host)) {
                return rule.channel();
            }
        }
        return null;
    }

    private static boolean matchesHost(ReferrerRule rule, String host) {
        if (rule.hosts().contains(host)) {
            return true;
        }
        for (String domain : rule.domains()) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        for (String name : rule.anyTldNames()) {
            if (host.startsWith(name + ".") && isTld(host.substring(name.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A public suffix such as com, de, co.uk or com.au: one or two short alphabetic labels. */
    static boolean isTld(String text) {
        String[] labels = text.split("\\.", -1);
        if (labels.length < 1 || labels.length > 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() < 2 || label.length() > 3) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c < 'a' || c > 'z') {
                    return false;
                }
            }
        }
        return true;
    }

    /** The host of "host[:port][/path][?query]" (userinfo dropped). */
    private static String hostPart(String afterScheme) {
        int end = afterScheme.length();
        for (int i = 0; i < afterScheme.length(); i++) {
            char c = afterScheme.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = afterScheme.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        return colon >= 0 ? authority.substring(0, colon) : authority;
    }

    /**
     * Query parameters of a URL: keys in lower case, values URL-decoded and trimmed ({@link EmptyValue#trim}, so a
     * decoded "cpc\u00A0" is cpc, decision 0825), the first value of a repeated key kept, a key without '=' present
     * with an empty value.
     */
    static Map<String, String> queryParameters(String url) {
        if (url == null) {
            return Map.of();
        }
        int question = url.indexOf('?');
        if (question < 0) {
            return Map.of();
        }
        int hash = url.indexOf('#', question);
        String query = url.substring(question + 1, hash < 0 ? url.length() : hash);
        Map<String, String> params = new LinkedHashMap<>();
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (end > start) {
                String pair = query.substring(start, end);
                int eq = pair.indexOf('=');
                String key = lower(EmptyValue.trim(decode(eq < 0 ? pair : pair.substring(0, eq))));
                String value = eq < 0 ? "" : EmptyValue.trim(decode(pair.substring(eq + 1)));
                if (!key.isEmpty()) {
                    params.putIfAbsent(key, value);
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return params;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A stray '%' is taken literally: a broken escape must not hide the parameter.
            return text;
        }
    }

    /** The pseudonyms of a keyword: upper-case first 6 hex of MD5 of it as written, lower, upper and capitalized. */
    static Set<String> pseudonyms(String keyword) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(keyword);
        forms.add(keyword.toLowerCase(Locale.ROOT));
        forms.add(keyword.toUpperCase(Locale.ROOT));
        if (!keyword.isEmpty()) {
            forms.add(keyword.substring(0, 1).toUpperCase(Locale.ROOT) + keyword.substring(1).toLowerCase(Locale.ROOT));
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (String form : forms) {
            hashes.add(md5Hex(form).substring(0, 6).toUpperCase(Locale.ROOT));
        }
        return hashes;
    }

    static String hostHash(String host) {
        return md5Hex(host).substring(0, 8);
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }

    private static ReferrerRule lowerRule(ReferrerRule rule) {
        return new ReferrerRule(rule.channel(), lowerAll(rule.hosts()), lowerAll(rule.domains()),
                lowerAll(rule.anyTldNames()), lowerAll(rule.apps()));
    }

    private static List<String> lowerAll(List<String> values) {
        return values == null ? List.of() : values.stream().map(ChannelClassifier::lower).toList();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
