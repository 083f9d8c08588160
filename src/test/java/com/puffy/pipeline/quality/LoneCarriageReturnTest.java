package com.puffy.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Line ends as the reader sees them: LF, CRLF and a lone CR each end a line (decision 0801), whichever piece of the
 * text a read hands over, so a CRLF split between two reads is one line end and not a lone CR.
 */
class LoneCarriageReturnTest {
    /** A reader that hands over one character a read: every CR of a CRLF ends a read. */
    private static Reader oneAtATime(String text) {
        StringReader whole = new StringReader(text);
        return new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return length == 0 ? 0 : whole.read(buffer, offset, 1);
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> records(Reader text, long[] loneCrs) throws IOException {
        List<String> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(text)) {
            while (reader.next()) {
                records.add(reader.line() + ":" + reader.kind() + ":" + String.join("|", reader.fields()));
            }
            loneCrs[0] = reader.loneCarriageReturns();
            loneCrs[1] = reader.firstLoneCarriageReturn();
        }
        return records;
    }

    @Test
    void eachLineEndIsOneLineWhateverTheReadsAndOnlyLoneCrsAreCounted() throws IOException {
        String text = "a,b\r\n1,2\r3,4\r\n5,6\r\r\n7,\"x\ry\"\n8,9\r";
        List<String> expected = List.of("1:RECORD:a|b", "2:RECORD:1|2", "3:RECORD:3|4", "4:RECORD:5|6",
                "6:RECORD:7|x\ny", "8:RECORD:8|9");
        long[] whole = new long[2];
        long[] pieces = new long[2];
        assertThat(records(new StringReader(text), whole)).containsExactlyElementsOf(expected);
        assertThat(records(oneAtATime(text), pieces)).containsExactlyElementsOf(expected);
        // Lines 2, 4 (before CRLF: a blank line 5 follows) and 6 (in the quotes); the CR that ends the file is
        // its last line end, like a missing final newline.
        assertThat(whole).containsExactly(3, 2);
        assertThat(pieces).containsExactly(3, 2);
    }

    @Test
    void crlfAndLfFilesHaveNoLoneCr() throws IOException {
        long[] counted = new long[2];
        assertThat(records(oneAtATime("a,b\r\n1,2\r\n3,4"), counted)).hasSize(3);
        assertThat(counted).containsExactly(0, 0);
        assertThat(records(oneAtATime("a,b\n1,2\n"), counted)).hasSize(2);
        assertThat(counted).containsExactly(0, 0);
    }
}
