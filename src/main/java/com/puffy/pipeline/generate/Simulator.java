package com.puffy.pipeline.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulates the visitors of one day after another: bots, anonymous hits, new visitors and visitors returning from
 * earlier days (so that a purchase has several touchpoints for attribution). Only the return visits cross days, kept
 * in {@link ReturnVisits} in primitive arrays, so memory stays bounded whatever the number of days.
 */
final class Simulator {
    /** Share of a day's rows from crawlers and other bots (DATA.md: about 13 %). */
    static final double BOT_ROW_SHARE = 0.13;
    /** Share of rows without client id on ordinary days when the null-spike fault is planted. */
    static final double BASELINE_NULL_SHARE = 0.01;
    static final double UUID_USER_SHARE = 0.006;

    /** UTC hours weighted like US shoppers (evening peaks land after midnight UTC). */
    private static final int[] HOUR_WEIGHTS = {9, 9, 9, 8, 7, 5, 3, 2, 2, 2, 2, 3, 4, 5, 6, 7, 7, 8, 8, 8, 8, 8, 9, 9};
    private static final int[] NEW_CHANNEL_WEIGHTS = {26, 20, 20, 13, 5, 6, 3, 5, 2};
    private static final int[] RETURN_CHANNEL_WEIGHTS = {38, 14, 16, 8, 14, 3, 2, 2, 3};

    private final long seed;
    private final LocalDate start;
    private final ReturnVisits returns;
    private final int[] humanAgentWeights;
    private final int[] botAgentWeights;

    private DayEvents day;
    private int budget;

    Simulator(long seed, LocalDate start, int eventsPerDay) {
        this.seed = seed;
        this.start = start;
        this.returns = new ReturnVisits();
        this.humanAgentWeights = Catalog.HUMAN_AGENTS.stream().mapToInt(Catalog.Agent::weight).toArray();
        this.botAgentWeights = Catalog.BOT_AGENTS.stream().mapToInt(Catalog.Agent::weight).toArray();
        warmUp(eventsPerDay);
    }

