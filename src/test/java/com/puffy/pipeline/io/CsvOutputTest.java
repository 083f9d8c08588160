package com.puffy.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvOutputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=SUM(A1)|'=SUM(A1)",
            "+cmd|'+cmd",
            "-cmd|'-cmd",
            "@x|'@x",
            "-12.5|-12.5",
            "plain|plain",
            "1e5|1e5"})
    void textCellsThatLookLikeFormulasArePrefixed(String cell, String written) {
        assertThat(CsvOutput.formulaSafe(cell)).isEqualTo(written);
        assertThat(CsvInput.unprotect(CsvOutput.formulaSafe(cell))).isEqualTo(cell);
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(CsvOutput.render(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(CsvOutput.render(800.0)).isEqualTo("800");
        assertThat(CsvOutput.render(-3)).isEqualTo("-3");
        assertThat(CsvOutput.render(null)).isEmpty();
        assertThat(CsvOutput.render(Double.NaN)).isEmpty();
    }

    @Test
    void quotesFieldsThatNeedItAndEndsLinesWithLf() throws Exception {
        StringWriter text = new StringWriter();
        try (CsvOutput csv = new CsvOutput(text, List.of("a", "b"))) {
            csv.row("x,y", "say \"hi\"");
        }
        assertThat(text.toString()).isEqualTo("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
    }

    @Test
    void atomicWriteLeavesNoTempFileAndReplacesTheOldOne() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(dir.resolve("out.csv.tmp")).doesNotExist();
    }

    @Test
    void aFailedAtomicWriteKeepsTheOldFile() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        try {
            AtomicFiles.write(target, writer -> {
                writer.write("half");
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(dir.resolve("out.csv.tmp")).doesNotExist();
    }
}
