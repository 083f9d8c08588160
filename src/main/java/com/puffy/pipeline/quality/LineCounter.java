package com.puffy.pipeline.quality;

/**
 * Numbers lines as {@link CsvRecordReader} does (decision 0801): LF, CRLF and a lone CR each end one line. A message
 * that names the line of a byte then names the line the file's rows were numbered by; counting LF alone named one
 * line too few after each lone CR (decision 0812).
 */
final class LineCounter {
    private long line = 1;
    private boolean afterCr;

    /** Takes the file's next byte (or character); all of them, in order. */
    void count(int c) {
        if (c == '\r') {
            line++;
            afterCr = true;
            return;
        }
        if (c == '\n' && !afterCr) {
            line++;
        }
        afterCr = false;
    }

    /** The line (1-based) of the next byte. */
    long line() {
        return line;
    }
}
