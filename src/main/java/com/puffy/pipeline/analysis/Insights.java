package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.AlertCount;
import com.puffy.pipeline.analysis.AnalysisResult.AttributionShift;
import com.puffy.pipeline.analysis.AnalysisResult.ChannelModel;
import com.puffy.pipeline.analysis.AnalysisResult.DailyTrend;
import com.puffy.pipeline.analysis.AnalysisResult.FunnelStep;
import com.puffy.pipeline.analysis.AnalysisResult.Insight;
import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.analysis.AnalysisResult.PathBucket;
import com.puffy.pipeline.analysis.AnalysisResult.QualityImpact;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import com.puffy.pipeline.analysis.AnalysisResult.TopProduct;
import com.puffy.pipeline.core.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Short generated sentences stating what the numbers say, one or two per report section. */
final class Insights {
    static final String OVERVIEW = "overview";
    static final String TREND = "trend";
    static final String FUNNEL = "funnel";
    static final String CHANNELS = "channels";
    static final String SEGMENTS = "segments";
    static final String PATH = "path";
    static final String PRODUCTS = "products";
    static final String QUALITY = "quality";
    static final String ALERTS = "alerts";

    private final AnalysisResult r;
    private final List<Insight> out = new ArrayList<>();

    private Insights(AnalysisResult r) {
        this.r = r;
    }

    static List<Insight> write(AnalysisResult draft) {
        Insights insights = new Insights(draft);
        insights.overview();
        insights.trend();
        insights.funnel();
        insights.channels();
        insights.segments();
        insights.path();
        insights.products();
        insights.quality();
        insights.alerts();
        return insights.out;
    }

    /** A day as sentences show it: with its year when the period crosses a new year or the day is of another year. */
    private String day(String isoDate) {
        return Fmt.date(isoDate, r.overview().firstDate(), r.overview().lastDate());
    }

    private void say(String section, String text) {
        out.add(new Insight(section, text));
    }

    private void overview() {
        Kpis k = r.kpis();
        int days = r.overview().periodDays();
        if (k.orders() == 0) {
            // An average of no orders is not $0: it does not exist. A folder of empty files has no period at all
            // ("no orders over 0 days").
            say(OVERVIEW, days == 0 ? "There were no orders: no day has an event row."
                    : "There were no orders over " + r.overview().periodWords() + ".");
        } else {
            say(OVERVIEW, "Revenue was " + Fmt.money(k.revenue()) + " from " + Words.count(k.orders(), "order",
                    "orders") + " over " + r.overview().periodWords() + " (average order " + Fmt.money(k.aov())
                    + ").");
        }
        if (k.events() == 0) {
            say(OVERVIEW, "No row passed the quality checks, so there are no sessions or orders to analyse: the "
                    + "Quality stage's findings say why.");
        } else if (k.sessions() == 0) {
            say(OVERVIEW, "There are no human sessions: bots made " + Fmt.percent(k.botRowShare())
                    + " of the valid rows, and their sessions are left out of the reporting metrics.");
        } else {
            say(OVERVIEW, Fmt.rate(k.sessionCvr()) + " of " + Fmt.count(k.sessions()) + " human sessions converted, "
                    + "earning " + Fmt.money(k.revenuePerSession()) + " per session; bots made "
                    + Fmt.percent(k.botRowShare()) + " of the valid rows and are left out of sessions.");
        }
        ShownFigures.validEventsDisagreement(r.overview(), k).ifPresent(sentence -> say(OVERVIEW, sentence));
    }

    private void trend() {
        List<DailyTrend> days = r.daysWithData();
        if (days.isEmpty()) {
            say(TREND, "There are no days with data.");
            return;
        }
        if (days.size() == 1) {
            DailyTrend only = days.get(0);
            say(TREND, "Only " + day(only.date()) + " has data: " + Fmt.money(only.revenue()) + " from "
                    + Words.count(only.orders(), "order", "orders") + ".");
        } else if (days.stream().allMatch(d -> d.revenue() == 0)) {
            say(TREND, "No day has revenue: check that the purchase event reaches the export.");
        } else {
            compareDays(days);
        }
        long flagged = days.stream().filter(DailyTrend::hasIssues).count();
        if (flagged > 0) {
            say(TREND, flagged + " day" + (flagged == 1 ? " is" : "s are") + " marked in amber: a data-quality "
                    + "finding touches " + (flagged == 1 ? "it" : "them") + " (see Data quality impact).");
        }
    }

