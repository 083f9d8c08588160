package com.puffy.pipeline.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A generated folder as the tests read it: physical lines per file, and faults.json. */
final class Generated {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final JsonNode faults;

    private Generated(Path dir) throws IOException {
        this.dir = dir;
        this.faults = JSON.readTree(dir.resolve("faults.json").toFile());
    }

    static Generated make(Path dir, int days, int eventsPerDay, long seed, Set<FaultKind> faults) {
        return make(dir, days, eventsPerDay, seed, faults, LocalDate.of(2025, 2, 23));
    }

    static Generated make(Path dir, int days, int eventsPerDay, long seed, Set<FaultKind> faults, LocalDate start) {
        GenerateSettings settings = new GenerateSettings(dir, days, eventsPerDay, start, seed,
                faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults));
        EventGenerator.generate(settings, Progress.NONE, Cancellation.none());
        try {
            return new Generated(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("events_")).sorted().toList();
        }
    }

    /** The file's physical lines without line ends (a BOM dropped); index 0 is line 1. */
    List<String> lines(String file) throws IOException {
        String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    String line(String file, int line) throws IOException {
        return lines(file).get(line - 1);
    }

    /** One physical line parsed as a CSV record against the file's header, as a map column → value. */
    Map<String, String> row(String file, int line) throws IOException {
        List<String> lines = lines(file);
        List<String> header = parse(lines.get(0));
        List<String> values = parse(lines.get(line - 1));
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        return row;
    }

    static List<String> parse(String line) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
    }

    /** Every fault entry of one kind. */
    List<JsonNode> faultsOf(FaultKind kind) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode n : faults.get("faults")) {
            if (n.get("kind").asText().equals(kind.id())) {
                list.add(n);
            }
        }
        return list;
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asInt()));
        return list;
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.isNull() ? null : n.asText()));
        return list;
    }
}
