package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.EmptyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §3 header normalization: trim, drop a BOM, camelCase to snake_case, spaces and hyphens to {@code _}, lower
 * case; then the configured alias table maps known synonyms onto canonical names. Headers are matched by name, never
 * by position.
 */
final class HeaderNormalizer {
    private final Map<String, String> aliases;

    HeaderNormalizer(Map<String, String> aliases) {
        // Headers are looked up normalized, so the keys are too: an alias written as it appears in the export
        // ("Visitor ID: client_id") never matched and its file was skipped as not an event file.
        Map<String, String> keys = new java.util.HashMap<>();
        if (aliases != null) {
            aliases.forEach((key, value) -> keys.putIfAbsent(normalize(key), value));
        }
        this.aliases = keys;
    }

    /**
     * A raw header as written, without byte-order marks and trimmed as every value is ({@link EmptyValue#trim},
     * decision 0825): "client_id\u00A0" is client_id spelled canonically, as " client_id " always was.
     */
    static String trimmed(String raw) {
        return EmptyValue.trim(raw.replace("\uFEFF", ""));
    }

    static String normalize(String raw) {
        String text = trimmed(raw);
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '_' || c == '\t') {
                appendUnderscore(out);
            } else if (Character.isUpperCase(c)) {
                char previous = i > 0 ? text.charAt(i - 1) : ' ';
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                boolean wordStart = Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && Character.isLowerCase(next));
                if (wordStart) {
                    appendUnderscore(out);
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '_') {
            end--;
        }
        return out.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static void appendUnderscore(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
            out.append('_');
        }
    }

    /** The canonical column a raw header maps to, by name or alias. */
    Optional<CanonicalColumn> canonical(String normalized) {
        Optional<CanonicalColumn> direct = CanonicalColumn.byName(normalized);
        if (direct.isPresent()) {
            return direct;
        }
        String alias = aliases.get(normalized);
        if (alias != null) {
            return CanonicalColumn.byName(normalize(alias));
        }
        // A camelCase name that went through a warehouse comes back folded: Redshift's "clientid", Snowflake's or
        // Oracle's "CLIENTID". Read without its underscores, it is still the canonical name.
        String squeezed = normalized.replace("_", "");
        for (CanonicalColumn column : CanonicalColumn.values()) {
            if (column.columnName().replace("_", "").equals(squeezed)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    HeaderMapping map(List<String> rawHeaders) {
        int n = rawHeaders.size();
        List<String> normalized = new ArrayList<>(n);
        int[] fieldOf = new int[CanonicalColumn.values().length];
        java.util.Arrays.fill(fieldOf, -1);
        boolean[] exact = new boolean[fieldOf.length];
        for (int i = 0; i < n; i++) {
            String raw = rawHeaders.get(i);
            String norm = normalize(raw);
            normalized.add(norm);
            Optional<CanonicalColumn> column = canonical(norm);
            if (column.isEmpty()) {
                continue;
            }
            int c = column.get().ordinal();
            boolean isExact = trimmed(raw).equals(column.get().columnName());
            // Two headers for one column: the one spelled canonically wins, else the first; the other is EXTRA.
            if (fieldOf[c] < 0 || (isExact && !exact[c])) {
                fieldOf[c] = i;
                exact[c] = isExact;
            }
        }
        List<Integer> extraFields = new ArrayList<>();
        List<String> extraNames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean mapped = false;
            for (int f : fieldOf) {
                if (f == i) {
                    mapped = true;
                    break;
                }
            }
            if (!mapped) {
                extraFields.add(i);
                String name = normalized.get(i);
                extraNames.add(name.isEmpty() ? "column_" + (i + 1) : name);
            }
        }
        return new HeaderMapping(List.copyOf(rawHeaders), List.copyOf(normalized), fieldOf,
                extraFields.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(extraNames));
    }
}
