package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * DIRECT_SHARE_SHIFT: last-click Direct share of revenue moves at least the configured points from the median of
 * the baseline days (WARNING). A jump usually means campaign tags or referrers were lost on the way in.
 */
final class DirectShareShiftCheck implements MonitorCheck {
    @Override
    public String code() {
        return "DIRECT_SHARE_SHIFT";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        if (!data.hasMetric(MonitorData.DIRECT_SHARE)) {
            data.note("transform/daily_metrics.csv has no direct_revenue_last_click column, so DIRECT_SHARE_SHIFT "
                    + "was not checked.");
            return;
        }
        double points = data.config().directShareShiftPoints() / 100.0;
        for (Map.Entry<LocalDate, Map<String, Double>> entry : data.days().entrySet()) {
            LocalDate day = entry.getKey();
            Double share = entry.getValue().get(MonitorData.DIRECT_SHARE);
            if (share == null) {
                continue;
            }
            Optional<Baseline> baseline = data.baseline(day, MonitorData.DIRECT_SHARE);
            if (baseline.isEmpty()) {
                sink.point(day, MonitorData.DIRECT_SHARE, share, null, null, null);
                continue;
            }
            double median = baseline.get().median();
            double minZ = data.config().directShareMinZ();
            // Both conditions must hold, so the firing distance is the larger of the two.
            double width = Math.max(points, minZ * baseline.get().sigma());
            sink.point(day, MonitorData.DIRECT_SHARE, share, baseline.get(), median - width, median + width);
            double shift = share - median;
            if (Math.abs(shift) + 1e-9 < points || Math.abs(baseline.get().z(share)) < minZ) {
                continue;
            }
            boolean up = shift > 0;
            Explanation why = explanation(data, day, up);
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, MonitorData.DIRECT_SHARE, share, median,
                    up ? median + width : median - width,
                    "Direct earned " + Fmt.pct(share) + " of last-click revenue vs a baseline median of "
                            + Fmt.pct(median) + " (" + (up ? "+" : "−") + Fmt.points(shift) + "): "
                            + why.cause() + ".",
                    why.nextCheck(),
                    "Direct share of revenue " + Fmt.pct(share) + " (baseline " + Fmt.pct(median) + ")"));
        }
    }

    /** What probably moved the share (the message's end, without its full stop) and what to check next. */
    private record Explanation(String cause, String nextCheck) {
    }

    /** A rise is explained by lost campaign tags or a missing referrer column; a fall never by the column. */
    private static Explanation explanation(MonitorData data, LocalDate day, boolean up) {
        boolean referrerMissing = data.columnMissingOn("referrer", day);
        // A missing referrer column explains a rise of Direct, never a fall.
        if (up && referrerMissing) {
            return new Explanation("the referrer column is missing from this day's file, so sessions that came from "
                    + "search, social or referral sites now count as Direct",
                    "Have the referrer column restored (see the SCHEMA_DRIFT alert); until then channel reports for "
                    + "these days overstate Direct.");
        }
        if (up) {
            return new Explanation("campaign parameters were probably lost (a redirect or consent banner stripping "
                    + "utm_*/gclid); the referrer column was there, so it is not a missing column",
                    "Open the landing URLs of " + day + " in transform/sessions.csv: if utm_* and click ids are "
                    + "missing, check redirects and the consent banner"
                    + (schemaDriftAround(data, day) ? "; see also the SCHEMA_DRIFT alerts."
                    : "; if they are there, look at the day's largest orders in transform/conversions.csv "
                    + "(channel_last_click): on about " + Fmt.count(data.baseline(day, "conversions")
                    .map(Baseline::median).orElse(0.0)) + " orders a day, a few large Direct orders move this share."));
        }
        // Days without the referrer column are not in the baseline (MonitorData.baseline), so neither a fall on a gap
        // day nor one on the day the column is back is measured against the Direct share the gap inflated.
        if (referrerMissing) {
            return new Explanation("the referrer column is missing from this day's file, which can only raise Direct, "
                    + "so it does not explain the fall: a campaign probably took over sessions that used to arrive "
                    + "directly",
                    "Check which channel gained in transform/channel_performance.csv; read Direct for the days "
                    + "without a referrer column with care (see the SCHEMA_DRIFT alert).");
        }
        return new Explanation("a campaign probably took over sessions that used to arrive directly",
                "Check which channel gained in transform/channel_performance.csv and whether that campaign was "
                + "planned.");
    }

    /**
     * Whether the files changed their columns on {@code day} or its baseline days: only then is there a SCHEMA_DRIFT
     * alert to look at (pointing to one on a day without drift sent the analyst looking for an alert that is not there).
     */
    private static boolean schemaDriftAround(MonitorData data, LocalDate day) {
        return data.drift().stream().anyMatch(row -> row.date() != null && !row.change().isEmpty()
                && !row.change().equals("VALUE_DRIFT")
                && !row.date().isAfter(day) && !row.date().isBefore(day.minusDays(7)));
    }
}
