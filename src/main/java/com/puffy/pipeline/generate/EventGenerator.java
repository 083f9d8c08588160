package com.puffy.pipeline.generate;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.io.CsvOutput;
import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.ReasonCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code eventpipe generate}: a folder of daily event files that look like DATA.md, with the faults of
 * {@link FaultKind} planted at known places and listed in {@code faults.json}. Deterministic for a seed (no wall
 * clock, no hash-order iteration, fixed locale) and streaming: one day is simulated in compact form, written, and
 * dropped before the next (docs/decisions/0100-generator.md).
 */
public final class EventGenerator {
    static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    static final String PRODUCTS_FILE = "products.csv";

    private static final List<String> CANONICAL = Arrays.stream(CanonicalColumn.values())
            .map(CanonicalColumn::columnName).toList();

    private final GenerateSettings settings;
    private final Layout layout;
    private final Simulator simulator;
    private final RowRenderer renderer = new RowRenderer();
    private final FaultLedger ledger = new FaultLedger();
    private final DayEvents day = new DayEvents();
    private long rowsWritten;
    private long bytesWritten;
    private final List<Path> filesWritten = new ArrayList<>();
    /**
     * The first null-prices day with a readable purchase: the item_price drift shows there, not on a first null-prices
     * day without orders (small days often have none).
     */
    private int firstNullPricesDay = -1;
    /** Rows whose referrer the sticky_referrer fault replaced, per day (0 on other days). */
    private final long[] stickyRowsByDay;
    private long stickyRows;

    private EventGenerator(GenerateSettings settings) {
        this.settings = settings;
        this.layout = new Layout(settings.days(), settings.faults());
        this.simulator = new Simulator(settings.seed(), settings.startDate(), settings.eventsPerDay());
        this.stickyRowsByDay = new long[settings.days()];
    }

    /** What a generation produced. */
    public record Result(Path folder, List<Path> files, long rows, long bytes, Path faultsFile) {
    }

    public static Result generate(GenerateSettings settings, Progress progress, Cancellation cancellation) {
        checkResources(settings, Runtime.getRuntime().maxMemory(), usableSpace(settings.outDir()));
        prepareFolder(settings.outDir());
        try {
            Files.writeString(settings.outDir().resolve(IN_PROGRESS), "");
            Result result = new EventGenerator(settings).run(progress, cancellation);
            Files.deleteIfExists(settings.outDir().resolve(IN_PROGRESS));
            return result;
        } catch (OutOfMemoryError e) {
            // The estimate of checkResources is deliberately generous; a heap just too small still ends in a sentence.
            throw PipelineException.usage("Java ran out of memory simulating a day of " + settings.eventsPerDay()
                    + " events: give a smaller --events-per-day, or start Java with a larger -Xmx.");
        } catch (IOException e) {
            // Nothing was read: a full disk or a refused write is the --out folder's problem, exit 2 like the checks
            // before writing, not 3 ("unreadable input").
            throw new PipelineException(ExitCode.USAGE, "Cannot write the generated files into "
                    + settings.outDir() + " (" + reason(e) + "): check the free space and permissions, or pass "
                    + "another --out; the same command run again starts the folder afresh.", e);
        }
    }

    /**
     * Marks a folder being generated. A generation killed or failed before faults.json left day files without it, and
     * the same command then refused the folder as "not empty": the user had to delete it by hand.
     */
    static final String IN_PROGRESS = ".eventpipe-generating";
    /** A day file is written under this suffix and renamed when complete: a killed run leaves no short day behind. */
    static final String PART = ".part";

    /**
     * Refuses, before anything is written, what cannot finish: a day too large for the heap (a day is simulated in
     * memory, docs/generator.md) or a folder larger than the free disk. Asking for two billion events a day ended in
     * an OutOfMemoryError's stack trace; a folder larger than the disk would have ended half-written.
     */
    static void checkResources(GenerateSettings settings, long maxHeapBytes, long usableDiskBytes) {
        long heap = HEAP_BASE_BYTES + settings.eventsPerDay() * HEAP_BYTES_PER_EVENT;
        if (heap > maxHeapBytes) {
            throw PipelineException.usage(String.format(Locale.ROOT, "--events-per-day %d needs about %s of memory "
                    + "for one day, more than the %s Java may use: give a smaller --events-per-day, or start Java with a "
                    + "larger -Xmx.", settings.eventsPerDay(), size(heap), size(maxHeapBytes)));
        }
        long disk = settings.totalCleanEvents() * DISK_BYTES_PER_ROW;
        if (usableDiskBytes >= 0 && disk > usableDiskBytes) {
            throw PipelineException.usage(String.format(Locale.ROOT, "--days %d with --events-per-day %d would write "
                    + "about %s into %s, but only %s is free there: ask for fewer days or events, or pass another --out.",
                    settings.days(), settings.eventsPerDay(), size(disk), settings.outDir(), size(usableDiskBytes)));
        }
    }

