package com.puffy.pipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputNamesTest {
    @Test
    void csvFilesInAnyCaseAreListed() {
        assertThat(InputNames.isListed("events_20250223.csv")).isTrue();
        assertThat(InputNames.isListed("EVENTS_20250223.CSV")).isTrue();
        assertThat(InputNames.compressedCsv("events_20250223.csv")).isNull();
    }

    @Test
    void aCompressedCsvIsListedWithTheNameItHolds() {
        assertThat(InputNames.compressedCsv("events_20250223.csv.gz")).isEqualTo("events_20250223.csv");
        assertThat(InputNames.compressedCsv("Events_20250223.CSV.ZIP")).isEqualTo("Events_20250223.CSV");
        assertThat(InputNames.compressionName("events_20250223.csv.bz2")).isEqualTo("bzip2");
        assertThat(InputNames.compressionName("events_20250223.csv.7Z")).isEqualTo("7-Zip");
        assertThat(InputNames.isListed("events_20250223.csv.xz")).isTrue();
    }

    @Test
    void otherArchivesAndTextAreNotListed() {
        assertThat(InputNames.isListed("events_2025.zip")).isFalse();
        assertThat(InputNames.isListed("notes.txt.gz")).isFalse();
        assertThat(InputNames.isListed("events_20250223.csv.bak")).isFalse();
        assertThat(InputNames.isListed("gz")).isFalse();
        assertThat(InputNames.compressionName("events_2025.zip")).isNull();
    }
}
