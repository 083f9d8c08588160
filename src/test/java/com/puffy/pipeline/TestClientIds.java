package com.puffy.pipeline;

/** Client ids for hand-written test rows, shaped as the tracker's: the cookie's creation second, a dash, 12 characters. */
public final class TestClientIds {
    private TestClientIds() {
    }

    /** A standard client id (SPEC's client_id_pattern) that reads as {@code tag}: "a" gives 1740268798-a___________. */
    public static String client(String tag) {
        return "1740268798-" + (tag + "____________").substring(0, 12);
    }
}
