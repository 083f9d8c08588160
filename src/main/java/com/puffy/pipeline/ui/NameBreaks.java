package com.puffy.pipeline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Lines for a long name in a narrow column, broken where its own punctuation allows: JavaFX wraps a label only at
 * spaces, so {@code transform.channel_rules.click_id_rules[3].parameters} broke inside a word ("click_id_rul" / "es";
 * a zero-width space did not help, decision 0762). Breaks after a dot (or a space, {@code |} or a comma) first; a
 * part still too wide breaks after an underscore or a slash; a single word wider than the column stays whole, for the
 * label to cut.
 */
final class NameBreaks {
    private static final String FIRST = ". |,";
    private static final String THEN = "_/";

    private NameBreaks() {
    }

    /**
     * {@code name} with a line break wherever the next part would make a line wider than {@code maxWidth} (a space
     * before a break does not count); without the breaks it is {@code name} again.
     */
    static String lines(String name, double maxWidth, ToDoubleFunction<String> width) {
        if (name == null || name.isEmpty() || !(maxWidth > 0) || width.applyAsDouble(name) <= maxWidth) {
            return name;
        }
        List<String> parts = new ArrayList<>();
        for (String part : after(name, FIRST)) {
            if (width.applyAsDouble(part) > maxWidth) {
                parts.addAll(after(part, THEN));
            } else {
                parts.add(part);
            }
        }
        StringBuilder out = new StringBuilder();
        String line = "";
        for (String part : parts) {
            if (!line.isEmpty() && width.applyAsDouble(line + part.stripTrailing()) > maxWidth) {
                // The space stays before the break, so the lines joined again are the text as written.
                out.append(line).append('\n');
                line = "";
            }
            line += part;
        }
        return out.append(line).toString();
    }

    /** The parts of {@code text} that end just after one of {@code breakers}, in order. */
    private static List<String> after(String text, String breakers) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (breakers.indexOf(text.charAt(i)) >= 0) {
                parts.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            parts.add(text.substring(start));
        }
        return parts;
    }
}
