package com.puffy.pipeline.core;

import java.util.Locale;

/** Counts in the stages' summaries, read by people: "1 conversion", "1,234 conversions". */
public final class Words {
    private Words() {
    }

    /** {@code n} with thousands separators and the noun that agrees with it. */
    public static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
