package com.puffy.pipeline.ui.transform;

import com.puffy.pipeline.model.EmptyValue;
import com.puffy.pipeline.ui.UiError;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.core.UserFolders;
import com.puffy.pipeline.ui.table.CsvTable;
import com.puffy.pipeline.ui.table.KeyIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Finds one client's journey in the transform and quality outputs, off the FX thread, through an index of each file
 * by client (built by the first journey after the files change, then kept: decision 0735).
 */
public final class JourneyViewModel {
    private final UiThreads threads;
    private final StringProperty clientId = new SimpleStringProperty("");
    private final ObjectProperty<Journey> journey = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty(
            "Type a client id, or select a session, user or conversion in a dataset and press \"Open journey\" "
                    + "(or Ctrl+J).");
    private final ObjectProperty<UiError> error = new SimpleObjectProperty<>();
    private final AtomicLong generation = new AtomicLong();
    /** The size and modification time of each file the journey on screen was read from. */
    private List<String> readStamps = List.of();

    /** How many warm-ups of the indexes are under way: a journey opened meanwhile waits for them. */
    private final java.util.concurrent.atomic.AtomicInteger warmingUp = new java.util.concurrent.atomic.AtomicInteger();

    /** Where the indexes of the output files by client are kept between journeys and sessions of the app. */
    private final Path indexDir;

    public JourneyViewModel(UiThreads threads) {
        this(threads, UserFolders.dataDir().resolve("journey-index"));
    }

    public JourneyViewModel(UiThreads threads, Path indexDir) {
        this.threads = threads;
        this.indexDir = indexDir;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public ObjectProperty<Journey> journeyProperty() {
        return journey;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<UiError> errorProperty() {
        return error;
    }

    public void open(Path transformDir, Path qualityDir, String client) {
        // A pasted id brings the blanks the stages trimmed off (a no-break space from a web page): decision 0825.
        String id = client == null ? "" : EmptyValue.trim(client);
        clientId.set(id);
        if (id.isEmpty()) {
            message.set("Type a client id first.");
            return;
        }
        if (transformDir == null || !Files.isRegularFile(transformDir.resolve("sessions.csv"))) {
            message.set("Run the Transform stage first: journeys are built from its sessions.");
            journey.set(null);
            return;
        }
        long gen = generation.incrementAndGet();
        loading.set(true);
        // Right after a run the journey waits for the indexes being built (about 9 s at 5M events): "Looking for …"
        // alone read as a search of millions of rows that might never end.
        message.set(warmingUp.get() > 0 ? "Looking for " + id + ": the outputs of the last run are being indexed by "
                + "client first (once per run; seconds at millions of events)…"
                : "Looking for " + id + " in the sessions and events…");
        threads.background(() -> {
            try {
                // Taken before reading, so a file replaced while it is read makes the next reload read it again.
                List<String> stamps = stamps(transformDir, qualityDir);
                CsvTable user = read(transformDir.resolve("users.csv"), "client_id", Set.of(id));
                CsvTable sessions = read(transformDir.resolve("sessions.csv"), "client_id", Set.of(id));
                CsvTable conversions = read(transformDir.resolve("conversions.csv"), "client_id", Set.of(id));
                Set<String> orders = new HashSet<>();
                int key = conversions.column("order_key");
                for (String[] row : conversions.rows()) {
                    orders.add(row[key]);
                }
                CsvTable attribution = orders.isEmpty() ? empty()
                        : read(transformDir.resolve("attribution.csv"), "order_key", orders);
                CsvTable events = qualityDir == null ? empty()
                        : read(qualityDir.resolve("validated_events.csv"), "client_id", Set.of(id));
                Journey found = new Journey(id, user, sessions, events, conversions, attribution);
                threads.fx(() -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    loading.set(false);
                    if (sessions.size() == 0 && events.size() == 0) {
                        journey.set(null);
                        message.set("No sessions or valid events for client " + id + ": check the id (it is "
                                + "case-sensitive).");
                    } else {
                        readStamps = stamps;
                        journey.set(found);
                        message.set("");
                    }
                });
            } catch (Exception e) {
                threads.fx(() -> {
                    loading.set(false);
                    message.set("The journey could not be read.");
                    error.set(UiError.of("read the journey of " + id, e));
                });
            }
        });
    }

    /**
     * Builds, in the background, the indexes by client a journey reads that are missing or out of date, so the first
     * journey after a run opens at once too (at 5M events: about 9 s of one core, once per run; decision 0735). A
     * journey opened meanwhile waits for the index it needs rather than reading the file a second time.
     */
    public void prepareIndexes(Path transformDir, Path qualityDir) {
        if (transformDir == null || !Files.isRegularFile(transformDir.resolve("sessions.csv"))) {
            return;
        }
        warmingUp.incrementAndGet();
        threads.background(() -> {
            try {
                prepare(transformDir, qualityDir);
            } finally {
                warmingUp.decrementAndGet();
            }
        });
    }

    private void prepare(Path transformDir, Path qualityDir) {
        List<Path> files = new java.util.ArrayList<>();
        for (String name : List.of("users.csv", "sessions.csv", "conversions.csv")) {
            files.add(transformDir.resolve(name));
        }
        if (qualityDir != null) {
            files.add(qualityDir.resolve("validated_events.csv"));
        }
        try {
            KeyIndex.prepare(transformDir.resolve("attribution.csv"), "order_key", indexDir);
            for (Path file : files) {
                KeyIndex.prepare(file, "client_id", indexDir);
            }
        } catch (java.io.IOException | RuntimeException notIndexed) {
            // Nothing lost: a journey without its index builds it, or reads the files as before.
        }
    }

    /**
     * Reads the journey on screen again if a file it came from changed. The screens reload after every run, a
     * cancelled one too: at 5M events that scanned sessions.csv and validated_events.csv again (14 s, "Looking for
     * …" beside the journey) for files the run had left as they were.
     */
    public void reopenIfChanged(Path transformDir, Path qualityDir) {
        String id = clientId.get();
        if (journey.get() == null || id == null || id.isBlank()) {
            return;
        }
        if (!stamps(transformDir, qualityDir).equals(readStamps)) {
            open(transformDir, qualityDir, id);
        }
    }

    private static List<String> stamps(Path transformDir, Path qualityDir) {
        List<Path> files = new java.util.ArrayList<>();
        if (transformDir != null) {
            for (String name : List.of("users.csv", "sessions.csv", "conversions.csv", "attribution.csv")) {
                files.add(transformDir.resolve(name));
            }
        }
        if (qualityDir != null) {
            files.add(qualityDir.resolve("validated_events.csv"));
        }
        List<String> stamps = new java.util.ArrayList<>();
        for (Path file : files) {
            try {
                stamps.add(file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
            } catch (java.io.IOException missing) {
                stamps.add(file + " missing");
            }
        }
        return stamps;
    }

    private CsvTable read(Path file, String column, Set<String> values) throws java.io.IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return KeyIndex.rows(file, column, values, indexDir);
    }

    private static CsvTable empty() {
        return new CsvTable(List.of(), new java.util.ArrayList<>(), null);
    }
}