    /** The best and weakest day, and the last half of the period against the first. */
    private void compareDays(List<DailyTrend> days) {
        DailyTrend best = days.stream().max(Comparator.comparing(DailyTrend::revenue)).orElseThrow();
        DailyTrend worst = days.stream().min(Comparator.comparing(DailyTrend::revenue)).orElseThrow();
        if (best.revenue() == worst.revenue()) {
            say(TREND, "Every day had the same revenue, " + Fmt.money(best.revenue()) + ".");
            return;
        }
        say(TREND, "The best day was " + day(best.date()) + " with " + Fmt.money(best.revenue()) + " ("
                + Words.count(best.orders(), "order", "orders") + "); the weakest was " + day(worst.date())
                + " with " + Fmt.money(worst.revenue()) + ".");
        if (days.size() >= 4) {
            int half = days.size() / 2;
            double first = days.subList(0, half).stream().mapToDouble(DailyTrend::revenue).sum();
            double second = days.subList(days.size() - half, days.size()).stream().mapToDouble(DailyTrend::revenue)
                    .sum();
            if (first > 0) {
                double change = second / first - 1;
                // The halves are counted in days with data: with a day missing, "the last 7 days" spans 8.
                String unit = days.size() < r.overview().periodDays() ? " days with data" : " days";
                say(TREND, "Revenue in the last " + half + unit + " was " + Fmt.percent(Math.abs(change))
                        + (change >= 0 ? " above" : " below") + " the first " + half + unit + ".");
            }
        }
    }

    private void funnel() {
        List<FunnelStep> steps = r.funnel();
        if (steps.size() < 2) {
            return;
        }
        if (steps.get(0).sessions() == 0) {
            say(FUNNEL, "There are no human sessions, so the funnel is empty.");
            return;
        }
        FunnelStep worst = steps.subList(1, steps.size()).stream()
                .max(Comparator.comparing(FunnelStep::dropOffRate)).orElseThrow();
        int index = steps.indexOf(worst);
        FunnelStep last = steps.get(steps.size() - 1);
        // Steps count sessions containing the event, so a step can hold more sessions than the one before it.
        if (worst.dropOffRate() > 0) {
            say(FUNNEL, "The largest drop is from \u201c" + steps.get(index - 1).label().toLowerCase(Locale.ROOT)
                + "\u201d to \u201c" + worst.label().toLowerCase(Locale.ROOT) + "\u201d: "
                + Fmt.rate(worst.dropOffRate()) + " of sessions do not go on.");
        }
        say(FUNNEL, Fmt.rate(last.rateFromStart()) + " of sessions reach \u201c" + last.label().toLowerCase(Locale.ROOT)
                + "\u201d.");
    }

    private void channels() {
        List<ChannelModel> last = r.channelRevenue("last_click");
        if (r.kpis().orders() == 0) {
            // The section showed its empty tables under no sentence at all.
            say(CHANNELS, "There are no orders, so no channel has revenue or conversions to credit.");
            return;
        }
        if (!last.isEmpty() && last.get(0).revenue() > 0) {
            ChannelModel top = last.get(0);
            say(CHANNELS, top.channel() + " earns the most under last click: " + Fmt.money(top.revenue()) + " ("
                    + Fmt.percent(top.share()) + " of revenue).");
        }
        Optional<AttributionShift> moved = r.attributionShift().stream()
                .max(Comparator.comparing(s -> Math.abs(s.shiftPoints())));
        if (moved.isPresent() && Math.abs(moved.get().shiftPoints()) >= 0.5) {
            AttributionShift s = moved.get();
            String lastShare = Fmt.percent(s.lastClickShare());
            String firstShare = Fmt.percent(s.firstClickShare());
            if (lastShare.equals(firstShare)) {
                // "34% under last click but 34% under first click" contradicts its own "but".
                lastShare = Fmt.percentOneDecimal(s.lastClickShare());
                firstShare = Fmt.percentOneDecimal(s.firstClickShare());
            }
            say(CHANNELS, s.channel() + " earned " + lastShare + " under last click but " + firstShare
                    + " under first click: it "
                    + (s.shiftPoints() > 0 ? "closes sales that other channels opened."
                    : "opens journeys that other channels close."));
        }
    }

