package com.puffy.pipeline.generate;

import java.util.Arrays;

/**
 * One day's events in compact, primitive form (about 20 bytes an event), so a day of a million events fits in a
 * few tens of megabytes. Strings are only made when a row is written ({@link RowRenderer}).
 * <p>
 * Milliseconds are counted from the file's UTC midnight; the late events of the day before are negative.
 */
final class DayEvents {
    static final long DAY_MS = 86_400_000L;

    // Session kinds.
    static final byte HUMAN = 0;
    static final byte BOT = 1;
    /** A row without client id (SPEC §4 MISSING_CLIENT_ID), planted by the null-spike fault. */
    static final byte ANONYMOUS = 2;
    /** The headless-browser checkout starts of the bot-burst fault. */
    static final byte BURST = 3;
    /** A late event of the day before (out-of-partition fault). */
    static final byte LATE = 4;

    // Event types.
    static final byte PAGE_VIEW = 0;
    static final byte ADD_TO_CART = 1;
    static final byte CHECKOUT = 2;
    static final byte POPUP = 3;
    static final byte PURCHASE = 4;
    /** A purchase sent again: the row is a copy of another purchase row with its own timestamp. */
    static final byte REPLAY = 5;

    /** Referrer markers in {@link #refPage}: none, or the session's landing referrer; otherwise a page id. */
    static final byte NO_REFERRER = -1;
    static final byte LANDING_REFERRER = -2;

    // Sessions.
    int sessions;
    long[] userSeed = new long[1024];
    /** Unix seconds of the cookie's creation, unsigned (past 2038 they do not fit a signed int). */
    int[] created = new int[1024];
    byte[] agent = new byte[1024];
    byte[] kind = new byte[1024];
    boolean[] uuid = new boolean[1024];
    byte[] channel = new byte[1024];
    long[] sessionSeed = new long[1024];

    // Events.
    int events;
    int[] millis = new int[4096];
    int[] session = new int[4096];
    byte[] type = new byte[4096];
    byte[] page = new byte[4096];
    byte[] refPage = new byte[4096];

    void clear() {
        sessions = 0;
        events = 0;
    }

    int addSession(long seed, int createdSeconds, int agentIndex, byte sessionKind, boolean uuidClient,
                   Channel landingChannel, long landingSeed) {
        if (sessions == userSeed.length) {
            int n = sessions * 2;
            userSeed = Arrays.copyOf(userSeed, n);
            created = Arrays.copyOf(created, n);
            agent = Arrays.copyOf(agent, n);
            kind = Arrays.copyOf(kind, n);
            uuid = Arrays.copyOf(uuid, n);
            channel = Arrays.copyOf(channel, n);
            sessionSeed = Arrays.copyOf(sessionSeed, n);
        }
        int s = sessions++;
        userSeed[s] = seed;
        created[s] = createdSeconds;
        agent[s] = (byte) agentIndex;
        kind[s] = sessionKind;
        uuid[s] = uuidClient;
        channel[s] = (byte) landingChannel.ordinal();
        sessionSeed[s] = landingSeed;
        return s;
    }

    int addEvent(int sessionIndex, long millisOfDay, byte eventType, int pageId, int referrer) {
        if (events == millis.length) {
            int n = events * 2;
            millis = Arrays.copyOf(millis, n);
            session = Arrays.copyOf(session, n);
            type = Arrays.copyOf(type, n);
            page = Arrays.copyOf(page, n);
            refPage = Arrays.copyOf(refPage, n);
        }
        int e = events++;
        millis[e] = (int) millisOfDay;
        session[e] = sessionIndex;
        type[e] = eventType;
        page[e] = (byte) pageId;
        refPage[e] = (byte) referrer;
        return e;
    }

    /**
     * Puts the events in file order (by timestamp, ties in creation order), moving the arrays so that writing the
     * file walks memory sequentially. Returns where each event went: {@code newIndex[oldIndex]}.
     */
    int[] sortIntoFileOrder() {
        long[] keys = new long[events];
        for (int e = 0; e < events; e++) {
            keys[e] = ((millis[e] + DAY_MS) << 32) | e;
        }
        Arrays.sort(keys);
        int[] newIndex = new int[events];
        int[] sortedMillis = new int[millis.length];
        int[] sortedSession = new int[session.length];
        byte[] sortedType = new byte[type.length];
        byte[] sortedPage = new byte[page.length];
        byte[] sortedRef = new byte[refPage.length];
        for (int i = 0; i < events; i++) {
            int e = (int) (keys[i] & 0xFFFF_FFFFL);
            newIndex[e] = i;
            sortedMillis[i] = millis[e];
            sortedSession[i] = session[e];
            sortedType[i] = type[e];
            sortedPage[i] = page[e];
            sortedRef[i] = refPage[e];
        }
        millis = sortedMillis;
        session = sortedSession;
        type = sortedType;
        page = sortedPage;
        refPage = sortedRef;
        return newIndex;
    }
}
