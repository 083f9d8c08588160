package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A severity column's value filter lists its values worst first, as the alert chips and a sort do: the Alerts and
 * Incidents tables' Severity filters read "CRITICAL, INFO, WARNING", the least severe in the middle.
 */
class SeverityValuesOrderTest {
    @TempDir
    Path dir;

    @Test
    void severitiesAreListedWorstFirstOtherValuesAlphabetically() throws Exception {
        Path file = Files.writeString(dir.resolve("alerts.csv"), """
                date,severity,check
                2025-03-01,INFO,SCHEMA_DRIFT
                2025-03-02,WARNING,BOT_SHARE
                2025-03-03,CRITICAL,FRESHNESS
                2025-03-04,WARNING,VALUE_DRIFT
                """);
        for (TableData table : List.of(CsvTable.read(file), FileTable.open(file, List.of("severity", "check")))) {
            assertThat(table.values(1).distinct()).containsExactly("CRITICAL", "WARNING", "INFO");
            assertThat(table.values(2).distinct()).containsExactly("BOT_SHARE", "FRESHNESS", "SCHEMA_DRIFT",
                    "VALUE_DRIFT");
        }
    }
}