    private void segments() {
        if (r.kpis().sessions() == 0) {
            say(SEGMENTS, "There are no human sessions to compare by device, browser or visitor type.");
            return;
        }
        // Segments under 5 % of sessions make noisy comparisons (a few dozen tablet sessions).
        List<Segment> devices = r.segments(AnalysisResult.DEVICE).stream()
                .filter(s -> s.sessions() > 0 && s.sessionShare() >= 0.05).toList();
        if (devices.size() >= 2) {
            Segment best = devices.stream().max(Comparator.comparing(Segment::cvr)).orElseThrow();
            Segment worst = devices.stream().min(Comparator.comparing(Segment::cvr)).orElseThrow();
            if (worst.cvr() > 0 && best.cvr() / worst.cvr() >= 1.15) {
                say(SEGMENTS, best.segment() + " sessions convert at " + Fmt.rate(best.cvr()) + ", "
                        + Fmt.number(best.cvr() / worst.cvr(), 1) + "\u00d7 " + worst.segment().toLowerCase(Locale.ROOT)
                        + " (" + Fmt.rate(worst.cvr()) + ").");
            } else if (worst.cvr() > 0) {
                say(SEGMENTS, best.segment() + " and " + worst.segment().toLowerCase(Locale.ROOT)
                        + " sessions convert alike (" + Fmt.rate(best.cvr()) + " and " + Fmt.rate(worst.cvr()) + ").");
            } else if (best.cvr() > 0) {
                say(SEGMENTS, best.segment() + " sessions convert at " + Fmt.rate(best.cvr()) + "; "
                        + worst.segment().toLowerCase(Locale.ROOT) + " sessions did not convert.");
            } else {
                // The first sentence here is the caption of the app's device chart: without one about devices, the
                // chart of three 0% bars was captioned with the new and returning visitors' sentence.
                say(SEGMENTS, "No session converted on any device.");
            }
        } else if (devices.size() == 1) {
            say(SEGMENTS, devices.get(0).segment() + " sessions make " + Fmt.percent(devices.get(0).sessionShare())
                    + " of sessions and convert at " + Fmt.rate(devices.get(0).cvr())
                    + "; too few sessions on other devices to compare.");
        }
        List<Segment> types = r.segments(AnalysisResult.USER_TYPE);
        // A group without sessions has no conversion rate: "returning visitors convert at 0.0%" would invent one.
        if (types.size() == 2 && types.get(0).sessions() > 0 && types.get(1).sessions() == 0) {
            say(SEGMENTS, "Every session is a new visitor's (first seen in this data); they convert at "
                    + Fmt.rate(types.get(0).cvr()) + ".");
        } else if (types.size() == 2 && types.get(0).sessions() == 0 && types.get(1).sessions() > 0) {
            say(SEGMENTS, "Every session is a returning visitor's; they convert at " + Fmt.rate(types.get(1).cvr())
                    + ".");
        } else if (types.size() == 2 && types.get(0).sessions() + types.get(1).sessions() > 0) {
            // "New" is the client's first session in this data: over a few days most clients are new to it.
            say(SEGMENTS, "New visitors (first seen in this data) make " + Fmt.percent(types.get(0).sessionShare())
                    + " of sessions and convert at "
                    + Fmt.rate(types.get(0).cvr()) + "; returning visitors convert at " + Fmt.rate(types.get(1).cvr())
                    + ".");
        }
    }

    private void path() {
        Kpis k = r.kpis();
        if (k.orders() == 0) {
            say(PATH, "There are no orders to trace back to their first touch.");
            return;
        }
        if (Double.isNaN(k.medianHoursToPurchase())) {
            say(PATH, "No order has a touchpoint in the attribution window yet.");
            return;
        }
        // Every figure here is per order and counts the client's sessions that started in the 7 days up to the
        // purchase (the attribution window): the data cannot tell a first visit ever from one before the window.
        List<PathBucket> sessions = r.pathToPurchase(AnalysisResult.SESSIONS_TO_PURCHASE);
        double single = sessions.isEmpty() ? 0 : sessions.get(0).share();
        say(PATH, "Half of the orders were placed within " + Fmt.hours(k.medianHoursToPurchase())
                + " of the client's first session in the 7 days before the purchase; in " + Fmt.percent(single)
                + " of orders the buying session was the client's only session in those 7 days, and orders had "
                + Fmt.number(k.avgSessionsToPurchase(), 1) + " sessions in that window on average.");
    }

    private void products() {
        List<TopProduct> products = r.topProducts();
        if (products.isEmpty()) {
            say(PRODUCTS, "No purchase items were recorded.");
            return;
        }
        TopProduct top = products.get(0);
        say(PRODUCTS, top.itemName() + " is the top product: " + Fmt.money(top.revenue()) + " from "
                + Words.count(top.units(), "unit", "units") + " (" + Fmt.percent(top.share()) + " of item revenue).");
        long unpriced = products.stream().mapToLong(TopProduct::linesWithoutPrice).sum();
        if (unpriced > 0) {
            say(PRODUCTS, Fmt.count(unpriced) + " purchase line" + (unpriced == 1 ? " has" : "s have")
                    + " no item price, so product revenue is understated.");
        }
    }

