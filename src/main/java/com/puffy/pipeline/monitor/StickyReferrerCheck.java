package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * STICKY_REFERRER (an addition to SPEC §6, decision 0403): the share of events after the first of a human session
 * whose referrer is external (a referrer the channel rules would not credit to Direct) jumps from its baseline. In a
 * healthy export those events carry the previous page of the shop or nothing, so the share sits near 0 and its MAD
 * is 0; a jump in points plus an absolute floor decide instead of z. It fires once, on the first day of an episode
 * (the days that stay above that day's level), like VALUE_DRIFT. A tag that keeps repeating the landing referrer
 * makes every visit resumed after a pause land with a stale external referrer, crediting it to a non-direct channel.
 */
final class StickyReferrerCheck implements MonitorCheck {
    static final String METRIC = "non_landing_external_referrer_share";

    @Override
    public String code() {
        return "STICKY_REFERRER";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        if (!data.hasMetric(METRIC)) {
            data.note("transform/daily_metrics.csv has no " + METRIC + " column (an older transform wrote it), so "
                    + "STICKY_REFERRER was not checked.");
            return;
        }
        double points = data.config().stickyReferrerJumpPoints() / 100.0;
        double floor = data.config().stickyReferrerMinShare();
        List<LocalDate> days = new ArrayList<>(data.days().keySet());
        int i = 0;
        while (i < days.size()) {
            LocalDate day = days.get(i);
            Double share = data.days().get(day).get(METRIC);
            Optional<Baseline> baseline = share == null ? Optional.empty() : data.baseline(day, METRIC);
            if (baseline.isEmpty()) {
                if (share != null) {
                    sink.point(day, METRIC, share, null, null, null);
                }
                i++;
                continue;
            }
            double median = baseline.get().median();
            // Both must hold, so the firing level is the larger of the two.
            double threshold = Math.max(floor, median + points);
            sink.point(day, METRIC, share, baseline.get(), null, threshold);
            if (share + 1e-9 < threshold || data.columnMissingOn("referrer", day)) {
                i++;
                continue;
            }
            // An episode: this day and the following days with data that stay above the level of its first day. A
            // sticky tag stays sticky, and after a few days the baseline would hold the episode itself.
            int last = i;
            double highest = share;
            while (last + 1 < days.size()) {
                LocalDate next = days.get(last + 1);
                Double later = data.days().get(next).get(METRIC);
                if (later == null || later + 1e-9 < threshold || data.columnMissingOn("referrer", next)) {
                    break;
                }
                last++;
                highest = Math.max(highest, later);
                sink.point(next, METRIC, later, data.baseline(next, METRIC).orElse(null), null, threshold);
            }
            int length = last - i + 1;
            String span = length == 1 ? "on " + day
                    : "on " + length + " days from " + day + " to " + days.get(last) + " (up to " + Fmt.pct(highest) + ")";
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, METRIC, share, median, threshold,
                    Fmt.pct(share) + " of the events after a session's first event carried an external referrer "
                            + "(baseline median " + Fmt.pct(median) + ", +" + Fmt.points(share - median)
                            + "; fires at " + Fmt.pct(threshold) + "), and the share stayed above that " + span
                            + ": in a healthy export those events carry the shop's previous page or nothing, so the "
                            + "referrer has probably become sticky, repeating the landing's referrer on later events. "
                            + "From " + day + " on, a visit resumed after more than the session gap starts a session "
                            + "whose landing carries a stale external referrer, so that session is credited to "
                            + "Organic Search, Referral or another non-direct channel instead of Direct.",
                    "Ask the owner of the site tag what changed around " + day + " in how the referrer is captured "
                            + "(it should be document.referrer of each page, not a value kept from the landing); "
                            + "until it is fixed, read the non-direct channels in transform/channel_performance.csv "
                            + "from " + day + " on as inflated.",
                    "external referrers on " + Fmt.pct(share) + " of events after a session's first"
                            + (length == 1 ? "" : ", for " + length + " days")));
            i = last + 1;
        }
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        return "external referrers on " + MonitorCheck.upTo(alerts) + Fmt.pct(MonitorCheck.highest(alerts).value())
                + " of events after a session's first";
    }
}
