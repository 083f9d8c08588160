package com.puffy.pipeline.quality;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The damage real exports suffer, applied to the bytes of a day file at places a seeded {@link Random} picks: the
 * mutations of the quality fuzz test. Each returns the mutated bytes and says what it did, so a failing case can be
 * rebuilt by hand from its description.
 */
enum CsvMutation {
    DELETE_QUOTE, DELETE_COMMA, DELETE_CR, DELETE_LF,
    INSERT_QUOTE, INSERT_COMMA, INSERT_CR, INSERT_LF,
    TRUNCATE_MID_ROW, TRUNCATE_MID_MULTIBYTE,
    INVALID_UTF8, NUL_BYTES, BOM_IN_THE_MIDDLE,
    DUPLICATE_HEADER_NAME, SWAP_HEADER_NAMES, HEADER_CASE_AND_SPACING,
    SWAP_TWO_LINES, BLANK_LINES, MEGABYTE_FIELD, ROW_OF_ONLY_COMMAS, MULTIBYTE_TEXT, EDGE_VALUE;

    /** One applied mutation: the new bytes and what was done where. */
    record Applied(byte[] bytes, String description) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[][] INVALID_SEQUENCES = {
            {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};
    private static final String[] MULTIBYTE = {"é", "€", "ß", "😴", "中"};
    /** In event_data's JSON as the CSV holds it (quotes doubled): ids of control characters, spaces, formulas. */
    private static final String[] ID_EDGES = {"\"\"\\u0000\"\"", "\"\"\\u0001 \"\"", "\"\" \"\"", "\"\"\"\"",
            "null", "12", "\"\"=cmd\"\"", "\"\"-ORD\"\"", "\"\"\\t\"\"", "\"\"\\u2003\"\"", "true", "{}"};
    private static final String[] REVENUE_EDGES = {"1e308", "1e-320", "-0", "0.005", "\"\"NaN\"\"", "\"\"Infinity\"\"",
            "89999999999999.99", "90071992547409.92", "\"\" 12 \"\"", "\"\"1,299\"\"", "01", "-1", "null", "[5]", "1E2",
            "0.1", "\"\"+5\"\"", "12345678901234567890"};
    private static final String[] TIMESTAMP_EDGES = {"2025-02-23T24:00:00.000Z", "2025-02-23T23:59:60.000Z",
            "0000-01-01T00:00:00.000Z", "+10000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
            "2025-02-23T10:00:00Z", "2025-02-23T10:00:00.123456789Z", "2025-02-23 10:00:00",
            "2025-02-23T10:00:00.000+01:00", "-2025-02-23T10:00:00.000Z", "1970-01-01T00:00:00.000Z",
            "2025-02-29T10:00:00.000Z", " 2025-02-24T10:00:00.000Z ", "2025-02-24T10:00:00.000z", "=NOW()", "-1"};

