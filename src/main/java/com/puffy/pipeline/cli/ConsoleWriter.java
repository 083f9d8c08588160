package com.puffy.pipeline.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Spells in ASCII the few typographic characters our sentences use when the terminal cannot show them. A Windows
 * console runs on a code page such as 437 or 850, where Java 17 prints "→" as "?": "51,438 valid events ? 32,893
 * sessions" reads like a fault. Redirected output and UTF-8 terminals are left as they are.
 */
final class ConsoleWriter extends FilterWriter {
    // § is in `config --print-defaults` ("SPEC §5.1"): code page 437 has no §, and it printed "SPEC ?5.1".
    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('→', "->"), Map.entry('…', "..."), Map.entry('—', "-"), Map.entry('–', "-"),
            Map.entry('·', "-"), Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('’', "'"),
            Map.entry('≥', ">="), Map.entry('≤', "<="), Map.entry('§', "section "));

    private final CharsetEncoder encoder;

    private ConsoleWriter(Writer out, Charset charset) {
        super(out);
        this.encoder = charset.newEncoder();
    }

    /**
     * An auto-flushing writer onto {@code stream} in the charset the JDK chose for it. A plain
     * {@code new PrintWriter(System.out)} would encode with the default charset (UTF-8 in our launchers) and show
     * "â†’" on a Windows console.
     */
    static PrintWriter printWriter(OutputStream stream, String encodingProperty) {
        Charset charset = streamCharset(encodingProperty);
        return new PrintWriter(forCharset(new OutputStreamWriter(stream, charset), charset), true);
    }

    /** {@code out} as it should be written to a stream encoding with {@code charset}. */
    static Writer forCharset(Writer out, Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-")
                ? out : new ConsoleWriter(out, charset);
    }

    /**
     * The charset {@code System.out} or {@code System.err} encodes with on Java 17: the console's code page when the
     * JDK set {@code sun.stdout.encoding} / {@code sun.stderr.encoding} (a Windows console), else the default.
     */
    private static Charset streamCharset(String property) {
        String name = System.getProperty(property);
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknownName) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public void write(int c) throws IOException {
        synchronized (lock) {
            char ch = (char) c;
            String ascii = Character.isSurrogate(ch) || encoder.canEncode(ch) ? null : ASCII.get(ch);
            if (ascii == null) {
                out.write(c);
            } else {
                out.write(ascii);
            }
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        synchronized (lock) {
            for (int i = offset; i < offset + length; i++) {
                write(chars[i]);
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        synchronized (lock) {
            for (int i = offset; i < offset + length; i++) {
                write(text.charAt(i));
            }
        }
    }
}
