package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index by client gives the rows a scan of the file gives, and never an answer for a file it no longer matches. */
class KeyIndexTest {
    /**
     * "Aa" and "BB" share String's hash, so they share an index key; c2 has a row twice; c3 is the last row, with no
     * line break after it; quoted cells hold commas, quotes and line breaks; '=c4 is a formula-protected id.
     */
    private static final String SESSIONS = "\uFEFFsession_id,client_id,channel,landing_page\n"
            + "s1,c1,Direct,/home\n"
            + "s2,Aa,\"Paid, Search\",\"/p?q=\"\"a\"\"\"\n"
            + "s3,c2,Email,\"/two\nlines\"\n"
            + "s4,BB,Direct,/b\r\n"
            + "s3,c2,Email,\"/two\nlines\"\n"
            + "s5,'=c4,Direct,/formula\n"
            + "s6,c1,Organic,/again\n"
            + "s7,c3,Direct,/last";
    private static final List<String> CLIENTS = List.of("c1", "Aa", "BB", "c2", "c3", "=c4", "nobody", "");

    @TempDir
    Path dir;

    @Test
    void theIndexGivesTheRowsTheScanGivesForEveryClient() throws Exception {
        Path file = Files.writeString(dir.resolve("sessions.csv"), SESSIONS);
        Path indexes = dir.resolve("indexes");
        assertThat(KeyIndex.hash("Aa")).isEqualTo(KeyIndex.hash("BB"));

        for (String client : CLIENTS) {
            assertSameRows(KeyIndex.rows(file, "client_id", Set.of(client), indexes),
                    CsvTable.read(file, "client_id", Set.of(client)));
            CsvTable throughIndex = KeyIndex.lookUpOrNull(KeyIndex.indexFile(indexes, file, "client_id"), file,
                    "client_id", Set.of(client));
            assertThat(throughIndex).as("answered by the index: %s", client).isNotNull();
            assertSameRows(throughIndex, CsvTable.read(file, "client_id", Set.of(client)));
        }
        assertSameRows(KeyIndex.rows(file, "client_id", Set.of("c3", "Aa", "c2"), indexes),
                CsvTable.read(file, "client_id", Set.of("c3", "Aa", "c2")));
        assertThat(KeyIndex.rows(file, "client_id", Set.of("c2"), indexes).size()).isEqualTo(2);
        assertThat(KeyIndex.rows(file, "client_id", Set.of("c3"), indexes).rows().get(0)).containsExactly(
                "s7", "c3", "Direct", "/last");
    }