    /** Peak heap per event of a simulated day (measured: 400,000 events a day fit in 64 MiB, not in 48 MiB). */
    static final long HEAP_BYTES_PER_EVENT = 128;
    static final long HEAP_BASE_BYTES = 16L << 20;
    /** Average size of a written row (about 280 bytes; purchases and fault rows are longer). */
    static final long DISK_BYTES_PER_ROW = 300;

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : (bytes + 1023 >> 10) + " KiB";
    }

    /** Free space where {@code dir} is or would be created; -1 when it cannot be told (the write then decides). */
    private static long usableSpace(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The output folder must be new, empty, or an earlier generated folder (it has a faults.json): then the earlier
     * files are removed first, so that the same arguments always give the same folder.
     */
    static void prepareFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw PipelineException.usage("--out " + dir + " is a file, not a folder: pass --out with a new or empty "
                    + "folder.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PipelineException(ExitCode.USAGE, "--out " + dir + " cannot be created (" + reason(e)
                    + "): pass --out with a folder you may write to.", e);
        }
        if (!Files.isWritable(dir)) {
            throw PipelineException.usage("--out " + dir + " is not writable: pass --out with a folder you may write "
                    + "to.");
        }
        boolean generatedBefore = Files.isRegularFile(dir.resolve(FaultLedger.FILE_NAME))
                || Files.isRegularFile(dir.resolve(IN_PROGRESS));
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean ours = Files.isRegularFile(entry) && (name.equals(FaultLedger.FILE_NAME)
                        || name.equals(PRODUCTS_FILE) || name.equals(IN_PROGRESS)
                        || name.equals(FaultLedger.FILE_NAME + ".tmp")
                        || (name.startsWith("events_") && (name.endsWith(".csv") || name.endsWith(".csv" + PART))));
                if (!generatedBefore || !ours) {
                    throw PipelineException.usage("--out " + dir + " is not empty (it holds " + name
                            + "): pass --out with a new or empty folder, or one generated before.");
                }
                stale.add(entry);
            }
            for (Path entry : stale) {
                Files.delete(entry);
            }
        } catch (IOException e) {
            throw new PipelineException(ExitCode.USAGE, "--out " + dir + " cannot be read or cleared (" + reason(e)
                    + "): pass --out with a folder you may write to.", e);
        }
    }

    /**
     * Why the file system refused, in words: an IOException's message is often just the path again
     * ({@code /proc/x}), which told the user nothing.
     */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "the file system refused";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private Result run(Progress progress, Cancellation cancellation) throws IOException {
        Path dir = settings.outDir();
        for (int d = 0; d < settings.days(); d++) {
            cancellation.throwIfCancelled();
            try {
                writeDay(d, cancellation);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(dir.resolve(fileName(d) + PART));
                throw e;
            }
            for (Layout.ExtraFile extra : layout.extraFilesOn(d)) {
                writeExtraFile(d, extra);
            }
            progress.update(d + 1, settings.days(), fileName(d));
        }
        if (settings.faults().contains(FaultKind.NON_EVENT_CSV)) {
            writeProducts();
        }
        recordDrift();
        ledger.write(dir, settings);
        return new Result(dir, List.copyOf(filesWritten), rowsWritten, bytesWritten, dir.resolve(FaultLedger.FILE_NAME));
    }

    private LocalDate date(int d) {
        return settings.startDate().plusDays(d);
    }

    String fileName(int d) {
        return "events_" + date(d).format(COMPACT_DATE) + ".csv";
    }

    // ---- one day -------------------------------------------------------------------------------------------

    /** What to do to one event when its row is written. */
    enum Action {
        DUPLICATE, WISHLIST, PURCHASE_CASE, ZERO_REVENUE, COLLISION_FIRST, COLLISION_SECOND, MALFORMED_POPUP,
        MALFORMED_PURCHASE, TS_EMPTY, TS_DAY_FIRST, TS_HOUR_25, BROKEN_QUOTE, REPLAY_SOURCE, TOO_MANY_FIELDS,
        TOO_FEW_FIELDS, NEGATIVE_REVENUE, TEXT_REVENUE
    }

    private void writeDay(int d, Cancellation cancellation) throws IOException {
        Layout.Day plan = layout.day(d);
        int burst = plan.botBurst ? Math.max(20, settings.eventsPerDay() / 10) : 0;
        simulator.simulate(d, new Simulator.DayShape(settings.eventsPerDay(), plan.nullClientShare, burst,
                plan.lateEvents), day);
        long daySeed = Simulator.mix(settings.seed(), 50_000 + d);
        SplittableRandom planRandom = new SplittableRandom(Simulator.mix(daySeed, 0xFA017));
        Map<Integer, Integer> replayOf = new HashMap<>();
        if (plan.purchaseReplay) {
            int original = pickReplayOriginal(planRandom);
            long at = day.millis[original] + 30 * 60_000L + planRandom.nextInt(90 * 60_000);
            int replay = day.addEvent(day.session[original], Math.min(at, DayEvents.DAY_MS - 1), DayEvents.REPLAY,
                    Catalog.THANK_YOU_PAGE, Catalog.CHECKOUT_PAGE);
            replayOf.put(replay, original);
        }
        int[] moved = day.sortIntoFileOrder();
        Map<Integer, Integer> replays = new HashMap<>();
        replayOf.forEach((replay, original) -> replays.put(moved[replay], moved[original]));
        replayOf = replays;
        int[] order = new int[day.events];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Map<Integer, Action> planned = planActions(plan, order, planRandom, replayOf);
        Action[] actions = new Action[day.events];
        planned.forEach((event, action) -> actions[event] = action);

        String name = fileName(d);
        boolean crlf = plan.bomCrlf;
        String separator = crlf ? "\r\n" : "\n";
        List<String> header = header(plan);
        ledger.startFile(name, date(d).toString(), "events", header, crlf ? "CRLF" : "LF", plan.bomCrlf);
        Path file = settings.outDir().resolve(name);
        Path part = settings.outDir().resolve(name + PART);
        CSVFormat format = CsvOutput.FORMAT.builder().setRecordSeparator(separator).get();
        String datePrefix = date(d) + "T";
        String dayBeforePrefix = date(d).minusDays(1) + "T";
        String compactDate = date(d).format(COMPACT_DATE);
        SplittableRandom orderNumbers = new SplittableRandom(Simulator.mix(daySeed, 0x0D0));
        int orderNumber = 100 + orderNumbers.nextInt(150);
        Map<Integer, String[]> replaySources = new HashMap<>();
        String collisionId = null;
        long records = 0;
        int line = 1;
        // Each record is printed into a reused StringBuilder and written in one call: Commons CSV appends field by
        // field, and many small writes into a synchronized Writer cost more than the rest of the row.
        StringBuilder record = new StringBuilder(1024);
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(part),
                StandardCharsets.UTF_8), 1 << 18);
             RecordPrinter printer = new RecordPrinter(record, format)) {
            if (plan.bomCrlf) {
                writer.write('\uFEFF');
            }
            printer.printRecord(header);
            flush(record, writer);
            String[] f = new String[7];
            // The line after a broken quote must stay as it was chosen (docs/generator.md).
            boolean afterBrokenQuote = false;
            for (int pos = 0; pos < order.length; pos++) {
                if ((pos & 4095) == 0) {
                    cancellation.throwIfCancelled();
                }
                int e = order[pos];
                int s = day.session[e];
                byte kind = day.kind[s];
                byte type = day.type[e];
                Action action = actions[e];
                int planted = 0;
                line++;
                records++;

                // The row as the export would have it.
                long millis = day.millis[e];
                f[0] = kind == DayEvents.ANONYMOUS ? "" : renderer.clientId(day.userSeed[s], day.created[s], day.uuid[s]);
                long eventSeed = Simulator.mix(daySeed, e);
                if (day.refPage[e] == DayEvents.LANDING_REFERRER) {
                    RowRenderer.Landing landing = renderer.landing(day.page[e], Channel.of(day.channel[s]),
                            day.sessionSeed[s]);
                    f[1] = landing.url();
                    f[2] = landing.referrer();
                } else {
                    f[1] = renderer.pageUrl(day.page[e], day.sessionSeed[s], eventSeed);
                    f[2] = day.refPage[e] == DayEvents.NO_REFERRER ? ""
                            : renderer.plainPageUrl(day.refPage[e], day.sessionSeed[s]);
                    // Rows another fault wrote or copies (a replay repeats its source row) are left as planned.
                    if (plan.stickyReferrer && kind == DayEvents.HUMAN && day.refPage[e] >= 0 && action == null
                            && type != DayEvents.REPLAY && !afterBrokenQuote) {
                        String sticky = landingReferrer(s);
                        if (!sticky.isEmpty()) {
                            f[2] = sticky;
                            planted |= plant(FaultKind.STICKY_REFERRER, line, sticky);
                            stickyRows++;
                        }
                    }
                }
                f[3] = renderer.timestamp(millis < 0 ? dayBeforePrefix : datePrefix,
                        millis < 0 ? millis + DayEvents.DAY_MS : millis);
                f[4] = eventName(type);
                f[5] = "";
                f[6] = agent(kind, day.agent[s]);

                if (kind == DayEvents.ANONYMOUS) {
                    ledger.currentFile().missingClientId++;
                    planted |= plant(FaultKind.CLIENT_ID_NULL_SPIKE, line, null);
                } else if (kind == DayEvents.BURST) {
                    planted |= plant(FaultKind.BOT_BURST, line, null);
                } else if (kind == DayEvents.LATE) {
                    planted |= plant(FaultKind.OUT_OF_PARTITION, line, f[3]);
                }

                if (type == DayEvents.POPUP) {
                    f[5] = action == Action.MALFORMED_POPUP ? renderer.malformedPopup(day.userSeed[s])
                            : renderer.popup(day.userSeed[s]);
                } else if (type == DayEvents.PURCHASE) {
                    String id = "ORD-" + compactDate + "-" + String.format(Locale.ROOT, "%03d", orderNumber);
                    orderNumber += 1 + orderNumbers.nextInt(3);
                    if (action == Action.COLLISION_FIRST) {
                        collisionId = id;
                    } else if (action == Action.COLLISION_SECOND) {
                        id = collisionId;
                    }
                    RowRenderer.Payload mode = switch (action == null ? Action.DUPLICATE : action) {
                        case ZERO_REVENUE -> RowRenderer.Payload.ZERO_REVENUE;
                        case NEGATIVE_REVENUE -> RowRenderer.Payload.NEGATIVE_REVENUE;
                        case TEXT_REVENUE -> RowRenderer.Payload.TEXT_REVENUE;
                        case MALFORMED_PURCHASE -> RowRenderer.Payload.TRAILING_COMMA;
                        default -> RowRenderer.Payload.NORMAL;
                    };
                    f[5] = renderer.purchase(id, day.userSeed[s], eventSeed, mode, plan.nullItemPrices).json();
                    if (plan.nullItemPrices && action != Action.PURCHASE_CASE) {
                        planted |= plant(FaultKind.NULL_ITEM_PRICES, line, id);
                        if (firstNullPricesDay < 0 && action != Action.MALFORMED_PURCHASE) {
                            firstNullPricesDay = d;
                        }
                    }
                } else if (type == DayEvents.REPLAY) {
                    String[] source = replaySources.get(replayOf.get(e));
                    String ts = f[3];
                    System.arraycopy(source, 0, f, 0, 7);
                    f[3] = ts;
                    planted |= plant(FaultKind.PURCHASE_REPLAY, line, transactionId(f[5]));
                }

                boolean raw = false;
                if (action != null) {
                    switch (action) {
                        case DUPLICATE -> { }
                        case WISHLIST -> {
                            f[4] = "add_to_wishlist";
                            planted |= plant(FaultKind.UNKNOWN_EVENT, line, f[4]);
                        }
                        case PURCHASE_CASE -> {
                            f[4] = "Purchase";
                            planted |= plant(FaultKind.UNKNOWN_EVENT, line, f[4]);
                        }
                        case ZERO_REVENUE -> planted |= plant(FaultKind.ZERO_REVENUE, line, transactionId(f[5]));
                        case COLLISION_FIRST, COLLISION_SECOND ->
                                planted |= plant(FaultKind.TRANSACTION_ID_COLLISION, line, transactionId(f[5]));
                        case MALFORMED_POPUP -> planted |= plant(FaultKind.MALFORMED_JSON, line, f[5],
                                List.of(ReasonCode.INVALID_EVENT_DATA));
                        case MALFORMED_PURCHASE -> planted |= plant(FaultKind.MALFORMED_JSON, line, f[5],
                                List.of(ReasonCode.INVALID_EVENT_DATA, ReasonCode.PURCHASE_MISSING_TRANSACTION_ID,
                                        ReasonCode.PURCHASE_INVALID_REVENUE));
                        case TS_EMPTY -> {
                            f[3] = "";
                            planted |= plant(FaultKind.BAD_TIMESTAMP, line, f[3]);
                        }
                        case TS_DAY_FIRST -> {
                            f[3] = dayFirst(date(d), millis);
                            planted |= plant(FaultKind.BAD_TIMESTAMP, line, f[3]);
                        }
                        case TS_HOUR_25 -> {
                            f[3] = datePrefix + "25" + f[3].substring(13);
                            planted |= plant(FaultKind.BAD_TIMESTAMP, line, f[3]);
                        }
                        case NEGATIVE_REVENUE, TEXT_REVENUE ->
                                planted |= plant(FaultKind.BAD_REVENUE, line, transactionId(f[5]));
                        case BROKEN_QUOTE -> {
                            planted |= plant(FaultKind.BROKEN_QUOTING, line, null);
                            raw = true;
                            writeRaw(writer, f, plan.dropReferrer, true, separator);
                        }
                        case TOO_MANY_FIELDS -> {
                            planted |= plant(FaultKind.COLUMN_COUNT, line, "too many");
                            raw = true;
                            writeRaw(writer, f, plan.dropReferrer, false, separator);
                        }
                        case TOO_FEW_FIELDS -> {
                            planted |= plant(FaultKind.COLUMN_COUNT, line, "too few");
                            raw = true;
                            List<String> values = values(f, plan.dropReferrer);
                            values.remove(values.size() - 2);
                            printer.printRecord(values);
                            flush(record, writer);
                        }
                        case REPLAY_SOURCE -> replaySources.put(e, f.clone());
                        default -> throw new IllegalStateException("Unplanned action " + action);
                    }
                }
                if (!raw) {
                    print(printer, f, plan.dropReferrer);
                    flush(record, writer);
                }
                ledger.resolvedRow(line, planted);
                afterBrokenQuote = action == Action.BROKEN_QUOTE;
                if (action == Action.DUPLICATE) {
                    line++;
                    records++;
                    print(printer, f, plan.dropReferrer);
                    flush(record, writer);
                    int dup = plant(FaultKind.DUPLICATE_ROW, line, "copy of line " + (line - 1));
                    ledger.resolvedRow(line, dup);
                }
            }
        }
        stickyRowsByDay[d] = stickyRows;
        stickyRows = 0;
        ledger.currentFile().records = records;
        if (plan.noTrailingNewline) {
            try (RandomAccessFile raf = new RandomAccessFile(part.toFile(), "rw")) {
                raf.setLength(raf.length() - separator.length());
            }
            ledger.currentFile().trailingNewline = false;
        }
        if (plan.bomCrlf) {
            ledger.fileFault(FaultKind.BOM_CRLF, name, List.of(), "UTF-8 BOM and CRLF line ends; must read cleanly");
        }
        if (plan.noTrailingNewline) {
            ledger.fileFault(FaultKind.NO_TRAILING_NEWLINE, name, List.of(),
                    "the last record has no line end; must read cleanly");
        }
        if (planned.containsValue(Action.BROKEN_QUOTE)) {
            ledger.fileFault(FaultKind.BROKEN_QUOTING, name, List.of(ReasonCode.MALFORMED_CSV_FILE),
                    "file-level MALFORMED_CSV warning; the rows before and after are read");
        }
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        finishFile(file, records);
    }

    /**
     * The external referrer of the visit's landing, or "" when it had none or came from the shop itself: the landing
     * referrer depends only on the visit's channel and seed (RowRenderer.landing), so it is rendered again rather
     * than kept per visit, and no random stream is drawn from (other faults stay where they were for a seed).
     */
    private String landingReferrer(int s) {
        // Any shop page will do: the referrer does not depend on it (this event's own page may be the checkout).
        String referrer = renderer.landing(Catalog.HOME, Channel.of(day.channel[s]), day.sessionSeed[s]).referrer();
        return referrer.startsWith(Catalog.SHOP) ? "" : referrer;
    }

    private void finishFile(Path file, long records) throws IOException {
        filesWritten.add(file);
        rowsWritten += records;
        bytesWritten += Files.size(file);
    }

    private int plant(FaultKind kind, int line, String value) {
        return plant(kind, line, value, kind.codes());
    }

    private int plant(FaultKind kind, int line, String value, List<ReasonCode> codes) {
        ledger.row(kind, line, codes, value);
        return FaultLedger.mask(codes);
    }

    private static String transactionId(String eventData) {
        int i = eventData.indexOf("\"transaction_id\":\"");
        if (i < 0) {
            return null;
        }
        int from = i + 18;
        return eventData.substring(from, eventData.indexOf('"', from));
    }

    private static String dayFirst(LocalDate date, long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%02d/%02d/%04d %02d:%02d:%02d", date.getDayOfMonth(), date.getMonthValue(),
                date.getYear(), seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /**
     * Prints records into the row buffer through {@link CSVFormat#printRecord}: the same quoting as a
     * {@link CSVPrinter}, without its per-field lock.
     */
    private record RecordPrinter(StringBuilder out, CSVFormat format) implements AutoCloseable {
        void printRecord(Object... values) throws IOException {
            format.printRecord(out, values);
        }

        void printRecord(List<String> values) throws IOException {
            format.printRecord(out, values.toArray());
        }

        @Override
        public void close() {
        }
    }

    private static void print(RecordPrinter printer, String[] f, boolean dropReferrer) throws IOException {
        if (dropReferrer) {
            printer.printRecord(values(f, true));
        } else {
            printer.printRecord((Object[]) f);
        }
    }

    private static void flush(StringBuilder record, Writer writer) throws IOException {
        writer.append(record);
        record.setLength(0);
    }

    private static List<String> values(String[] f, boolean dropReferrer) {
        List<String> values = new ArrayList<>(8);
        for (int i = 0; i < 7; i++) {
            if (!(dropReferrer && i == 2)) {
                values.add(f[i]);
            }
        }
        return values;
    }

    /**
     * A record written by hand: either its user agent opens a quote that never closes (broken quoting), or the user
     * agent's comma is left unquoted so the record has one field too many. The other fields never need quotes
     * (the planner chose a page view without payload), which is checked here.
     */
    private static void writeRaw(Writer writer, String[] f, boolean dropReferrer, boolean openQuote, String separator)
            throws IOException {
        List<String> values = values(f, dropReferrer);
        StringBuilder sb = new StringBuilder(400);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            boolean last = i == values.size() - 1;
            if (!last && (v.indexOf(',') >= 0 || v.indexOf('"') >= 0)) {
                throw new IllegalStateException("A hand-written record needs plain fields, got " + v);
            }
            if (i > 0) {
                sb.append(',');
            }
            if (last && openQuote) {
                sb.append('"');
            }
            sb.append(v);
        }
        sb.append(separator);
        writer.write(sb.toString());
    }

    private static String eventName(byte type) {
        return switch (type) {
            case DayEvents.PAGE_VIEW -> "page_viewed";
            case DayEvents.ADD_TO_CART -> "product_added_to_cart";
            case DayEvents.CHECKOUT -> "checkout_started";
            case DayEvents.POPUP -> "email_filled_on_popup";
            default -> "checkout_completed";
        };
    }

    private static String agent(byte kind, byte index) {
        return switch (kind) {
            case DayEvents.BOT -> Catalog.BOT_AGENTS.get(index).text();
            case DayEvents.BURST -> Catalog.HEADLESS_AGENT;
            default -> Catalog.HUMAN_AGENTS.get(index).text();
        };
    }

    private List<String> header(Layout.Day plan) {
        List<String> header = new ArrayList<>(CANONICAL);
        if (plan.renamed) {
            header.set(0, "clientId");
        }
        if (plan.dropReferrer) {
            header.remove(2);
        }
        return header;
    }

    // ---- planning faults inside one day --------------------------------------------------------------------

    /** An event of an ordinary human visitor with a standard client id, not yet used by another fault. */
    private boolean ordinary(int e, boolean[] used) {
        int s = day.session[e];
        return !used[e] && day.kind[s] == DayEvents.HUMAN && !day.uuid[s];
    }

    private int pickReplayOriginal(SplittableRandom r) {
        java.util.function.IntPredicate early = e -> day.kind[day.session[e]] == DayEvents.HUMAN
                && !day.uuid[day.session[e]] && day.millis[e] < DayEvents.DAY_MS - 3 * 3_600_000L;
        int e = scan(0, day.events, r, x -> day.type[x] == DayEvents.PURCHASE && early.test(x));
        if (e >= 0) {
            return e;
        }
        e = scan(0, day.events, r, x -> day.type[x] == DayEvents.PAGE_VIEW && early.test(x));
        retype(e, DayEvents.PURCHASE);
        return e;
    }

    /**
     * A matching event in {@code [lo, hi)}: the first one from a random start, wrapping around; -1 if none. One pass
     * and no candidate list, so picking stays cheap on days of millions of events.
     */
    private static int scan(int lo, int hi, SplittableRandom r, java.util.function.IntPredicate test) {
        if (hi <= lo) {
            return -1;
        }
        int start = lo + r.nextInt(hi - lo);
        for (int i = 0; i < hi - lo; i++) {
            int e = start + i < hi ? start + i : start + i - (hi - lo);
            if (test.test(e)) {
                return e;
            }
        }
        return -1;
    }

    private void retype(int e, byte type) {
        day.type[e] = type;
        if (type == DayEvents.PURCHASE) {
            day.page[e] = (byte) Catalog.THANK_YOU_PAGE;
            day.refPage[e] = (byte) Catalog.CHECKOUT_PAGE;
        }
    }

    /**
     * Picks an ordinary event of {@code type} at a random place of the file (between {@code from} and {@code to},
     * as fractions of the file); when the day has none, an ordinary page view is turned into one.
     */
    private int pick(int[] order, boolean[] used, SplittableRandom r, byte type, double from, double to,
                     java.util.function.IntPredicate extra) {
        int lo = Math.min(order.length - 1, (int) (order.length * from));
        int hi = Math.min(order.length, Math.max(lo + 1, (int) (order.length * to)));
        int pos = scan(lo, hi, r, p -> day.type[order[p]] == type && ordinary(order[p], used) && extra.test(order[p]));
        if (pos < 0 && type != DayEvents.PAGE_VIEW) {
            pos = scan(lo, hi, r, p -> day.type[order[p]] == DayEvents.PAGE_VIEW
                    && day.refPage[order[p]] != DayEvents.LANDING_REFERRER && ordinary(order[p], used)
                    && extra.test(order[p]));
            if (pos >= 0) {
                retype(order[pos], type);
            }
        }
        if (pos < 0) {
            if (from == 0 && to == 1) {
                throw new IllegalStateException("No ordinary page view left to plant a fault in");
            }
            return pick(order, used, r, type, 0, 1, extra);
        }
        used[order[pos]] = true;
        return order[pos];
    }

    private Map<Integer, Action> planActions(Layout.Day plan, int[] order, SplittableRandom r,
                                             Map<Integer, Integer> replayOf) {
        Map<Integer, Action> actions = new HashMap<>();
        boolean[] used = new boolean[day.events];
        java.util.function.IntPredicate any = e -> true;
        for (Map.Entry<Integer, Integer> replay : replayOf.entrySet()) {
            used[replay.getKey()] = true;
            used[replay.getValue()] = true;
            actions.put(replay.getValue(), Action.REPLAY_SOURCE);
        }
        if (plan.duplicateRow) {
            actions.put(pick(order, used, r, DayEvents.PAGE_VIEW, 0.2, 0.8, any), Action.DUPLICATE);
        }
        if (plan.unknownEvents) {
            actions.put(pick(order, used, r, DayEvents.PAGE_VIEW, 0.1, 0.5, any), Action.WISHLIST);
            actions.put(pick(order, used, r, DayEvents.PURCHASE, 0.5, 0.95, any), Action.PURCHASE_CASE);
        }
        for (int z = 0; z < plan.zeroRevenueOrders; z++) {
            actions.put(pick(order, used, r, DayEvents.PURCHASE, 0, 1, any), Action.ZERO_REVENUE);
        }
        if (plan.collision) {
            int first = pick(order, used, r, DayEvents.PURCHASE, 0, 0.5, any);
            long client = day.userSeed[day.session[first]];
            int second = pick(order, used, r, DayEvents.PURCHASE, 0.5, 1, e -> day.userSeed[day.session[e]] != client);
            if (positionOf(order, second) < positionOf(order, first)) {
                int swap = first;
                first = second;
                second = swap;
            }
            actions.put(first, Action.COLLISION_FIRST);
            actions.put(second, Action.COLLISION_SECOND);
        }
        if (plan.malformedJson) {
            actions.put(pick(order, used, r, DayEvents.POPUP, 0, 1, any), Action.MALFORMED_POPUP);
            actions.put(pick(order, used, r, DayEvents.PURCHASE, 0, 1, any), Action.MALFORMED_PURCHASE);
        }
        if (plan.badTimestamps) {
            actions.put(pick(order, used, r, DayEvents.PAGE_VIEW, 0.1, 0.4, any), Action.TS_EMPTY);
            actions.put(pick(order, used, r, DayEvents.PAGE_VIEW, 0.4, 0.7, any), Action.TS_DAY_FIRST);
            actions.put(pick(order, used, r, DayEvents.PAGE_VIEW, 0.7, 0.95, any), Action.TS_HOUR_25);
        }
        if (plan.badRevenue) {
            actions.put(pick(order, used, r, DayEvents.PURCHASE, 0, 0.5, any), Action.NEGATIVE_REVENUE);
            actions.put(pick(order, used, r, DayEvents.PURCHASE, 0.5, 1, any), Action.TEXT_REVENUE);
        }
        if (plan.columnCount) {
            actions.put(pick(order, used, r, DayEvents.PAGE_VIEW, 0.2, 0.5, e -> agentCommas(e) == 1),
                    Action.TOO_MANY_FIELDS);
            actions.put(pick(order, used, r, DayEvents.PAGE_VIEW, 0.5, 0.8, any), Action.TOO_FEW_FIELDS);
        }
        if (plan.brokenQuoting) {
            // The next record must be an ordinary one whose text has a quote, so that a parser reading past the
            // open quote fails on it at once (docs/generator.md); it is kept clean.
            int[] position = new int[order.length];
            for (int pos = 0; pos < order.length; pos++) {
                position[order[pos]] = pos;
            }
            int e = pick(order, used, r, DayEvents.PAGE_VIEW, 0.4, 0.6, x -> {
                int pos = position[x];
                if (pos + 1 >= order.length) {
                    return false;
                }
                int next = order[pos + 1];
                return ordinary(next, used) && !actions.containsKey(next) && quoted(next)
                        && day.type[next] != DayEvents.REPLAY;
            });
            used[order[position[e] + 1]] = true;
            actions.put(e, Action.BROKEN_QUOTE);
        }
        return actions;
    }

    private static int positionOf(int[] order, int e) {
        for (int pos = 0; pos < order.length; pos++) {
            if (order[pos] == e) {
                return pos;
            }
        }
        throw new IllegalStateException("Event " + e + " is not in the file");
    }

    private int agentCommas(int e) {
        String text = Catalog.HUMAN_AGENTS.get(day.agent[day.session[e]]).text();
        return (int) text.chars().filter(c -> c == ',').count();
    }

    private boolean quoted(int e) {
        byte type = day.type[e];
        return type == DayEvents.POPUP || type == DayEvents.PURCHASE
                || Catalog.HUMAN_AGENTS.get(day.agent[day.session[e]]).needsQuotes();
    }

    // ---- extra files ---------------------------------------------------------------------------------------

    private void writeExtraFile(int d, Layout.ExtraFile extra) throws IOException {
        String name = "events_" + date(d).format(COMPACT_DATE) + extra.suffix() + ".csv";
        Path file = settings.outDir().resolve(name);
        if (extra.kind() == FaultKind.EMPTY_FILE) {
            Files.write(file, new byte[0]);
            ledger.startFile(name, date(d).toString(), "empty", null, "LF", false);
            ledger.fileFault(FaultKind.EMPTY_FILE, name, FaultKind.EMPTY_FILE.codes(), "0 bytes");
        } else {
            List<String> header = header(layout.day(d));
            Files.writeString(file, String.join(",", header) + "\n", StandardCharsets.UTF_8);
            ledger.startFile(name, date(d).toString(), "header_only", header, "LF", false);
            ledger.fileFault(FaultKind.HEADER_ONLY, name, FaultKind.HEADER_ONLY.codes(), "a header and no rows");
        }
        finishFile(file, 0);
    }

    private void writeProducts() throws IOException {
        Path file = settings.outDir().resolve(PRODUCTS_FILE);
        List<String> header = List.of("item_id", "item_name", "item_variant", "unit_price");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvOutput out = new CsvOutput(writer, header)) {
            for (Catalog.Product p : Catalog.MATTRESSES) {
                for (Catalog.Size size : Catalog.BED_SIZES) {
                    out.row(size.code() + "-" + p.sku(), p.name(), size.name() + "  -  (" + size.dims() + " x "
                            + p.height() + ")", RowRenderer.money(p.queenCents() * size.percentOfQueen() / 100 / 100 * 100));
                }
            }
            for (Catalog.Product p : Catalog.ACCESSORIES) {
                out.row(p.sku(), p.name(), "", RowRenderer.money(p.queenCents()));
            }
        }
        ledger.startFile(PRODUCTS_FILE, null, "not_an_event_file", header, "LF", false);
        ledger.fileFault(FaultKind.NON_EVENT_CSV, PRODUCTS_FILE, FaultKind.NON_EVENT_CSV.codes(),
                "a product list without timestamp, event_name or client id columns");
        finishFile(file, 0);
    }

    // ---- drift episodes ------------------------------------------------------------------------------------

    private void recordDrift() {
        List<String> headerFiles = new ArrayList<>();
        List<Layout.Day> headerPlans = new ArrayList<>();
        for (int d = 0; d < settings.days(); d++) {
            headerFiles.add(fileName(d));
            headerPlans.add(layout.day(d));
            for (Layout.ExtraFile extra : layout.extraFilesOn(d)) {
                if (extra.kind() == FaultKind.HEADER_ONLY) {
                    headerFiles.add("events_" + date(d).format(COMPACT_DATE) + extra.suffix() + ".csv");
                    headerPlans.add(layout.day(d));
                }
            }
        }
        episode(headerFiles, headerPlans, FaultKind.COLUMN_RENAME, p -> p.renamed, "RENAMED", "client_id", "clientId");
        episode(headerFiles, headerPlans, FaultKind.DROPPED_COLUMN, p -> p.dropReferrer, "MISSING", "referrer", null);

        Layout.Day first;
        if ((first = firstDay(p -> p.nullClientShare > Simulator.BASELINE_NULL_SHARE)) != null && first.index >= 3) {
            ledger.valueDrift(new FaultLedger.ValueDrift(FaultKind.CLIENT_ID_NULL_SPIKE, "client_id", "null_share",
                    fileName(first.index), first.nullClientShare, Simulator.BASELINE_NULL_SHARE));
        }
        int firstSticky = -1;
        int stickyDays = 0;
        long stickyTotal = 0;
        for (int d = 0; d < settings.days(); d++) {
            if (stickyRowsByDay[d] > 0) {
                firstSticky = firstSticky < 0 ? d : firstSticky;
                stickyDays++;
                stickyTotal += stickyRowsByDay[d];
            }
        }
        if (firstSticky >= 0) {
            ledger.episode(new FaultLedger.Episode(FaultKind.STICKY_REFERRER, fileName(firstSticky),
                    date(firstSticky).toString(), stickyDays, stickyTotal));
        }
        if (firstNullPricesDay >= 3) {
            ledger.valueDrift(new FaultLedger.ValueDrift(FaultKind.NULL_ITEM_PRICES, "item_price", "null_share",
                    fileName(firstNullPricesDay), 1.0, 0.0));
        }
    }

    private Layout.Day firstDay(java.util.function.Predicate<Layout.Day> test) {
        for (int d = 0; d < settings.days(); d++) {
            if (test.test(layout.day(d))) {
                return layout.day(d);
            }
        }
        return null;
    }

    private void episode(List<String> files, List<Layout.Day> plans, FaultKind kind,
                         java.util.function.Predicate<Layout.Day> test, String change, String column, String raw) {
        int start = -1;
        for (int i = 0; i <= files.size(); i++) {
            boolean in = i < files.size() && test.test(plans.get(i));
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                ledger.drift(new FaultLedger.DriftEpisode(kind, change, column, raw, files.get(start), i - start,
                        i < files.size() ? files.get(i) : null));
                start = -1;
            }
        }
    }

    static List<String> canonicalHeader() {
        return CANONICAL;
    }
}
