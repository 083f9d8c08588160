package com.puffy.pipeline.quality;

import java.io.BufferedInputStream;
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
    record Position(long line, long offset, boolean binary) {
    }

    private Utf8Check() {
    }

    static Position firstInvalid(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = ClassicMacLineEnds.normalize(new BufferedInputStream(Files.newInputStream(file), 1 << 17))) {
            byte[] chunk = new byte[1 << 16];
            ByteBuffer bytes = ByteBuffer.allocate(1 << 17);
            CharBuffer chars = CharBuffer.allocate(1 << 17);
            long consumedBefore = 0;
            long line = 1;
            boolean binary = false;
            boolean first = true;
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (first) {
                    for (int i = 0; i < Math.min(n, 8192); i++) {
                        if (chunk[i] == 0) {
                            binary = true;
                        }
                    }
                    first = false;
                }
                bytes.put(chunk, 0, n);
                bytes.flip();
                int start = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, false);
                for (int i = start; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return new Position(line, consumedBefore + bytes.position() - start, binary);
                }
                consumedBefore += bytes.position() - start;
                chars.clear();
                bytes.compact();
            }
            return new Position(line, consumedBefore, binary);
        } catch (IOException e) {
            return new Position(0, 0, false);
        }
    }
}
