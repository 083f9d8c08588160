package com.puffy.pipeline.transform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.config.TransformConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Futures;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.io.AtomicFiles;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.io.CsvOutput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stage 2 (SPEC §5, §7): sessions, users, conversions, attribution, funnel, daily metrics, channel performance
 * and the reconciliation of revenue and rows, from quality/validated_events.csv.
 * <p>
 * Shape of the work, for speed and memory: one pass keeps each valid row as ~37 bytes (dictionary-encoded client,
 * user agent and referrer, timestamp, kind, day, page_url's file offset); one sort groups and orders them; one walk
 * cuts sessions; sessions.csv is rendered as bytes on two threads, reading back only the landing pages, and settles
 * each session's channel and device.
 */
public final class TransformStage implements Stage {
    public static final String SESSIONS = "sessions.csv";
    public static final String USERS = "users.csv";
    public static final String CONVERSIONS = "conversions.csv";
    public static final String ORDER_ITEMS = "order_items.csv";
    public static final String ATTRIBUTION = "attribution.csv";
    public static final String DAILY_METRICS = "daily_metrics.csv";
    public static final String FUNNEL = "funnel.csv";
    public static final String CHANNEL_PERFORMANCE = "channel_performance.csv";
    public static final String RECONCILIATION = "reconciliation.csv";
    static final List<String> OUTPUTS = List.of(SESSIONS, USERS, CONVERSIONS, ORDER_ITEMS, ATTRIBUTION,
            DAILY_METRICS, FUNNEL, CHANNEL_PERFORMANCE, RECONCILIATION);

    static final List<String> SESSION_COLUMNS = List.of("session_id", "client_id", "session_start", "session_end",
            "duration_s", "events", "page_views", "landing_page", "landing_referrer", "channel", "device", "os",
            "browser", "is_bot", "added_to_cart", "started_checkout", "converted", "revenue", "is_new_user", "date");
    static final List<String> USER_COLUMNS = List.of("client_id", "first_seen", "last_seen", "sessions", "events",
            "conversions", "revenue", "first_channel", "device");
    static final List<String> CONVERSION_COLUMNS = List.of("order_key", "transaction_id", "client_id", "session_id",
            "timestamp", "revenue", "flags", "items", "quantity", "user_email", "date", "channel_last_click");
    static final List<String> ORDER_ITEM_COLUMNS = List.of("order_key", "item_id", "item_name", "item_variant",
            "quantity", "item_price", "date");
    static final List<String> ATTRIBUTION_COLUMNS = List.of("order_key", "model", "session_id", "channel", "credit",
            "revenue_credit", "touchpoint", "touchpoints", "session_start", "date");
    static final List<String> DAILY_COLUMNS = List.of("date", "events", "sessions", "users", "conversions", "revenue",
            "session_cvr", "bot_share", "client_id_null_rate", "rows_read", "rows_missing_client_id", "bot_rows",
            "orders_zero_revenue", "orders_item_price_missing", "orders_collided", "direct_revenue_last_click",
            "non_landing_external_referrer_share");
    static final List<String> FUNNEL_COLUMNS = List.of("step", "sessions", "rate_from_previous", "rate_from_start");
    static final List<String> CHANNEL_COLUMNS = List.of("model", "channel", "sessions", "conversions", "revenue");
    static final List<String> RECONCILIATION_COLUMNS = List.of("date", "check", "expected", "actual", "difference",
            "ok");

    /** Sessions per chunk of sessions.csv: a few MB per buffer, enough chunks to keep both threads busy. */
    static final int CHUNK_ROWS = 8192;

    private final int chunkRows;

    public TransformStage() {
        this(CHUNK_ROWS);
    }

    /** With the sessions per chunk of sessions.csv (tests use tiny chunks). */
    TransformStage(int chunkRows) {
        this.chunkRows = chunkRows;
    }

    @Override
    public StageId id() {
        return StageId.TRANSFORM;
    }

    @Override
    public List<String> outputs() {
        return OUTPUTS;
    }

    /**
     * Its own section, the purchase event names and the reconciliation tolerance, which are all this stage reads:
     * with the whole configuration, tightening a monitoring threshold ran Transform again on the whole folder.
     */
    @Override
    public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("transform", config.transform());
        used.put("purchase_event_names", config.quality().purchaseEventNames());
        used.put("reconciliation_tolerance", config.monitoring().reconciliationTolerance());
        return used;
    }

    @Override
    public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
        return new Run(context, progress, cancellation, chunkRows).execute();
    }

    /** One execution: the state the phases share. */
    private static final class Run {
        private final RunContext context;
        private final Progress progress;
        private final Cancellation cancellation;
        private final TransformConfig config;
        private final Path out;
        private final HeapWatch heap = new HeapWatch();
        private final Map<String, Object> phaseMillis = new LinkedHashMap<>();
        private final TreeMap<Integer, DayStats> days = new TreeMap<>();
        private final Times.Formatter time = new Times.Formatter();
        private final ChannelClassifier classifier;
        private final List<String> channelNames = new ArrayList<>();
        private final Map<String, Integer> channelIds = new HashMap<>();
        /** Device of each distinct user agent, indexed by its dictionary id. */
        private List<DeviceDetector.DeviceInfo> deviceInfos;
        /**
         * Per referrer dictionary id: whether the channel rules would credit it to a channel other than Direct (a
         * referrer from outside the shop's own domains), for the sticky-referrer metric (decision 0403).
         */
        private boolean[] externalReferrer;
        /** Each channel id's cell as CsvBytes writes it after a delimiter. */
        private byte[][] channelCells;
        private long phaseStart = System.nanoTime();
        private long phaseCpuStart = cpuNanos();
        private final Map<String, Object> phaseCpuMillis = new LinkedHashMap<>();

        private EventTable events;
        private Sessions sessions;
        private List<Conversion> conversions;
        private String[] clientTextCache;
        private int[] lastClickChannel;
        private double[][] modelChannelCredit;
        private double[][] modelChannelRevenue;
        private long attributionRows;
        private int fallbackConversions;

        private final int chunkRows;

        Run(RunContext context, Progress progress, Cancellation cancellation, int chunkRows) {
            this.chunkRows = chunkRows;
            this.context = context;
            this.progress = progress;
            this.cancellation = cancellation;
            this.config = context.config().transform();
            this.out = context.workDir();
            this.classifier = new ChannelClassifier(config);
            for (String channel : classifier.channels()) {
                channelId(channel);
            }
        }

        StageResult execute() throws IOException {
            long started = System.nanoTime();
            Path qualityDir = context.outputOf(StageId.QUALITY);
            FileSummaryReader.read(qualityDir, this::day);
            ValidatedEventsReader reader = new ValidatedEventsReader(qualityDir,
                    Set.copyOf(context.config().quality().purchaseEventNames()));
            DeviceDetector detector = new DeviceDetector();
            ObjectMapper json = Conversion.Details.eventDataReader();
            List<Conversion.Details> orders = new ArrayList<>();
            try (SideWorker<String, DeviceDetector.DeviceInfo> agents = new SideWorker<>("transform-user-agents",
                    detector::detect)) {
                events = reader.load(progress.slice(0.0, 0.35), cancellation, agents::submit,
                        purchase -> orders.add(Conversion.Details.parse(purchase, json)));
                phase("read");
                countRowsByPartitionDay();
                sessions = Sessionizer.sessionize(events, config.sessionGapMinutes() * 60_000L, cancellation);
                progress.update(400, 1000, "Cut " + Words.count(sessions.count, "session", "sessions"));
                phase("sessionize");
                buildConversions(orders);
                phase("conversions");
                deviceInfos = agents.results();
                phase("user_agents");
            }
            writeSessions(reader, progress.slice(0.4, 0.8));
            phase("sessions_csv");
            ExecutorService helper = helperThread("transform-users");
            Future<?> users = helper.submit(() -> {
                writeUsers();
                return null;
            });
            try {
                writeAttribution();
                progress.update(850, 1000,
                        "Attributed " + Words.count(conversions.size(), "conversion", "conversions"));
                phase("attribution");
                writeConversions();
                Futures.await(users);
            } finally {
                helper.shutdownNow();
            }
            sessionDays();
            writeDaily();
            writeFunnel();
            writeChannelPerformance();
            Reconciliation reconciliation = reconcile();
            writeReconciliation(reconciliation);
            phase("reports");
            progress.update(1000, 1000, "Transform finished");
            return result(reconciliation, System.nanoTime() - started);
        }

        // ---- phases ------------------------------------------------------------------------------------------

        private void countRowsByPartitionDay() {
            int pd = events.partitionDays.size();
            long[] rows = new long[pd];
            long[] bots = new long[pd];
            for (int row = 0; row < events.size; row++) {
                rows[events.partitionDay[row]]++;
                if (events.isBot(row)) {
                    bots[events.partitionDay[row]]++;
                }
            }
            for (int i = 0; i < pd; i++) {
                DayStats d = day(events.partitionDays.get(i));
                d.events += rows[i];
                d.botRows += bots[i];
            }
            for (EventTable.PurchaseRow purchase : events.purchases) {
                day(Times.dayOf(events.timestamp[purchase.row()])).purchaseRowRevenue += purchase.revenue();
            }
        }

        private void buildConversions(List<Conversion.Details> details) {
            conversions = new ArrayList<>(events.purchases.size());
            for (int i = 0; i < events.purchases.size(); i++) {
                EventTable.PurchaseRow purchase = events.purchases.get(i);
                int row = purchase.row();
                int session = sessions.rowSession[row];
                Conversion conversion = Conversion.of(purchase, details.get(i), events.client[row], session,
                        events.timestamp[row]);
                conversions.add(conversion);
                sessions.revenue[session] += conversion.revenue();
                DayStats d = day(conversion.date());
                d.conversions++;
                d.revenue += conversion.revenue();
                if (conversion.hasFlag(Conversion.ZERO_REVENUE)) {
                    d.ordersZeroRevenue++;
                }
                if (conversion.hasFlag(Conversion.ITEM_PRICE_MISSING)) {
                    d.ordersItemPriceMissing++;
                }
                if (conversion.hasFlag(Conversion.COLLISION)) {
                    d.ordersCollided++;
                }
            }
        }

        /**
         * sessions.csv on two threads, chunk by chunk in file order; rendering a row also settles its session's
         * channel and device, which attribution and users.csv use next.
         */
        private void writeSessions(ValidatedEventsReader reader, Progress slice) throws IOException {
            int[] referrerChannel = new int[events.referrers.size()];
            byte[][] referrerCells = new byte[events.referrers.size()][];
            for (int r = 0; r < referrerCells.length; r++) {
                String referrer = CsvInput.unprotect(events.referrers.get(r));
                referrerChannel[r] = channelId(classifier.referrerChannel(referrer));
                referrerCells[r] = CsvBytes.renderedCell(referrer);
            }
            int direct = channelId(classifier.directChannel());
            externalReferrer = new boolean[referrerChannel.length];
            for (int r = 0; r < referrerChannel.length; r++) {
                externalReferrer[r] = referrerChannel[r] != direct;
            }
            channelCells = new byte[channelNames.size()][];
            for (int c = 0; c < channelCells.length; c++) {
                channelCells[c] = CsvBytes.renderedCell(channelNames.get(c));
            }
            byte[][] deviceCells = new byte[deviceInfos.size()][];
            for (int a = 0; a < deviceCells.length; a++) {
                DeviceDetector.DeviceInfo device = deviceInfos.get(a);
                deviceCells[a] = concat(CsvBytes.renderedCell(device.device()), CsvBytes.renderedCell(device.os()),
                        CsvBytes.renderedCell(device.browser()));
            }
            byte[] header = header(SESSION_COLUMNS);
            try (FileChannel file = reader.reopen()) {
                SessionRows rows = new SessionRows(events, sessions, file, classifier, this::channelId,
                        referrerChannel, referrerCells, channelCells, deviceCells);
                AtomicFiles.writeBytes(out.resolve(SESSIONS), stream -> {
                    stream.write(header);
                    OrderedChunks.write(stream, rows.count(), chunkRows, 2, rows, slice, cancellation);
                });
            }
        }

        private static byte[] concat(byte[]... parts) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (byte[] part : parts) {
                all.writeBytes(part);
            }
            return all.toByteArray();
        }

        /** The header line exactly as CsvOutput writes it. */
        private static byte[] header(List<String> columns) throws IOException {
            java.io.StringWriter text = new java.io.StringWriter();
            try (CsvOutput csv = new CsvOutput(text, columns)) {
                // The header is written on opening.
            }
            return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** A second thread for work that can overlap (2 cores is the target machine). */
        private static ExecutorService helperThread(String name) {
            return Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }

        /**
         * attribution.csv as bytes (CsvBytes, like sessions.csv): a quarter of a million rows, each with a session
         * id and a timestamp, which CsvOutput would build as Strings first.
         */
        private void writeAttribution() throws IOException {
            AttributionModel[] models = AttributionModel.values();
            modelChannelCredit = new double[models.length][];
            modelChannelRevenue = new double[models.length][];
            lastClickChannel = new int[conversions.size()];
            byte[] header = header(ATTRIBUTION_COLUMNS);
            AtomicFiles.writeBytes(out.resolve(ATTRIBUTION), stream -> {
                stream.write(header);
                CsvBytes rows = new CsvBytes(ATTRIBUTION_BUFFER + (1 << 12));
                attribute(rows, stream);
                stream.write(rows.bytes(), 0, rows.size());
            });
        }

        /** Bytes of attribution.csv gathered before they are written out. */
        private static final int ATTRIBUTION_BUFFER = 1 << 20;

        /** SPEC §5: touchpoints are the client's sessions (bots included) started in [purchase − lookback, purchase]. */
        private void attribute(CsvBytes csv, java.io.OutputStream stream) throws IOException {
            AttributionModel[] models = AttributionModel.values();
            byte[][] modelCells = new byte[models.length][];
            for (AttributionModel model : models) {
                modelCells[model.ordinal()] = CsvBytes.renderedCell(model.id());
            }
            byte[] clientBytes = events.clients.arena();
            long lookback = config.lookbackDays() * Times.DAY_MS;
            double halfLife = config.timeDecayHalfLifeDays() * Times.DAY_MS;
            int direct = channelId(classifier.directChannel());
            AttributionModel.Touchpoints touchpoints = new AttributionModel.Touchpoints();
            double[] credit = new double[16];
            long[] creditParts = new long[16];
            long[] revenueParts = new long[16];
            for (int ci = 0; ci < conversions.size(); ci++) {
                Conversion conversion = conversions.get(ci);
                if ((ci & 0xFFF) == 0) {
                    cancellation.throwIfCancelled();
                }
                long t = conversion.timestamp();
                touchpoints.clear(t, halfLife);
                int first = sessions.clientFirst[conversion.client()];
                int last = first + sessions.clientCount[conversion.client()];
                for (int s = first; s < last; s++) {
                    long start = sessions.start[s];
                    if (start >= t - lookback && start <= t) {
                        touchpoints.add(s, start, sessions.channel[s] == direct);
                    }
                }
                if (touchpoints.count == 0) {
                    // The purchase's own session began more than the lookback ago (an unbroken stream of
                    // events): it is the only possible touchpoint, so revenue still reconciles.
                    int own = conversion.session();
                    touchpoints.add(own, sessions.start[own], sessions.channel[own] == direct);
                    fallbackConversions++;
                }
                if (credit.length < touchpoints.count) {
                    credit = new double[touchpoints.count * 2];
                    creditParts = new long[credit.length];
                    revenueParts = new long[credit.length];
                }
                DayStats d = day(conversion.date());
                // The cells of attribution.csv are split in the millionths they are written with, so a conversion's
                // cells add up to 1 and to its revenue exactly (SPEC §5) however many are summed. From a billion on,
                // a double no longer holds every millionth, so such a revenue keeps the plain product. The totals
                // (channel performance, daily reconciliation) add the exact shares, as before.
                double revenue = conversion.revenue();
                boolean inMicros = Math.abs(revenue) < 1e9;
                // The revenue exactly as conversions.csv writes it (CsvOutput: six decimals, half up).
                long revenueMicros = inMicros ? new java.math.BigDecimal(Double.toString(revenue))
                        .setScale(6, java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact() : 0;
                for (AttributionModel model : models) {
                    java.util.Arrays.fill(credit, 0, touchpoints.count, 0.0);
                    model.credit(touchpoints, credit);
                    AttributionModel.apportion(credit, touchpoints.count, AttributionModel.MICROS, creditParts);
                    AttributionModel.apportion(credit, touchpoints.count, revenueMicros, revenueParts);
                    for (int i = 0; i < touchpoints.count; i++) {
                        if (credit[i] <= 0) {
                            continue;
                        }
                        int s = touchpoints.session[i];
                        int channel = sessions.channel[s];
                        double revenueCredit = credit[i] * revenue;
                        accumulate(model, channel, credit[i], revenueCredit);
                        d.attributedRevenue[model.ordinal()] += revenueCredit;
                        if (model == AttributionModel.LAST_CLICK) {
                            lastClickChannel[ci] = channel;
                            if (channel == direct) {
                                d.directRevenueLastClick += revenueCredit;
                            }
                        }
                        int client = sessions.client[s];
                        csv.text(conversion.orderKey());
                        csv.rendered(modelCells[model.ordinal()]);
                        csv.sessionId(clientBytes, events.clients.start(client), events.clients.end(client),
                                sessions.sequence(s));
                        csv.rendered(channelCells[channel]);
                        csv.number((double) creditParts[i] / AttributionModel.MICROS);
                        csv.number(inMicros ? (double) revenueParts[i] / AttributionModel.MICROS : revenueCredit);
                        csv.number(i + 1);
                        csv.number(touchpoints.count);
                        csv.timestamp(sessions.start[s]);
                        csv.date(conversion.date());
                        csv.endRow();
                        attributionRows++;
                    }
                }
                if (csv.size() >= ATTRIBUTION_BUFFER) {
                    stream.write(csv.bytes(), 0, csv.size());
                    csv.clear();
                }
            }
        }

        private void accumulate(AttributionModel model, int channel, double credit, double revenue) {
            int m = model.ordinal();
            if (modelChannelCredit[m] == null || modelChannelCredit[m].length <= channel) {
                int n = Math.max(channelNames.size(), channel + 1);
                modelChannelCredit[m] = modelChannelCredit[m] == null ? new double[n]
                        : java.util.Arrays.copyOf(modelChannelCredit[m], n);
                modelChannelRevenue[m] = modelChannelRevenue[m] == null ? new double[n]
                        : java.util.Arrays.copyOf(modelChannelRevenue[m], n);
            }
            modelChannelCredit[m][channel] += credit;
            modelChannelRevenue[m][channel] += revenue;
        }

        private void writeConversions() throws IOException {
            AtomicFiles.write(out.resolve(CONVERSIONS), writer -> {
                try (CsvOutput csv = new CsvOutput(writer, CONVERSION_COLUMNS)) {
                    for (int ci = 0; ci < conversions.size(); ci++) {
                        Conversion c = conversions.get(ci);
                        csv.row(c.orderKey(), c.transactionId(), clientText(c.client()), sessionId(c.session()),
                                time.timestamp(c.timestamp()), c.revenue(), c.flags(), c.items().size(), c.quantity(),
                                c.userEmail(), time.date(c.date()), channelNames.get(lastClickChannel[ci]));
                    }
                }
            });
            AtomicFiles.write(out.resolve(ORDER_ITEMS), writer -> {
                try (CsvOutput csv = new CsvOutput(writer, ORDER_ITEM_COLUMNS)) {
                    for (Conversion c : conversions) {
                        String date = time.date(c.date());
                        for (Conversion.Item item : c.items()) {
                            csv.row(c.orderKey(), item.itemId(), item.itemName(), item.itemVariant(), item.quantity(),
                                    item.itemPrice(), date);
                        }
                    }
                }
            });
        }

        /** Runs on the helper thread, alongside attribution: it only reads what writing sessions.csv filled. */
        private void writeUsers() throws IOException {
            int clients = events.clients.size();
            int[] conversionsByClient = new int[clients];
            double[] revenueByClient = new double[clients];
            for (Conversion c : conversions) {
                conversionsByClient[c.client()]++;
                revenueByClient[c.client()] += c.revenue();
            }
            byte[][] deviceTypeCells = new byte[deviceInfos.size()][];
            for (int a = 0; a < deviceTypeCells.length; a++) {
                deviceTypeCells[a] = CsvBytes.renderedCell(deviceInfos.get(a).device());
            }
            byte[] clientBytes = events.clients.arena();
            byte[] header = header(USER_COLUMNS);
            OrderedChunks.Renderer rows = (from, to, csv) -> {
                for (int c = from; c < to; c++) {
                    userRow(c, csv, clientBytes, conversionsByClient, revenueByClient, deviceTypeCells);
                }
            };
            AtomicFiles.writeBytes(out.resolve(USERS), stream -> {
                stream.write(header);
                // Two workers: attribution, on the main thread meanwhile, takes a fraction of the time users.csv does.
                OrderedChunks.write(stream, clients, chunkRows, 2, rows, Progress.NONE, cancellation);
            });
        }

        /** One row of users.csv; a method of its own so the JIT compiles it once rather than in every caller. */
        private void userRow(int c, CsvBytes csv, byte[] clientBytes, int[] conversionsByClient,
                             double[] revenueByClient, byte[][] deviceTypeCells) {
            int first = sessions.clientFirst[c];
            int count = sessions.clientCount[c];
            long eventsOfClient = 0;
            long lastSeen = Long.MIN_VALUE;
            for (int s = first; s < first + count; s++) {
                eventsOfClient += sessions.events[s];
                lastSeen = Math.max(lastSeen, sessions.end[s]);
            }
            csv.readText(clientBytes, events.clients.start(c), events.clients.end(c));
            csv.timestamp(sessions.start[first]);
            csv.timestamp(lastSeen);
            csv.number(count);
            csv.number(eventsOfClient);
            csv.number(conversionsByClient[c]);
            csv.number(revenueByClient[c]);
            csv.rendered(channelCells[sessions.channel[first]]);
            csv.rendered(deviceTypeCells[sessions.device[first]]);
            csv.endRow();
        }

        private void sessionDays() {
            // Clients are numbered in order of first appearance, so consecutive sessions mostly start on the same
            // day: the last day's figures are kept at hand instead of looking each of millions up (and boxing it).
            int lastDay = Integer.MIN_VALUE;
            DayStats d = null;
            for (int s = 0; s < sessions.count; s++) {
                if (!sessions.has(s, Sessions.BOT)) {
                    int epochDay = Times.dayOf(sessions.start[s]);
                    if (epochDay != lastDay || d == null) {
                        d = day(epochDay);
                        lastDay = epochDay;
                    }
                    d.sessions++;
                    if (sessions.has(s, Sessions.CONVERTED)) {
                        d.convertedSessions++;
                    }
                }
            }
            for (int i = 0; i < events.partitionDays.size(); i++) {
                day(events.partitionDays.get(i)).users += sessions.usersByPartitionDay[i];
            }
            int pd = events.partitionDays.size();
            long[] inSessions = new long[pd];
            long[] nonLanding = new long[pd];
            long[] nonLandingExternal = new long[pd];
            java.util.BitSet landing = sessions.landingRows;
            for (int row = 0; row < events.size; row++) {
                int session = sessions.rowSession[row];
                if (session >= 0) {
                    int day = events.partitionDay[row];
                    inSessions[day]++;
                    // Decision 0403: events after the first of a human session; bots' referrers are not the tag's.
                    if (!landing.get(row) && !sessions.has(session, Sessions.BOT)) {
                        nonLanding[day]++;
                        if (externalReferrer[events.referrer[row]]) {
                            nonLandingExternal[day]++;
                        }
                    }
                }
            }
            for (int i = 0; i < pd; i++) {
                DayStats stats = day(events.partitionDays.get(i));
                stats.rowsInSessions += inSessions[i];
                stats.nonLandingEvents += nonLanding[i];
                stats.nonLandingExternalReferrer += nonLandingExternal[i];
            }
        }

        private void writeDaily() throws IOException {
            AtomicFiles.write(out.resolve(DAILY_METRICS), writer -> {
                try (CsvOutput csv = new CsvOutput(writer, DAILY_COLUMNS)) {
                    for (DayStats d : days.values()) {
                        if (!d.isPartitionDayWithRows()) {
                            continue;
                        }
                        csv.row(Times.date(d.epochDay), d.events, d.sessions, d.users, d.conversions, d.revenue,
                                ratio(d.convertedSessions, d.sessions), ratio(d.botRows, d.events),
                                ratio(d.rowsMissingClientId, d.rowsRead), d.rowsRead, d.rowsMissingClientId,
                                d.botRows, d.ordersZeroRevenue, d.ordersItemPriceMissing, d.ordersCollided,
                                d.directRevenueLastClick, ratio(d.nonLandingExternalReferrer, d.nonLandingEvents));
                    }
                }
            });
        }

        private void writeFunnel() throws IOException {
            long[] steps = new long[5];
            for (int s = 0; s < sessions.count; s++) {
                if (sessions.has(s, Sessions.BOT)) {
                    continue;
                }
                steps[0]++;
                if (sessions.has(s, Sessions.PAGE_VIEW)) {
                    steps[1]++;
                }
                if (sessions.has(s, Sessions.ADD_TO_CART)) {
                    steps[2]++;
                }
                if (sessions.has(s, Sessions.CHECKOUT_STARTED)) {
                    steps[3]++;
                }
                if (sessions.has(s, Sessions.CONVERTED)) {
                    steps[4]++;
                }
            }
            String[] names = {"sessions", "page_viewed", "product_added_to_cart", "checkout_started", "purchase"};
            AtomicFiles.write(out.resolve(FUNNEL), writer -> {
                try (CsvOutput csv = new CsvOutput(writer, FUNNEL_COLUMNS)) {
                    for (int i = 0; i < steps.length; i++) {
                        csv.row(names[i], steps[i], i == 0 ? ratio(steps[0], steps[0]) : ratio(steps[i], steps[i - 1]),
                                ratio(steps[i], steps[0]));
                    }
                }
            });
        }

        private void writeChannelPerformance() throws IOException {
            long[] sessionsByChannel = new long[channelNames.size()];
            for (int s = 0; s < sessions.count; s++) {
                if (!sessions.has(s, Sessions.BOT)) {
                    sessionsByChannel[sessions.channel[s]]++;
                }
            }
            AtomicFiles.write(out.resolve(CHANNEL_PERFORMANCE), writer -> {
                try (CsvOutput csv = new CsvOutput(writer, CHANNEL_COLUMNS)) {
                    for (AttributionModel model : AttributionModel.values()) {
                        double[] credit = modelChannelCredit[model.ordinal()];
                        double[] revenue = modelChannelRevenue[model.ordinal()];
                        for (int ch = 0; ch < channelNames.size(); ch++) {
                            double c = credit == null || ch >= credit.length ? 0 : credit[ch];
                            double r = revenue == null || ch >= revenue.length ? 0 : revenue[ch];
                            if (sessionsByChannel[ch] == 0 && c == 0) {
                                continue;
                            }
                            csv.row(model.id(), channelNames.get(ch), sessionsByChannel[ch], c, r);
                        }
                    }
                }
            });
        }

        private Reconciliation reconcile() {
            double tolerance = context.config().monitoring().reconciliationTolerance();
            Reconciliation r = new Reconciliation(tolerance);
            double expectedRevenue = 0;
            double conversionRevenue = 0;
            double[] attributed = new double[AttributionModel.values().length];
            for (DayStats d : days.values()) {
                String date = Times.date(d.epochDay);
                boolean hasOrders = d.conversions > 0 || d.purchaseRowRevenue != 0;
                if (hasOrders) {
                    r.check(date, "conversions_revenue", d.purchaseRowRevenue, d.revenue);
                    for (AttributionModel model : AttributionModel.values()) {
                        r.check(date, "attributed_revenue:" + model.id(), d.revenue,
                                d.attributedRevenue[model.ordinal()]);
                    }
                }
                if (d.events > 0) {
                    r.check(date, "events_in_sessions", d.events, d.rowsInSessions);
                }
                expectedRevenue += d.purchaseRowRevenue;
                conversionRevenue += d.revenue;
                for (AttributionModel model : AttributionModel.values()) {
                    attributed[model.ordinal()] += d.attributedRevenue[model.ordinal()];
                }
            }
            r.check("ALL", "conversions_revenue", expectedRevenue, conversionRevenue);
            for (AttributionModel model : AttributionModel.values()) {
                r.check("ALL", "attributed_revenue:" + model.id(), conversionRevenue, attributed[model.ordinal()]);
            }
            long inSessions = 0;
            for (int s = 0; s < sessions.count; s++) {
                inSessions += sessions.events[s];
            }
            r.check("ALL", "events_in_sessions", events.size, inSessions);
            return r;
        }

        private void writeReconciliation(Reconciliation reconciliation) throws IOException {
            AtomicFiles.write(out.resolve(RECONCILIATION), writer -> {
                try (CsvOutput csv = new CsvOutput(writer, RECONCILIATION_COLUMNS)) {
                    for (Reconciliation.Check c : reconciliation.checks()) {
                        csv.row(c.date(), c.check(), c.expected(), c.actual(), c.actual() - c.expected(), c.ok());
                    }
                }
            });
        }

        private StageResult result(Reconciliation reconciliation, long nanos) {
            Map<String, Object> figures = new LinkedHashMap<>();
            long botSessions = 0;
            for (int s = 0; s < sessions.count; s++) {
                if (sessions.has(s, Sessions.BOT)) {
                    botSessions++;
                }
            }
            double revenue = conversions.stream().mapToDouble(Conversion::revenue).sum();
            figures.put("events", events.size);
            figures.put("sessions", sessions.count);
            figures.put("bot_sessions", botSessions);
            figures.put("users", events.clients.size());
            figures.put("conversions", conversions.size());
            figures.put("revenue", round2(revenue));
            figures.put("attribution_rows", attributionRows);
            figures.put("conversions_without_touchpoint_in_lookback", fallbackConversions);
            figures.put("distinct_user_agents_parsed", deviceInfos.size());
            figures.put("reconciliation_ok", reconciliation.allOk());
            Map<String, Object> totals = new LinkedHashMap<>();
            for (Reconciliation.Check c : reconciliation.checks()) {
                if (c.date().equals("ALL")) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("expected", round2(c.expected()));
                    one.put("actual", round2(c.actual()));
                    one.put("ok", c.ok());
                    totals.put(c.check(), one);
                }
            }
            figures.put("reconciliation", totals);
            List<String> failedDays = reconciliation.failures().stream()
                    .map(c -> c.date() + " " + c.check()).toList();
            figures.put("reconciliation_failures", failedDays);
            double seconds = nanos / 1e9;
            long eventsPerSecond = seconds > 0 ? Math.round(events.size / seconds) : events.size;
            figures.put("events_per_s", eventsPerSecond);
            figures.put("peak_heap_mb", heap.peakMegabytes());
            figures.put("phase_ms", phaseMillis);
            figures.put("phase_cpu_ms", phaseCpuMillis);

            List<String> summary = new ArrayList<>();
            summary.add(Words.count(events.size, "valid event", "valid events") + " → "
                    + Words.count(sessions.count, "session", "sessions") + String.format(Locale.ROOT, " (%,d bot), ",
                    botSessions) + Words.count(events.clients.size(), "user", "users") + ", "
                    + Words.count(conversions.size(), "conversion", "conversions")
                    + String.format(Locale.ROOT, ", revenue %,.2f", revenue));
            summary.add(reconciliation.allOk()
                    ? "Reconciliation holds: conversions' revenue = valid purchase rows' revenue = each model's "
                    + "attributed revenue; every valid row is in exactly one session."
                    : "Reconciliation FAILED for " + String.join(", ", failedDays.subList(0, Math.min(5, failedDays.size())))
                    + ": see transform/reconciliation.csv.");
            summary.add(String.format(Locale.ROOT, "%,d events/s, peak heap %d MB", eventsPerSecond,
                    heap.peakMegabytes()));
            return StageResult.of(figures, summary);
        }

        // ---- helpers -----------------------------------------------------------------------------------------

        private DayStats day(int epochDay) {
            return days.computeIfAbsent(epochDay, DayStats::new);
        }

        private synchronized int channelId(String channel) {
            Integer id = channelIds.get(channel);
            if (id == null) {
                if (channelNames.size() >= Byte.MAX_VALUE) {
                    throw new IllegalStateException("More than 127 channels configured");
                }
                id = channelNames.size();
                channelNames.add(channel);
                channelIds.put(channel, id);
            }
            return id;
        }

        private String clientText(int client) {
            return CsvInput.unprotect(events.clients.get(client));
        }

        private String sessionId(int s) {
            return clientText(sessions.client[s]) + "-" + sessions.sequence(s);
        }

        private void phase(String name) {
            long now = System.nanoTime();
            long cpu = cpuNanos();
            phaseMillis.put(name, (now - phaseStart) / 1_000_000);
            // CPU time next to wall time: on a shared machine the difference is waiting for a core.
            phaseCpuMillis.put(name, (cpu - phaseCpuStart) / 1_000_000);
            phaseStart = now;
            phaseCpuStart = cpu;
            heap.sample();
        }

        private static long cpuNanos() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0L;
        }

        private static double ratio(long part, long whole) {
            return whole == 0 ? 0.0 : (double) part / whole;
        }

        private static double round2(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }
}