    @Test
    void aRerunOrAnEditMakesTheIndexStaleAndItIsBuiltAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("sessions.csv"), SESSIONS);
        Path indexes = dir.resolve("indexes");
        Path index = KeyIndex.indexFile(indexes, file, "client_id");
        KeyIndex.rows(file, "client_id", Set.of("c1"), indexes);
        assertThat(KeyIndex.lookUpOrNull(index, file, "client_id", Set.of("c1"))).isNotNull();

        // An edit of the same length with the old modification time put back: c1's first row now belongs to c9.
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, SESSIONS.replace("s1,c1,", "s1,c9,"));
        Files.setLastModifiedTime(file, before);

        assertThat(KeyIndex.lookUpOrNull(index, file, "client_id", Set.of("c1"))).isNull();
        assertSameRows(KeyIndex.rows(file, "client_id", Set.of("c1"), indexes),
                CsvTable.read(file, "client_id", Set.of("c1")));
        assertThat(KeyIndex.rows(file, "client_id", Set.of("c9"), indexes).size()).isEqualTo(1);

        // A rerun writing more rows in front of the indexed ones.
        Files.writeString(file, SESSIONS.replace("s1,c1,Direct,/home\n", "s0,c0,Direct,/zero\ns1,c1,Direct,/home\n"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5000));
        assertThat(KeyIndex.lookUpOrNull(index, file, "client_id", Set.of("c3"))).isNull();
        for (String client : CLIENTS) {
            assertSameRows(KeyIndex.rows(file, "client_id", Set.of(client), indexes),
                    CsvTable.read(file, "client_id", Set.of(client)));
        }
    }

    @Test
    void aRowThatMovedUnderAnIndexOfTheSameStampIsNotTrusted() throws Exception {
        // Past the checksummed first and last 64 KB, an edit keeping size and time shows only in the rows read.
        StringBuilder big = new StringBuilder("session_id,client_id,channel\n");
        for (int i = 0; i < 20_000; i++) {
            big.append("s").append(i).append(",c").append(i % 1000).append(",Direct\n");
        }
        Path file = Files.writeString(dir.resolve("sessions.csv"), big);
        Path indexes = dir.resolve("indexes");
        Path index = KeyIndex.indexFile(indexes, file, "client_id");
        KeyIndex.rows(file, "client_id", Set.of("c5"), indexes);
        FileTime before = Files.getLastModifiedTime(file);
        String middle = "s10005,c5,Direct\ns10006,c6,Direct\n";
        assertThat(big.indexOf(middle)).isGreaterThan(70_000).isLessThan(big.length() - 70_000);
        Files.writeString(file, big.toString().replace(middle, "s10005,c6,Direct\ns10006,c5,Direct\n"));
        Files.setLastModifiedTime(file, before);

        assertThat(KeyIndex.lookUpOrNull(index, file, "client_id", Set.of("c5"))).isNull();
        assertSameRows(KeyIndex.rows(file, "client_id", Set.of("c5"), indexes),
                CsvTable.read(file, "client_id", Set.of("c5")));
    }

    @Test
    void aCorruptTruncatedOrMissingIndexFallsBackToTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("sessions.csv"), SESSIONS);
        Path indexes = dir.resolve("indexes");
        Path index = KeyIndex.indexFile(indexes, file, "client_id");
        KeyIndex.rows(file, "client_id", Set.of("c1"), indexes);
        byte[] good = Files.readAllBytes(index);

        // The sorted keys (8 rows, 8 bytes each) just before the trailer: still a well-formed index, wrong inside.
        byte[] scrambled = good.clone();
        for (int i = good.length - 20 - 64; i < good.length - 20; i++) {
            scrambled[i] = (byte) (i * 31);
        }
        // Each broken write lands a second after the check before it, as anything but a test does: the file system's
        // clock ticks every few milliseconds, and an in-place write within the tick of a check keeps the time the
        // check saw (this test failed so once under load, the scrambled keys answering "no rows").
        long writtenAt = Files.getLastModifiedTime(index).toMillis();
        for (byte[] broken : List.of(scrambled, java.util.Arrays.copyOf(good, good.length - 9), new byte[0],
                "not an index".getBytes())) {
            for (String client : CLIENTS) {
                Files.write(index, broken);
                writtenAt += 1000;
                Files.setLastModifiedTime(index, FileTime.fromMillis(writtenAt));
                assertSameRows(KeyIndex.rows(file, "client_id", Set.of(client), indexes),
                        CsvTable.read(file, "client_id", Set.of(client)));
            }
        }
        Files.delete(index);
        assertSameRows(KeyIndex.rows(file, "client_id", Set.of("c2"), indexes),
                CsvTable.read(file, "client_id", Set.of("c2")));
        assertThat(index).exists();

        // A place the index cannot be written: the file is scanned, as before there were indexes.
        Path notAFolder = Files.writeString(dir.resolve("blocked"), "x");
        assertSameRows(KeyIndex.rows(file, "client_id", Set.of("c2"), notAFolder),
                CsvTable.read(file, "client_id", Set.of("c2")));
    }

    @Test
    void oldIndexesGoFirstWhenTheFolderHoldsTooManyOrTooMuch() throws Exception {
        Path indexes = Files.createDirectories(dir.resolve("indexes"));
        List<Path> newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path index = Files.write(indexes.resolve("i" + i + ".idx"), new byte[100]);
            Files.setLastModifiedTime(index, FileTime.fromMillis(1_000_000L * (10 - i)));
            newestFirst.add(index);
        }
        Path other = Files.writeString(indexes.resolve("notes.txt"), "not an index");

        KeyIndex.pruneOldIndexes(indexes, newestFirst.get(0), 40, 250);
        assertThat(newestFirst.subList(0, 2)).allMatch(Files::exists);
        assertThat(newestFirst.subList(2, 5)).noneMatch(Files::exists);
        assertThat(other).exists();

        KeyIndex.pruneOldIndexes(indexes, newestFirst.get(0), 1, 1 << 20);
        assertThat(newestFirst.get(0)).exists();
        assertThat(newestFirst.get(1)).doesNotExist();

        // The index just built stays, however big: a lookup is about to read it.
        Path big = Files.write(indexes.resolve("big.idx"), new byte[500]);
        Files.setLastModifiedTime(big, FileTime.fromMillis(1L));
        KeyIndex.pruneOldIndexes(indexes, big, 40, 250);
        assertThat(big).exists();
    }

    @Test
    void aBuildThatWaitedForTheWarmUpDoesNotReadTheFileAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("sessions.csv"), SESSIONS);
        Path index = KeyIndex.indexFile(dir.resolve("indexes"), file, "client_id");
        assertThat(KeyIndex.build(file, "client_id", index)).isTrue();
        Files.setLastModifiedTime(index, FileTime.fromMillis(0));

        assertThat(KeyIndex.build(file, "client_id", index)).isTrue();
        KeyIndex.prepare(file, "client_id", dir.resolve("indexes"));

        assertThat(Files.getLastModifiedTime(index).toMillis()).isZero();
    }

    private static void assertSameRows(CsvTable actual, CsvTable expected) {
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.rows()).hasSameSizeAs(expected.rows());
        for (int i = 0; i < expected.rows().size(); i++) {
            assertThat(actual.rows().get(i)).containsExactly(expected.rows().get(i));
        }
    }
}