    Applied apply(byte[] in, Random random) {
        return switch (this) {
            case DELETE_QUOTE -> deleteOne(in, random, '"');
            case DELETE_COMMA -> deleteOne(in, random, ',');
            case DELETE_CR -> deleteOne(in, random, '\r');
            case DELETE_LF -> deleteOne(in, random, '\n');
            case INSERT_QUOTE -> insertAtRandom(in, random, "\"");
            case INSERT_COMMA -> insertAtRandom(in, random, ",");
            case INSERT_CR -> insertAtRandom(in, random, "\r");
            case INSERT_LF -> insertAtRandom(in, random, "\n");
            case TRUNCATE_MID_ROW -> {
                int at = afterHeader(in) + random.nextInt(Math.max(1, in.length - afterHeader(in)));
                yield new Applied(Arrays.copyOf(in, at), "truncated at byte " + at);
            }
            case TRUNCATE_MID_MULTIBYTE -> {
                // A multi-byte character cut after its first byte(s), at the end of a cut-off row.
                int at = afterHeader(in) + random.nextInt(Math.max(1, in.length - afterHeader(in)));
                byte[] ch = MULTIBYTE[random.nextInt(MULTIBYTE.length)].getBytes(StandardCharsets.UTF_8);
                int keep = 1 + random.nextInt(ch.length - 1);
                yield new Applied(concat(Arrays.copyOf(in, at), Arrays.copyOf(ch, keep)),
                        "truncated at byte " + at + " after " + keep + " of the " + ch.length + " bytes of a character");
            }
            case INVALID_UTF8 -> {
                byte[] seq = INVALID_SEQUENCES[random.nextInt(INVALID_SEQUENCES.length)];
                int at = random.nextInt(in.length + 1);
                yield new Applied(insert(in, at, seq), "invalid UTF-8 " + hex(seq) + " at byte " + at);
            }
            case NUL_BYTES -> {
                int at = random.nextInt(in.length + 1);
                int n = 1 + random.nextInt(4);
                yield new Applied(insert(in, at, new byte[n]), n + " NUL byte(s) at byte " + at);
            }
            case BOM_IN_THE_MIDDLE -> {
                int at = random.nextBoolean() ? lineStart(in, random) : random.nextInt(in.length + 1);
                yield new Applied(insert(in, at, BOM), "BOM at byte " + at);
            }
            case DUPLICATE_HEADER_NAME -> header(in, random, (names, r) -> {
                int from = r.nextInt(names.size());
                int to = r.nextInt(names.size());
                names.set(to, names.get(from));
                return "header name " + from + " copied over " + to;
            });
            case SWAP_HEADER_NAMES -> header(in, random, (names, r) -> {
                int a = r.nextInt(names.size());
                int b = r.nextInt(names.size());
                String t = names.get(a);
                names.set(a, names.get(b));
                names.set(b, t);
                return "header names " + a + " and " + b + " swapped";
            });
            case HEADER_CASE_AND_SPACING -> header(in, random, (names, r) -> {
                int at = r.nextInt(names.size());
                String name = names.get(at);
                String changed = switch (r.nextInt(5)) {
                    case 0 -> name.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> "  " + name + " ";
                    case 2 -> camel(name);
                    case 3 -> name.replace('_', ' ');
                    default -> name.replace('_', '-');
                };
                names.set(at, changed);
                return "header name " + at + " written '" + changed + "'";
            });
            case SWAP_TWO_LINES -> {
                List<byte[]> lines = lines(in);
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                byte[] t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                yield new Applied(join(lines), "lines " + (a + 1) + " and " + (b + 1) + " swapped");
            }
            case BLANK_LINES -> {
                String[] blanks = {"\n", "\r\n", "\n\n\n", "\r\n\r\n"};
                String blank = blanks[random.nextInt(blanks.length)];
                int at = lineStart(in, random);
                yield new Applied(insert(in, at, blank.getBytes(StandardCharsets.US_ASCII)),
                        "blank line(s) " + blank.replace("\r", "\\r").replace("\n", "\\n") + " at byte " + at);
            }
            case MEGABYTE_FIELD -> {
                // A field of about 1 MiB, plain or quoted with commas and line breaks inside, ASCII or with
                // multi-byte characters that straddle the reader's buffer boundaries, put before a comma.
                boolean quoted = random.nextBoolean();
                boolean multibyte = random.nextBoolean();
                String unit = (quoted ? "a,b\nc\"\"d" : "abcdefgh") + (multibyte ? "é€😴" : "");
                String big = unit.repeat((1 << 20) / unit.length() + random.nextInt(64));
                if (quoted) {
                    big = "\"" + big + "\"";
                }
                int at = commaAfterHeader(in, random);
                yield new Applied(insert(in, at, big.getBytes(StandardCharsets.UTF_8)),
                        (quoted ? "quoted " : "") + (multibyte ? "multi-byte " : "") + big.length() + "-character field at byte " + at);
            }
            case EDGE_VALUE -> {
                // A purchase's transaction id or revenue, or a row's timestamp, replaced by a value at an edge.
                String[] keys = {"transaction_id\"\":", "revenue\"\":", ",2025-02-2"};
                String key = keys[random.nextInt(keys.length)];
                String[] values = key.startsWith(",")
                        ? TIMESTAMP_EDGES : key.startsWith("t") ? ID_EDGES : REVENUE_EDGES;
                String value = values[random.nextInt(values.length)];
                String text = new String(in, StandardCharsets.ISO_8859_1);
                List<Integer> at = new ArrayList<>();
                for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
                    at.add(i);
                }
                if (at.isEmpty()) {
                    yield insertAtRandom(in, random, ",");
                }
                int start = at.get(random.nextInt(at.size())) + (key.startsWith(",") ? 1 : key.length());
                int end = start;
                while (end < text.length() && ",}\n".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                byte[] replaced = (text.substring(0, start) + value + text.substring(end))
                        .getBytes(StandardCharsets.ISO_8859_1);
                yield new Applied(replaced, "value at byte " + start + " written " + value);
            }
            case MULTIBYTE_TEXT -> {
                String text = MULTIBYTE[random.nextInt(MULTIBYTE.length)];
                int at = random.nextInt(in.length + 1);
                yield new Applied(insert(in, at, text.getBytes(StandardCharsets.UTF_8)), "'" + text + "' at byte " + at);
            }
            case ROW_OF_ONLY_COMMAS -> {
                int commas = random.nextBoolean() ? 6 : random.nextInt(12);
                int at = lineStart(in, random);
                yield new Applied(insert(in, at, (",".repeat(commas) + "\n").getBytes(StandardCharsets.US_ASCII)),
                        "a row of " + commas + " commas at byte " + at);
            }
        };
    }