    /** What one day looks like besides ordinary traffic. */
    record DayShape(int cleanEvents, double nullClientShare, int burstEvents, int lateEvents) {
    }

    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long epochSecondOfDay(int dayIndex) {
        return start.plusDays(dayIndex).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** Fills {@code out} with day {@code dayIndex}: exactly {@code cleanEvents} rows, plus burst and late rows. */
    void simulate(int dayIndex, DayShape shape, DayEvents out) {
        SplittableRandom r = new SplittableRandom(mix(seed, 1_000 + dayIndex));
        day = out;
        out.clear();
        long daySeconds = epochSecondOfDay(dayIndex);
        int target = shape.cleanEvents();
        budget = target;

        int anonymous = (int) Math.round(target * shape.nullClientShare());
        for (int i = 0; i < anonymous && budget > 0; i++) {
            anonymousHit(r, daySeconds);
        }
        double botShare = BOT_ROW_SHARE + (r.nextDouble() - 0.5) * 0.02;
        int botBudgetLeft = (int) Math.round(target * botShare);
        while (botBudgetLeft > 0 && budget > 0) {
            int before = budget;
            botSession(r, daySeconds);
            botBudgetLeft -= before - budget;
        }
        ReturnVisits.Bucket todays = returns.take(dayIndex);
        for (int i = 0; i < todays.size() && budget > 0; i++) {
            long start = sessionStart(r);
            humanSession(r, dayIndex, daySeconds, todays.seed(i), todays.created(i), todays.agent(i), todays.uuid(i),
                    true, todays.intent(i), start);
        }
        while (budget > 0) {
            long start = sessionStart(r);
            long userSeed = r.nextLong();
            int created = (int) (daySeconds + start / 1000);
            boolean uuid = r.nextDouble() < UUID_USER_SHARE;
            humanSession(r, dayIndex, daySeconds, userSeed, created, weighted(r, humanAgentWeights), uuid, false,
                    false, start);
        }
        for (int i = 0; i < shape.burstEvents(); i++) {
            burstHit(r, daySeconds, shape.burstEvents());
        }
        for (int i = 0; i < shape.lateEvents(); i++) {
            lateHit(r, daySeconds);
        }
        todays.clear();
    }

    private boolean add(int session, long millis, byte type, int page, int referrer) {
        if (budget <= 0 || millis >= DayEvents.DAY_MS) {
            return false;
        }
        budget--;
        day.addEvent(session, millis, type, page, referrer);
        return true;
    }

    private long sessionStart(SplittableRandom r) {
        int hour = weighted(r, HOUR_WEIGHTS);
        return hour * 3_600_000L + r.nextLong(3_600_000L);
    }

    static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private void anonymousHit(SplittableRandom r, long daySeconds) {
        long start = sessionStart(r);
        int s = day.addSession(0, 0, weighted(r, humanAgentWeights), DayEvents.ANONYMOUS, false, Channel.DIRECT,
                r.nextLong());
        int page = r.nextDouble() < 0.85 ? Catalog.HOME : landingPage(r, Channel.DIRECT);
        add(s, start, DayEvents.PAGE_VIEW, page, DayEvents.NO_REFERRER);
    }

    private void botSession(SplittableRandom r, long daySeconds) {
        long t = sessionStart(r);
        int s = day.addSession(r.nextLong(), (int) (daySeconds + t / 1000), weighted(r, botAgentWeights),
                DayEvents.BOT, false, Channel.DIRECT, r.nextLong());
        int pages = r.nextDouble() < 0.7 ? 1 : 2 + r.nextInt(4);
        for (int i = 0; i < pages; i++) {
            int page = r.nextInt(Catalog.ALL_PAGES.length - 1);
            if (!add(s, t, DayEvents.PAGE_VIEW, page, DayEvents.NO_REFERRER)) {
                return;
            }
            t += 500 + r.nextInt(20_000);
        }
    }

    private void burstHit(SplittableRandom r, long daySeconds, int burstSize) {
        // The burst fills one hour of the day, the same hour for every burst row of the day.
        SplittableRandom hourPick = new SplittableRandom(mix(seed, daySeconds));
        long window = (2 + hourPick.nextInt(16)) * 3_600_000L;
        long t = window + r.nextLong(3_600_000L);
        int s = day.addSession(r.nextLong(), (int) (daySeconds + t / 1000), 0, DayEvents.BURST, false,
                Channel.DIRECT, r.nextLong());
        day.addEvent(s, t, DayEvents.CHECKOUT, Catalog.CHECKOUT_PAGE, Catalog.CART);
    }

    private void lateHit(SplittableRandom r, long daySeconds) {
        long t = -1 - r.nextLong(180_000L);
        int s = day.addSession(r.nextLong(), (int) (daySeconds + t / 1000), weighted(r, humanAgentWeights),
                DayEvents.LATE, false, Channel.DIRECT, r.nextLong());
        day.addEvent(s, t, DayEvents.PAGE_VIEW, r.nextInt(Catalog.ALL_PAGES.length - 1), DayEvents.NO_REFERRER);
    }

    static int landingPage(SplittableRandom r, Channel channel) {
        double x = r.nextDouble();
        return switch (channel) {
            case DIRECT -> x < 0.6 ? Catalog.HOME : x < 0.85 ? productPage(r) : collectionPage(r);
            case ORGANIC_SEARCH -> x < 0.4 ? blogPage(r) : x < 0.7 ? Catalog.HOME : productPage(r);
            case REFERRAL -> x < 0.5 ? productPage(r) : x < 0.8 ? blogPage(r) : Catalog.HOME;
            case ORGANIC_SOCIAL -> x < 0.5 ? productPage(r) : Catalog.HOME;
            default -> x < 0.6 ? productPage(r) : x < 0.9 ? collectionPage(r) : Catalog.HOME;
        };
    }

    static int productPage(SplittableRandom r) {
        // Mattress pages get most of the traffic.
        return Catalog.FIRST_PRODUCT + (r.nextDouble() < 0.6 ? r.nextInt(4) : r.nextInt(Catalog.PRODUCT_PAGES.length));
    }

    static int collectionPage(SplittableRandom r) {
        return 1 + r.nextInt(Catalog.HOME_AND_COLLECTIONS.length - 1);
    }

    static int blogPage(SplittableRandom r) {
        return Catalog.FIRST_BLOG + r.nextInt(Catalog.BLOG_PAGES.length);
    }

    private static int nextPage(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.5 ? productPage(r) : x < 0.75 ? collectionPage(r) : x < 0.9 ? blogPage(r) : Catalog.HOME;
    }

    private static long pageGap(SplittableRandom r) {
        return Math.min(25 * 60_000L, 5_000 + (long) (-Math.log(1 - r.nextDouble()) * 55_000));
    }

    /**
     * One visit of a human. Most visits are a single page view; engaged ones browse, and some add to cart, start a
     * checkout and buy. Visitors who carted without buying often come back on a later day and then buy more often.
     */
    private void humanSession(SplittableRandom r, int dayIndex, long daySeconds, long userSeed, int created,
                              int agentIndex, boolean uuid, boolean returning, boolean intent, long start) {
        Channel channel = Channel.of(weighted(r, returning ? RETURN_CHANNEL_WEIGHTS : NEW_CHANNEL_WEIGHTS));
        int s = day.addSession(userSeed, created, agentIndex, DayEvents.HUMAN, uuid, channel, r.nextLong());
        int page = landingPage(r, channel);
        long t = start;
        if (!add(s, t, DayEvents.PAGE_VIEW, page, DayEvents.LANDING_REFERRER)) {
            return;
        }
        double engagedChance = intent ? 1.0 : returning ? 0.35 : 0.085;
        boolean carted = false;
        boolean bought = false;
        if (r.nextDouble() < engagedChance) {
            int views = 1 + (int) Math.min(12, -Math.log(1 - r.nextDouble()) * 3.0);
            boolean popup = r.nextDouble() < 0.17;
            for (int i = 0; i < views; i++) {
                int previous = page;
                page = nextPage(r);
                t += pageGap(r);
                if (!add(s, t, DayEvents.PAGE_VIEW, page, r.nextDouble() < 0.6 ? previous : DayEvents.NO_REFERRER)) {
                    return;
                }
                if (popup && i == 0) {
                    t += 3_000 + r.nextInt(30_000);
                    if (!add(s, t, DayEvents.POPUP, page, DayEvents.NO_REFERRER)) {
                        return;
                    }
                }
            }
            double cartChance = uuid ? 0 : intent ? 0.85 : returning ? 0.5 : 0.48;
            if (r.nextDouble() < cartChance) {
                carted = true;
                if (page < Catalog.FIRST_PRODUCT || page >= Catalog.FIRST_BLOG) {
                    int previous = page;
                    page = productPage(r);
                    t += pageGap(r);
                    if (!add(s, t, DayEvents.PAGE_VIEW, page, previous)) {
                        return;
                    }
                }
                int carts = r.nextDouble() < 0.35 ? 2 : 1;
                for (int c = 0; c < carts; c++) {
                    t += 10_000 + r.nextInt(110_000);
                    if (!add(s, t, DayEvents.ADD_TO_CART, page, DayEvents.NO_REFERRER)) {
                        return;
                    }
                }
                double checkoutChance = intent ? 0.8 : 0.42;
                if (r.nextDouble() < checkoutChance) {
                    int checkouts = r.nextDouble() < 0.15 ? 2 : 1;
                    for (int c = 0; c < checkouts; c++) {
                        t += 20_000 + r.nextInt(280_000);
                        if (!add(s, t, DayEvents.CHECKOUT, Catalog.CHECKOUT_PAGE, Catalog.CART)) {
                            return;
                        }
                    }
                    double buyChance = intent ? 0.5 : 0.33;
                    if (r.nextDouble() < buyChance) {
                        t += 120_000 + r.nextInt(600_000);
                        if (!add(s, t, DayEvents.PURCHASE, Catalog.THANK_YOU_PAGE, Catalog.CHECKOUT_PAGE)) {
                            return;
                        }
                        bought = true;
                    }
                }
            }
        }
        if (!returning) {
            scheduleReturns(r, dayIndex, userSeed, created, agentIndex, uuid, carted && !bought,
                    engagedChance > 0.5 || carted);
        }
    }

    private void scheduleReturns(SplittableRandom r, int dayIndex, long userSeed, int created, int agentIndex,
                                 boolean uuid, boolean cartedWithoutBuying, boolean engaged) {
        scheduleReturnsFrom(r, dayIndex, userSeed, created, agentIndex, uuid, cartedWithoutBuying, engaged);
    }

    /**
     * Visitors who came in the week before the first day return during the first days too, so the first files look
     * like every other (no warm-up dip in returning visitors and purchases).
     */
    private void warmUp(int eventsPerDay) {
        SplittableRandom r = new SplittableRandom(mix(seed, 77));
        int newHumanSessions = (int) (eventsPerDay * (1 - BOT_ROW_SHARE) / 1.45);
        for (int w = -ReturnVisits.HORIZON + 1; w < 0; w++) {
            long daySeconds = epochSecondOfDay(w);
            for (int i = 0; i < newHumanSessions; i++) {
                double x = r.nextDouble();
                boolean carted = x < 0.033;
                boolean engaged = x < 0.085;
                long userSeed = r.nextLong();
                int created = (int) (daySeconds + r.nextInt(86_400));
                int agentIndex = weighted(r, humanAgentWeights);
                boolean uuid = r.nextDouble() < UUID_USER_SHARE;
                scheduleReturnsFrom(r, w, userSeed, created, agentIndex, uuid, carted && !uuid, engaged);
            }
        }
    }

    private void scheduleReturnsFrom(SplittableRandom r, int dayIndex, long userSeed, int created, int agentIndex,
                                     boolean uuid, boolean cartedWithoutBuying, boolean engaged) {
        double chance = cartedWithoutBuying ? 0.6 : engaged ? 0.2 : 0.035;
        if (r.nextDouble() >= chance) {
            return;
        }
        int visits = 1 + (r.nextDouble() < 0.4 ? 1 : 0) + (r.nextDouble() < 0.15 ? 1 : 0);
        int[] days = new int[visits];
        for (int v = 0; v < visits; v++) {
            days[v] = dayIndex + 1 + r.nextInt(ReturnVisits.HORIZON - 1);
        }
        Arrays.sort(days);
        for (int v = 0; v < visits; v++) {
            if (v > 0 && days[v] == days[v - 1]) {
                continue;
            }
            // The last visit of a visitor who left a full cart is the one most likely to end in a purchase.
            boolean intent = cartedWithoutBuying && v == visits - 1 && r.nextDouble() < 0.55;
            if (days[v] >= 0) {
                returns.schedule(days[v], userSeed, created, agentIndex, uuid, intent);
            }
        }
    }

    int pendingReturnVisits() {
        return returns.pending();
    }
}
