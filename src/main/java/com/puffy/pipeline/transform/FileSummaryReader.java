package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Rows read and rows without client id per partition day, from quality/file_summary.csv (one row per file). */
final class FileSummaryReader {
    static final String FILE = "file_summary.csv";

    private FileSummaryReader() {
    }

    static void read(Path qualityDir, IntFunction<DayStats> day) throws IOException {
        Path file = qualityDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file
                    + " is missing: run the quality stage first (`eventpipe validate`).");
        }
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : new String[] {"partition_date", "rows_read", "rows_missing_client_id"}) {
                if (header == null || !header.containsKey(column)) {
                    throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file
                            + " has no column '" + column + "': run the quality stage again with this version "
                            + "(`eventpipe validate`).");
                }
            }
            boolean hasEventFlag = header.containsKey("is_event_file");
            for (CSVRecord record : parser) {
                String date = record.get("partition_date").trim();
                if (date.isEmpty() || (hasEventFlag && !"true".equals(record.get("is_event_file").trim()))) {
                    continue;
                }
                byte[] bytes = date.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                int epochDay = Times.parseDate(bytes, 0, bytes.length);
                if (epochDay == Integer.MIN_VALUE) {
                    throw bad(file, record, "partition_date '" + date + "'");
                }
                DayStats stats = day.apply(epochDay);
                stats.rowsRead += count(file, record, "rows_read");
                stats.rowsMissingClientId += count(file, record, "rows_missing_client_id");
            }
        }
    }

    private static long count(Path file, CSVRecord record, String column) {
        String text = record.get(column).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(file, record, column + " '" + text + "'");
        }
    }

    private static PipelineException bad(Path file, CSVRecord record, String what) {
        return new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file + " line "
                + (record.getRecordNumber() + 1) + " has an unreadable " + what
                + ": run the quality stage again (`eventpipe validate`).");
    }
}
