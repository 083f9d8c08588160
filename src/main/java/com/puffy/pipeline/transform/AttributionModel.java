package com.puffy.pipeline.transform;

/**
 * The attribution models of SPEC §5. Each fills the credit of every touchpoint of one conversion (touchpoints in
 * start order); the credits of a conversion sum to 1.
 */
public enum AttributionModel {
    FIRST_CLICK("first_click") {
        @Override
        void credit(Touchpoints t, double[] credit) {
            credit[0] = 1.0;
        }
    },
    LAST_CLICK("last_click") {
        @Override
        void credit(Touchpoints t, double[] credit) {
            credit[t.count - 1] = 1.0;
        }
    },
    /** The latest touchpoint whose channel is not Direct; the last touchpoint when all are Direct. */
    LAST_NON_DIRECT("last_non_direct") {
        @Override
        void credit(Touchpoints t, double[] credit) {
            for (int i = t.count - 1; i >= 0; i--) {
                if (!t.direct[i]) {
                    credit[i] = 1.0;
                    return;
                }
            }
            credit[t.count - 1] = 1.0;
        }
    },
    LINEAR("linear") {
        @Override
        void credit(Touchpoints t, double[] credit) {
            for (int i = 0; i < t.count; i++) {
                credit[i] = 1.0 / t.count;
            }
        }
    },
    /** One touchpoint 100 %, two 50/50, more: 40 % first, 40 % last, 20 % shared by the middle. */
    POSITION_BASED("position_based") {
        @Override
        void credit(Touchpoints t, double[] credit) {
            if (t.count == 1) {
                credit[0] = 1.0;
            } else if (t.count == 2) {
                credit[0] = 0.5;
                credit[1] = 0.5;
            } else {
                credit[0] = 0.4;
                credit[t.count - 1] = 0.4;
                for (int i = 1; i < t.count - 1; i++) {
                    credit[i] = 0.2 / (t.count - 2);
                }
            }
        }
    },
    /** Weight 0.5^(Δ / half-life), Δ = purchase time − session start, normalized to sum 1. */
    TIME_DECAY("time_decay") {
        @Override
        void credit(Touchpoints t, double[] credit) {
            double total = 0;
            for (int i = 0; i < t.count; i++) {
                double delta = Math.max(0, t.purchaseTime - t.start[i]);
                credit[i] = Math.pow(0.5, delta / t.halfLifeMillis);
                total += credit[i];
            }
            for (int i = 0; i < t.count; i++) {
                credit[i] /= total;
            }
        }
    };

    private final String id;

    AttributionModel(String id) {
        this.id = id;
    }

    /** The name written in attribution.csv and channel_performance.csv. */
    public String id() {
        return id;
    }

    /** Fills credit[0, t.count) (zeroed by the caller). */
    abstract void credit(Touchpoints t, double[] credit);

    /** attribution.csv writes credit and revenue_credit with six decimals: shares are split in millionths. */
    static final long MICROS = 1_000_000L;

    /**
     * Splits {@code total} whole units over {@code shares[0, n)} in proportion, by largest remainder (ties go to the
     * earlier touchpoint): each part is within one unit of its exact share and the parts add up to the total
     * exactly. Rounding each part alone does not: three thirds of 100.00 are written 33.333333 and sum to 99.999999,
     * so a model's column of a spreadsheet drifted a cent from total revenue every ten thousand such orders.
     */
    static void apportion(double[] shares, int n, long total, long[] parts) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += shares[i];
        }
        long given = 0;
        double[] remainder = new double[n];
        for (int i = 0; i < n; i++) {
            double exact = sum > 0 ? shares[i] / sum * total : 0;
            parts[i] = (long) Math.floor(exact);
            remainder[i] = exact - parts[i];
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (shares[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            parts[best]++;
            remainder[best] = -1;
        }
    }

    /** The touchpoints of one conversion, reused across conversions. */
    static final class Touchpoints {
        int count;
        long purchaseTime;
        double halfLifeMillis;
        long[] start = new long[16];
        boolean[] direct = new boolean[16];
        int[] session = new int[16];

        void clear(long purchaseTime, double halfLifeMillis) {
            this.count = 0;
            this.purchaseTime = purchaseTime;
            this.halfLifeMillis = halfLifeMillis;
        }

        void add(int sessionIndex, long sessionStart, boolean isDirect) {
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, count * 2);
                direct = java.util.Arrays.copyOf(direct, count * 2);
                session = java.util.Arrays.copyOf(session, count * 2);
            }
            start[count] = sessionStart;
            direct[count] = isDirect;
            session[count] = sessionIndex;
            count++;
        }
    }
}