    private void quality() {
        Optional<QualityImpact> any = r.qualityImpact("ANY");
        // Quarantined purchases touch no counted order (they never became one), so ANY leaves them out; "every
        // figure can be used as it is" would hide that orders and revenue miss them.
        long quarantined = r.qualityImpact("QUARANTINED_PURCHASES").map(QualityImpact::orders).orElse(0L);
        String missing = Words.count(quarantined, "purchase row was", "purchase rows were")
                + " quarantined and not counted, so orders and revenue are understated.";
        if (r.overview().rowsRead() == 0) {
            // "Every figure can be used as it is" said of a folder of empty files, under a "clean" banner.
            say(QUALITY, "No event row was read, so there is no figure to use: see Quality findings for the files "
                    + "that were empty or skipped.");
            return;
        }
        if (any.isEmpty() || any.get().orders() == 0 && any.get().days() == 0) {
            say(QUALITY, quarantined == 0
                    ? "No data-quality finding touches an order or a day: every figure can be used as it is."
                    : "No data-quality finding touches a counted order or a day, but " + missing);
            return;
        }
        QualityImpact a = any.get();
        if (r.overview().rowsValid() == 0) {
            // "revenue and orders can be used as they are" said of a folder whose every row was set aside.
            say(QUALITY, "No row passed the quality checks, so there are no orders or revenue to use: see Quality "
                    + "findings for why the rows were set aside.");
            return;
        }
        if (a.orders() == 0) {
            // "$0 (0%) of revenue and 0 orders ... the other 100% is clean" said the same at length.
            say(QUALITY, "Data-quality findings touch " + Words.count(a.days(), "day", "days") + " but no order"
                    + (quarantined == 0 ? ": revenue and orders can be used as they are; read the other figures of "
                    + (a.days() == 1 ? "that day" : "those days") + " with care (see Data quality impact)."
                    : "; " + missing));
            return;
        }
        // The two shares of one whole add up to 100% in print (12.5% and 87.5% read 13% and 88% one by one), and
        // read as the quality table's ANY row, whose column may take one decimal for its other rows (decision 0810).
        Fmt.PartOfColumn shares = ShownFigures.qualityShares(r.qualityImpact());
        say(QUALITY, Fmt.money(a.revenue()) + " (" + shares.column().get(r.qualityImpact().indexOf(a))
                + ") of revenue and " + Words.count(a.orders(), "order", "orders")
                + " sit on rows or days touched by a finding; the other " + shares.rest() + " is clean.");
        r.qualityImpact().stream().filter(q -> !q.issue().equals("ANY") && q.revenue() > 0)
                .max(Comparator.comparing(QualityImpact::revenue))
                .ifPresent(q -> say(QUALITY, "The largest is \u201c" + q.description() + "\u201d: "
                        + Fmt.money(q.revenue()) + " of revenue; it affects " + lowerFirst(q.affects()) + "."));
    }

    private void alerts() {
        int alerts = r.alertCounts().stream().mapToInt(AlertCount::alerts).sum();
        int incidents = r.alertCounts().stream().mapToInt(AlertCount::incidents).sum();
        int critical = r.alertCounts().stream().filter(a -> a.severity().equals("CRITICAL"))
                .mapToInt(AlertCount::alerts).sum();
        if (alerts == 0) {
            say(ALERTS, "Monitoring raised no alert over the period.");
            return;
        }
        say(ALERTS, "Monitoring raised " + alerts + " alert" + (alerts == 1 ? "" : "s") + " (" + critical
                + " critical) grouped into " + incidents + " incident" + (incidents == 1 ? "" : "s") + ".");
        if (!r.incidents().isEmpty()) {
            var first = r.incidents().get(0);
            long alike = r.incidents().stream().filter(i -> i.worstSeverity().equals(first.worstSeverity())).count();
            // Incidents come worst first, then by date: with several of the worst severity the first is not "the
            // most severe", only the earliest of them.
            String lead = alike == 1 ? "Most severe: "
                    : "The earliest of the " + alike + " " + first.worstSeverity().toLowerCase(java.util.Locale.ROOT)
                    + " incidents is ";
            say(ALERTS, lead + first.check() + " " + (first.firstDate().equals(first.lastDate())
                    ? "on " + day(first.firstDate()) : "from " + day(first.firstDate()) + " to "
                    + day(first.lastDate())) + (first.summary().isBlank() ? "." : ": " + first.summary()
                    + (first.summary().endsWith(".") ? "" : ".")));
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
