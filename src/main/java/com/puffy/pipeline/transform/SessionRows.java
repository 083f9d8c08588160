package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The rows of sessions.csv, in landing-row order, rendered by ranges on several threads (see {@link OrderedChunks}).
 * Each row also settles the session's channel and device. Everything a row needs is in memory except the landing
 * page, which is read back from validated_events.csv at the offset pass 1 recorded: the rows of a range are in file
 * order, so each thread reads the file forwards through a bounded window.
 */
final class SessionRows implements OrderedChunks.Renderer {
    private static final int WINDOW = 1 << 20;

    private final EventTable events;
    private final Sessions sessions;
    private final int[] order;
    private final FileChannel file;
    private final ChannelClassifier classifier;
    private final ToIntFunction<String> channelId;
    private final int[] referrerChannel;
    private final byte[][] referrerCells;
    private final byte[][] channelCells;
    private final byte[][] deviceCells;
    private final ThreadLocal<PageWindow> windows;

    /**
     * @param referrerChannel channel id of each referrer id (used when the landing page has no campaign)
     * @param referrerCells   rendered cell of each referrer id, delimiter included
     * @param channelCells    rendered cell of each channel id, delimiter included
     * @param deviceCells     rendered device, os and browser cells of each user agent id, delimiters included
     * @param channelId       id of a channel name; called from several threads
     */
    SessionRows(EventTable events, Sessions sessions, FileChannel file, ChannelClassifier classifier,
                ToIntFunction<String> channelId, int[] referrerChannel, byte[][] referrerCells, byte[][] channelCells,
                byte[][] deviceCells) {
        this.events = events;
        this.sessions = sessions;
        this.order = landingOrder(sessions);
        this.file = file;
        this.classifier = classifier;
        this.channelId = channelId;
        this.referrerChannel = referrerChannel;
        this.referrerCells = referrerCells;
        this.channelCells = channelCells;
        this.deviceCells = deviceCells;
        this.windows = ThreadLocal.withInitial(() -> new PageWindow(file));
    }

    /** Sessions ordered by their landing row, the order of sessions.csv. */
    private static int[] landingOrder(Sessions sessions) {
        int[] order = new int[sessions.count];
        int n = 0;
        for (int row = sessions.landingRows.nextSetBit(0); row >= 0; row = sessions.landingRows.nextSetBit(row + 1)) {
            order[n++] = sessions.rowSession[row];
        }
        return order;
    }

    int count() {
        return order.length;
    }

    /** A sessions.csv row of the generated data is about 270 bytes: room for most chunks without growing. */
    @Override
    public int bytesPerItem() {
        return 320;
    }

    @Override
    public void render(int from, int to, CsvBytes out) throws IOException {
        PageWindow pages = windows.get();
        Map<String, Integer> campaignIds = new HashMap<>();
        ChannelClassifier.Query query = classifier.new Query();
        for (int i = from; i < to; i++) {
            row(order[i], out, pages, query, campaignIds);
        }
    }

    /**
     * One row. A method of its own, too big to be inlined: the JIT compiles it once, instead of once inside the
     * loop's on-stack replacement and again inside {@link #render} (about a quarter of a second each).
     */
    private void row(int s, CsvBytes out, PageWindow pages, ChannelClassifier.Query query,
                     Map<String, Integer> campaignIds) throws IOException {
        byte[] clientBytes = events.clients.arena();
        int row = sessions.landingRow[s];
        int client = sessions.client[s];
        int clientFrom = events.clients.start(client);
        int clientTo = events.clients.end(client);
        out.sessionAndClient(clientBytes, clientFrom, clientTo, sessions.sequence(s));
        long start = sessions.start[s];
        long end = sessions.end[s];
        out.timestamp(start);
        out.timestamp(end);
        out.seconds(end - start);
        out.number(sessions.events[s]);
        out.number(sessions.pageViews[s]);

        int pageLength = events.pageLength[row];
        byte[] page = pages.bytes();
        int pageFrom = 0;
        if (pageLength > 0) {
            pageFrom = pages.locate(events.pageOffset(row), pageLength);
            page = pages.bytes();
            if (events.pageEscaped(row)) {
                page = unescape(page, pageFrom, pageLength);
                pageFrom = 0;
                pageLength = page.length;
            }
        }
        int pageTo = pageFrom + pageLength;
        out.readText(page, pageFrom, pageTo);
        int referrer = events.referrer[row];
        out.rendered(referrerCells[referrer]);

        int channel = referrerChannel[referrer];
        String campaign = classifier.campaignChannel(page, pageFrom, pageTo, query);
        if (campaign != null) {
            Integer known = campaignIds.get(campaign);
            channel = known != null ? known : newCampaign(campaign, campaignIds);
        }
        sessions.channel[s] = (byte) channel;
        int agent = events.userAgent[row];
        sessions.device[s] = agent;
        out.rendered(channelCells[channel]);
        out.rendered(deviceCells[agent]);
        out.bool(sessions.has(s, Sessions.BOT));
        out.bool(sessions.has(s, Sessions.ADD_TO_CART));
        out.bool(sessions.has(s, Sessions.CHECKOUT_STARTED));
        out.bool(sessions.has(s, Sessions.CONVERTED));
        out.number(sessions.revenue[s]);
        out.bool(sessions.has(s, Sessions.NEW_USER));
        out.date(Times.dayOf(start));
        out.endRow();
    }

    /** A channel a campaign rule gave for the first time in this chunk (out of line: rarely called). */
    private int newCampaign(String campaign, Map<String, Integer> campaignIds) {
        int id = channelId.applyAsInt(campaign);
        campaignIds.put(campaign, id);
        return id;
    }

    /** A quoted field's content with its doubled quotes undone (as FastCsvReader does). */
    static byte[] unescape(byte[] b, int from, int length) {
        byte[] result = new byte[length];
        int n = 0;
        int to = from + length;
        for (int i = from; i < to; i++) {
            result[n++] = b[i];
            if (b[i] == '"' && i + 1 < to && b[i + 1] == '"') {
                i++;
            }
        }
        return java.util.Arrays.copyOf(result, n);
    }

    /** A forward-moving window over the file: rows asked for in file order are mostly already in the buffer. */
    static final class PageWindow {
        private final FileChannel file;
        private byte[] buffer = new byte[WINDOW];
        private long windowStart;
        private int windowLength;

        PageWindow(FileChannel file) {
            this.file = file;
        }

        byte[] bytes() {
            return buffer;
        }

        /** Index in {@link #bytes()} where the {@code length} bytes at file {@code offset} are. */
        int locate(long offset, int length) throws IOException {
            if (offset >= windowStart && offset + length <= windowStart + windowLength) {
                return (int) (offset - windowStart);
            }
            return refill(offset, length);
        }

        /** Moves the window to start at {@code offset} (out of line: once a megabyte, so the JIT keeps it cold). */
        private int refill(long offset, int length) throws IOException {
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            ByteBuffer target = ByteBuffer.wrap(buffer);
            windowStart = offset;
            windowLength = 0;
            while (target.hasRemaining()) {
                int read = file.read(target, offset + target.position());
                if (read < 0) {
                    break;
                }
            }
            windowLength = target.position();
            if (windowLength < length) {
                throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output validated_events.csv "
                        + "ended before byte " + (offset + length) + ", where it had a page_url when the transform "
                        + "stage began: it changed meanwhile; run the transform stage again.");
            }
            return 0;
        }
    }
}