    /** Two lines after the header swapped: the rows are the same, in another order. */
    static Applied swapDataLines(byte[] in, Random random) {
        List<byte[]> lines = lines(in);
        if (lines.size() < 3) {
            return new Applied(in, "nothing to swap");
        }
        int a = 1 + random.nextInt(lines.size() - 1);
        int b = 1 + random.nextInt(lines.size() - 1);
        byte[] t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return new Applied(join(lines), "lines " + (a + 1) + " and " + (b + 1) + " swapped");
    }

    @FunctionalInterface
    private interface HeaderEdit {
        String edit(List<String> names, Random random);
    }

    private static Applied header(byte[] in, Random random, HeaderEdit edit) {
        int end = 0;
        while (end < in.length && in[end] != '\n' && in[end] != '\r') {
            end++;
        }
        String header = new String(in, 0, end, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>(Arrays.asList(header.split(",", -1)));
        String what = edit.edit(names, random);
        byte[] newHeader = String.join(",", names).getBytes(StandardCharsets.UTF_8);
        return new Applied(concat(newHeader, Arrays.copyOfRange(in, end, in.length)), what);
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static Applied deleteOne(byte[] in, Random random, char which) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == which) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return insertAtRandom(in, random, String.valueOf(which));
        }
        int i = at.get(random.nextInt(at.size()));
        byte[] out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, i);
        System.arraycopy(in, i + 1, out, i, in.length - i - 1);
        return new Applied(out, "deleted " + name(which) + " at byte " + i);
    }

    private static Applied insertAtRandom(byte[] in, Random random, String what) {
        int at = random.nextInt(in.length + 1);
        return new Applied(insert(in, at, what.getBytes(StandardCharsets.US_ASCII)),
                "inserted " + name(what.charAt(0)) + " at byte " + at);
    }

    private static String name(char c) {
        return switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            default -> "'" + c + "'";
        };
    }

    private static int afterHeader(byte[] in) {
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                return i + 1;
            }
        }
        return in.length;
    }

    private static int lineStart(byte[] in, Random random) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.get(random.nextInt(starts.size()));
    }

    private static int commaAfterHeader(byte[] in, Random random) {
        int from = afterHeader(in);
        List<Integer> commas = new ArrayList<>();
        for (int i = from; i < in.length; i++) {
            if (in[i] == ',') {
                commas.add(i);
            }
        }
        return commas.isEmpty() ? in.length : commas.get(random.nextInt(commas.size()));
    }

    /** Lines with their own line ends (the last may have none). */
    private static List<byte[]> lines(byte[] in) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            lines.add(Arrays.copyOfRange(in, start, in.length));
        }
        if (lines.isEmpty()) {
            lines.add(new byte[0]);
        }
        return lines;
    }

    private static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            byte[] p = parts.get(i);
            out.writeBytes(p);
            // A line moved from the end (no line end) into the middle gets one, so it stays a line of its own.
            if (i < parts.size() - 1 && (p.length == 0 || p[p.length - 1] != '\n')) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X", b & 0xff));
        }
        return s.toString();
    }
}
