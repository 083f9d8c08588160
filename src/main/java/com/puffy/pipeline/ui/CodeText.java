package com.puffy.pipeline.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Monitoring's texts quote names in backticks ("`referrer` is missing"), markup a reader of a screen does not read as
 * quotes: here a name in a pair of backticks is set as code (monospace on a subtle background, style class
 * {@code code}), as the HTML report does. A backtick without its pair, and an empty pair, stay as written: a lone
 * backtick in a value must not swallow the rest of the sentence.
 */
public final class CodeText {
    /** Style class of the text around the names; {@code muted} beside it for a secondary line. */
    public static final String TEXT_CLASS = "code-text-plain";
    /** Style class of a name set as code. */
    public static final String CODE_CLASS = "code";

    private CodeText() {
    }

    /** A run of text, code (without its backticks) or not. */
    public record Span(String text, boolean code) {
    }

    /** The text as plain and code runs, in order; adjacent plain runs merged; empty text gives no run. */
    public static List<Span> parse(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return spans;
        }
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '`' ? text.indexOf('`', i + 1) : -1;
            if (close < 0) {
                // An unmatched backtick stays, with everything after it.
                plain.append(c);
                i++;
            } else if (close == i + 1) {
                // "``" names nothing: shown as written.
                plain.append("``");
                i = close + 1;
            } else {
                if (!plain.isEmpty()) {
                    spans.add(new Span(plain.toString(), false));
                    plain.setLength(0);
                }
                spans.add(new Span(text.substring(i + 1, close), true));
                i = close + 1;
            }
        }
        if (!plain.isEmpty()) {
            spans.add(new Span(plain.toString(), false));
        }
        return spans;
    }

    /** Whether the text holds at least one name in backticks. */
    public static boolean hasCode(String text) {
        return parse(text).stream().anyMatch(Span::code);
    }

    /** The text as the screen reads it, without the backticks around names (for tooltips and accessibility). */
    public static String plain(String text) {
        StringBuilder out = new StringBuilder();
        for (Span span : parse(text)) {
            out.append(span.text());
        }
        return out.toString();
    }

    /**
     * The text as a flow that wraps like a label's: plain runs as {@link Text} (style class {@link #TEXT_CLASS} and
     * {@code extraClasses}, e.g. {@code muted}), each name as a {@link Label} of style class {@link #CODE_CLASS}. The
     * flow's accessible text is {@link #plain}.
     */
    public static TextFlow flow(String text, String... extraClasses) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("code-text");
        fill(flow, text, extraClasses);
        return flow;
    }

    /** Replaces the flow's content with the text's runs, as {@link #flow} builds them. */
    public static void fill(TextFlow flow, String text, String... extraClasses) {
        List<Node> nodes = new ArrayList<>();
        for (Span span : parse(text)) {
            nodes.add(node(span, extraClasses));
        }
        flow.getChildren().setAll(nodes);
        flow.setAccessibleText(plain(text));
    }

    /** One run as a node: a {@link Text} for plain text, a {@link Label} of style class {@link #CODE_CLASS} for a name. */
    public static Node node(Span span, String... extraClasses) {
        if (span.code()) {
            Label code = new Label(span.text());
            code.getStyleClass().add(CODE_CLASS);
            code.setMinWidth(Label.USE_PREF_SIZE);
            return code;
        }
        Text plain = new Text(span.text());
        plain.getStyleClass().add(TEXT_CLASS);
        plain.getStyleClass().addAll(extraClasses);
        return plain;
    }
}
