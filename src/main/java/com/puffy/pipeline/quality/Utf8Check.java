package com.puffy.pipeline.quality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds where a file stops being UTF-8, so the UNREADABLE_FILE message can point at the line. */
final class Utf8Check {
    /**
     * A place in the file; {@code isError} false: the scan reached the end without finding what it looked for.
     * {@code endsMidCharacter}: the file's last bytes begin a UTF-8 character that never ends.
     */
    record Position(long line, long offset, boolean isError, boolean endsMidCharacter) {
        Position(long line, long offset, boolean isError) {
            this(line, offset, isError, false);
        }
    }

    private Utf8Check() {
    }

    /**
     * Why a file that failed to read as UTF-8 text cannot be read, as the end of a sentence starting with its name,
     * and the line to report.
     */
    record Verdict(long line, String why) {
    }

    static Verdict diagnose(Path file) {
        String format = knownFormat(file);
        if (format != null) {
            return new Verdict(1, format);
        }
        if (isUtf16(file)) {
            // Excel's "Unicode Text" export: "binary" sent people looking for a corrupt file.
            return new Verdict(1, "is UTF-16 text (as Excel's \"Unicode Text\" saves it), not UTF-8; save it from "
                    + "Excel as \"CSV UTF-8 (Comma delimited)\" or re-export it as UTF-8");
        }
        Position invalid = firstInvalid(file);
        Position nul = firstNul(file);
        // A NUL on the first line is binary data whatever broke UTF-8 first: random bytes seldom run long as UTF-8.
        if (nul != null && (nul.line() == 1 || !invalid.isError() || nul.offset() <= invalid.offset())) {
            if (nul.line() == 1) {
                return new Verdict(1, "is a binary file, not CSV text; remove it from the folder or replace it with the "
                        + "CSV export");
            }
            // One NUL deep in a text export (a damaged copy) is not "a binary file": say where it is.
            return new Verdict(nul.line(), "holds a NUL byte (binary data) at line " + nul.line() + ", byte "
                    + nul.offset() + ", so it is not CSV text; re-export it, or remove that byte, to have its rows read");
        }
        if (invalid.endsMidCharacter()) {
            // A copy or download cut short mid-character read as "re-export it as UTF-8" of a file that is UTF-8.
            return new Verdict(invalid.line(), "ends in the middle of a character (line " + invalid.line() + ", byte "
                    + invalid.offset() + "), so it looks cut short, e.g. a copy or download that did not finish; copy "
                    + "it again in full (or re-export it as UTF-8) to have its rows read");
        }
        return new Verdict(invalid.line(), "is not UTF-8 text (first invalid byte at line " + invalid.line() + ", byte "
                + invalid.offset() + "); re-export it as UTF-8");
    }

    /**
     * Files that are another format under a .csv name: a compressed export renamed, or a workbook saved with the
     * wrong extension. "A binary file ... replace it with the CSV export" did not say that the export is in there.
     */
    static String knownFormat(Path file) {
        byte[] head = head(file, 4);
        int n = head.length;
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "is gzip-compressed; decompress it (gunzip, or 7-Zip on Windows) and put the .csv inside in the folder";
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "is a ZIP archive or an Excel workbook (.xlsx), not CSV text; unzip it, or open it in Excel and save "
                    + "it as \"CSV UTF-8 (Comma delimited)\"";
        }
        if (n == 4 && (head[0] & 0xff) == 0xd0 && (head[1] & 0xff) == 0xcf && head[2] == 0x11
                && (head[3] & 0xff) == 0xe0) {
            return "is an Excel 97-2003 workbook (.xls), not CSV text; open it in Excel and save it as \"CSV UTF-8 "
                    + "(Comma delimited)\"";
        }
        return null;
    }

    /** A UTF-16 byte order mark, or ASCII text with a NUL beside every character (UTF-16 without the mark). */
    static boolean isUtf16(Path file) {
        byte[] head = head(file, 8);
        int n = head.length;
        if (n >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff)) {
            return true;
        }
        if (n < 8) {
            return false;
        }
        boolean littleEndian = true;
        boolean bigEndian = true;
        for (int i = 0; i < 8; i += 2) {
            littleEndian &= printable(head[i]) && head[i + 1] == 0;
            bigEndian &= head[i] == 0 && printable(head[i + 1]);
        }
        return littleEndian || bigEndian;
    }

    /** The file's first {@code max} bytes, fewer when it is shorter; none when it cannot be read. */
    private static byte[] head(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean printable(byte b) {
        return b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t';
    }

    /** The line and byte of the first NUL, or null when there is none. */
    static Position firstNul(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            LineCounter lines = new LineCounter();
            long offset = 0;
            int n;
            while ((n = in.read(chunk)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        return new Position(lines.line(), offset + i, true);
                    }
                    lines.count(chunk[i]);
                }
                offset += n;
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    static Position firstInvalid(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            ByteBuffer bytes = ByteBuffer.allocate(1 << 17);
            CharBuffer chars = CharBuffer.allocate(1 << 17);
            long consumedBefore = 0;
            LineCounter lines = new LineCounter();
            int n;
            while ((n = in.read(chunk)) >= 0) {
                bytes.put(chunk, 0, n);
                bytes.flip();
                int start = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, false);
                for (int i = start; i < bytes.position(); i++) {
                    lines.count(bytes.get(i));
                }
                if (result.isError()) {
                    return new Position(lines.line(), consumedBefore + bytes.position() - start, true);
                }
                consumedBefore += bytes.position() - start;
                chars.clear();
                bytes.compact();
            }
            return new Position(lines.line(), consumedBefore, false, bytes.position() > 0);
        } catch (IOException e) {
            return new Position(0, 0, false);
        }
    }
}
