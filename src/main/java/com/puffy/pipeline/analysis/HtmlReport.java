package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.AlertCount;
import com.puffy.pipeline.analysis.AnalysisResult.AttributionShift;
import com.puffy.pipeline.analysis.AnalysisResult.DailyTrend;
import com.puffy.pipeline.analysis.AnalysisResult.FindingCount;
import com.puffy.pipeline.analysis.AnalysisResult.FunnelStep;
import com.puffy.pipeline.analysis.AnalysisResult.Incident;
import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.analysis.AnalysisResult.Overview;
import com.puffy.pipeline.analysis.AnalysisResult.PathBucket;
import com.puffy.pipeline.analysis.AnalysisResult.QualityImpact;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import com.puffy.pipeline.analysis.AnalysisResult.TopProduct;
import com.puffy.pipeline.analysis.ReportTables.ChannelPivotRow;
import com.puffy.pipeline.core.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders {@code report/report.html}: one self-contained page (inline CSS and SVG, no script, no network) that is
 * also well-formed XML, so tests can check it with a strict parser. Every text that comes from the data goes
 * through {@link #escape(String)}; the renderer decides no metric.
 */
final class HtmlReport {
    private final AnalysisResult r;
    private final String version;
    private final StringBuilder html = new StringBuilder(256 * 1024);
    /** Whether a section's heading block is open: it keeps the heading with the section's first chart in print. */
    private boolean leadOpen;

    private HtmlReport(AnalysisResult r, String version) {
        this.r = r;
        this.version = version;
    }

    static String render(AnalysisResult result, String version) {
        return xmlCharacters(new HtmlReport(result, version).page());
    }

    /**
     * The page with every character XML 1.0 forbids replaced by U+FFFD: control characters, U+FFFE/U+FFFF and
     * unpaired surrogates from the data reach the page through the charts too (JFreeSVG escapes markup, not these),
     * and a single one made the whole report unreadable to an XML parser.
     */
    static String xmlCharacters(String page) {
        StringBuilder out = null;
        for (int i = 0; i < page.length(); i++) {
            char c = page.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < page.length() && Character.isLowSurrogate(page.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(page.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE);
            if (!allowed && out == null) {
                out = new StringBuilder(page.length());
                out.append(page, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out == null ? page : out.toString();
    }

    /**
     * Escaped text in which a name quoted in backticks (monitoring's "`referrer` missing") is set as code: the
     * page showed the backticks themselves, markup a reader of a web page does not read as quotes.
     */
    static String prose(String text) {
        return escape(text).replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    /** Escapes text for HTML and XML content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0; the data may carry them.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A figure that does not exist (a rate or share of nothing), as the daily table's average of no order. */
    static final String NONE = ShownFigures.NONE;

    /** Whether the period crosses a new year, so short dates carry their year. */
    private boolean yearly() {
        return Fmt.spansYears(r.overview().firstDate(), r.overview().lastDate());
    }

    /**
     * What the CSVs' plain numbers are, since their headers (read back by the app) carry no unit: a spreadsheet shows
     * {@code session_cvr} 0.0101 and {@code revenue} 77140.67 without saying they are 1.01 % and dollars.
     */
    static final String CSV_UNITS = "In them, money is in dollars to the cent (revenue credited by attribution is "
            + "rounded so that each model's channels add up to the total revenue, as are credited conversions to the "
            + "orders); rates and shares are fractions (0.0101 is 1.01%); shift_points are percentage points; hours "
            + "are hours; a blank cell is a figure that is not known.";

    /** A day beside the period: a FRESHNESS incident is dated on the run's day, often in another year. */
    private String inPeriod(String isoDate) {
        return Fmt.date(isoDate, r.overview().firstDate(), r.overview().lastDate());
    }

    private String page() {
        Overview o = r.overview();
        String period = ShownFigures.period(o.firstDate(), o.lastDate());
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Marketing performance report \u00b7 ").append(escape(period)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(o, period);
        kpis();
        trustBanner();
        trend();
        funnel();
        channels();
        segments();
        path();
        products();
        quality();
        alerts();
        findings();
        html.append("<footer id=\"report-end\"><p>Generated by Event Pipeline Studio ").append(escape(version))
                .append(" from ").append(escape(Words.count(o.files(), "input file", "input files")))
                .append(". Every table of this page is ")
                .append("also in this folder as CSV: ").append(escape(String.join(", ", ReportTables.FILES)))
                .append(". ").append(escape(CSV_UNITS)).append("</p><p>Definitions: sessions and conversion rates exclude bot sessions; revenue and ")
                .append("orders include every valid purchase; attribution uses the sessions that started within ")
                .append("7 days before each purchase; a new visitor is a client first seen in this data, whatever ")
                .append("came before it.</p></footer>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void header(Overview o, String period) {
        html.append("<header class=\"top\"><div><p class=\"eyebrow\">Event Pipeline Studio \u00b7 analysis report</p>")
                .append("<h1>Marketing performance</h1>")
                .append("<p class=\"sub\">").append(escape(period)).append(" \u00b7 ")
                .append(o.periodWords()).append(" \u00b7 ")
                .append(Words.count(o.eventFiles(), "event file", "event files")).append(" \u00b7 ")
                .append(ShownFigures.validRowsOfRowsRead(o)).append("</p></div></header>\n");
        html.append("<section class=\"summary\">");
        for (String sentence : r.insights(Insights.OVERVIEW)) {
            html.append("<p>").append(prose(sentence)).append("</p>");
        }
        html.append("</section>\n");
    }

    private void kpis() {
        Kpis k = r.kpis();
        html.append("<section class=\"tiles\">");
        tile("Revenue", Fmt.money(k.revenue()), Words.count(k.orders(), "order", "orders"), true);
        tile("Orders", Fmt.count(k.orders()), "median order " + ShownFigures.medianOrder(k), false);
        // Without orders there is no average order, without sessions no rate or share of them: the tables' dash
        // (decision 0760), as the app's tiles write it (ShownFigures): "n/a" beside "–" read as two kinds of missing.
        tile("Average order value", ShownFigures.averageOrder(k), "revenue \u00f7 orders", false);
        tile("Sessions", Fmt.count(k.sessions()), "bots excluded", false);
        tile("Conversion rate", ShownFigures.conversionRate(k), Words.count(k.convertedSessions(),
                "converted session", "converted sessions"), false);
        tile("Revenue per session", ShownFigures.revenuePerSession(k), "revenue \u00f7 sessions", false);
        html.append("</section>\n<section class=\"tiles small\">");
        tile("Single-event sessions", ShownFigures.singleEventShare(k), "sessions with one event", false);
        tile("New visitors", ShownFigures.newVisitorShare(k), "of sessions", false);
        tile("Bot share", ShownFigures.botShare(k), "of valid rows", false);
        tile("First touch to purchase", ShownFigures.timeToPurchase(k), Double.isNaN(k.avgSessionsToPurchase())
                ? "median; no order has a touchpoint yet" : "median, " + Fmt.number(k.avgSessionsToPurchase(), 1)
                + " sessions on average", false);
        html.append("</section>\n");
    }

    private void tile(String label, String value, String note, boolean accent) {
        html.append("<div class=\"tile").append(accent ? " accent" : "").append("\"><div class=\"label\">")
                .append(escape(label)).append("</div><div class=\"value\">").append(escape(value))
                .append("</div><div class=\"note\">").append(escape(note)).append("</div></div>");
    }

    private void trustBanner() {
        Optional<QualityImpact> any = r.qualityImpact("ANY");
        boolean clean = (any.isEmpty() || (any.get().orders() == 0 && any.get().days() == 0))
                && r.qualityImpact("QUARANTINED_PURCHASES").isEmpty() && r.overview().rowsValid() > 0
                && ShownFigures.validEventsDisagreement(r.overview(), r.kpis()).isEmpty();
        html.append("<a class=\"trust ").append(clean ? "ok" : "warn").append("\" href=\"#quality\"><strong>")
                .append(clean ? "Data quality: clean. " : "Data quality: read with care. ").append("</strong>");
        for (String sentence : r.insights(Insights.QUALITY)) {
            html.append(prose(sentence)).append(' ');
        }
        html.append("</a>\n");
    }

    private void section(String id, String title, String section) {
        // In print a heading and its sentences stayed at the foot of a page while the chart they introduce, kept
        // whole, moved to the next: Chromium does not honour break-after:avoid before an unbreakable block, so the
        // heading, the sentences and the first chart share one block that is kept whole.
        html.append("<section class=\"card\" id=\"").append(id).append("\"><div class=\"lead\"><h2>")
                .append(escape(title)).append("</h2>");
        leadOpen = true;
        List<String> sentences = r.insights(section);
        if (!sentences.isEmpty()) {
            html.append("<p class=\"insight\">");
            for (String sentence : sentences) {
                html.append(prose(sentence)).append(' ');
            }
            html.append("</p>");
        }
    }

    private void endSection() {
        closeLead();
        html.append("</section>\n");
    }

    private void closeLead() {
        if (leadOpen) {
            html.append("</div>");
            leadOpen = false;
        }
    }

    private void empty(String sentence) {
        html.append("<p class=\"empty\">").append(escape(sentence)).append("</p>");
    }

    private void csvNote(String file) {
        html.append("<p class=\"csv\">Table as CSV: ").append(escape(file)).append("</p>");
    }

    private void trend() {
        section("trend", "Daily trend", Insights.TREND);
        List<DailyTrend> days = r.daysWithData();
        if (!days.isEmpty()) {
            // A chart of nothing drew an empty frame with an axis of "-0% ... 0%": a sentence says it instead.
            html.append("<h3>Revenue per day</h3>");
            ShownFigures.DailyChart revenueChart = ShownFigures.revenueChart(days);
            if (revenueChart == ShownFigures.DailyChart.ONE_DAY) {
                // As the sessions chart below: one bar on an axis of one day tells nothing the table does not.
                empty("One day of data: its revenue is in the table below.");
            } else if (revenueChart == ShownFigures.DailyChart.DRAWN) {
                html.append(shown(Charts.dailyRevenue(days, "chart-revenue")));
                boolean flagged = days.stream().anyMatch(DailyTrend::hasIssues);
                if (flagged || !r.missingDays().isEmpty()) {
                    html.append("<p class=\"legend\">");
                    if (flagged) {
                        html.append("<span class=\"swatch navy\"></span>clean day ")
                                .append("<span class=\"swatch amber\"></span>day touched by a data-quality finding ");
                    }
                    html.append(noDataKey()).append("</p>");
                }
            } else {
                empty("No revenue on any day, so there is no chart.");
            }
            closeLead();
            if (days.size() == 1 && days.get(0).sessions() > 0) {
                // One point on an axis of one day tells nothing the table does not.
                html.append("<h3>Sessions and conversion rate per day</h3>");
                empty("One day of data: its sessions and conversion rate are in the table below.");
            } else if (days.stream().anyMatch(d -> d.sessions() > 0)) {
                html.append("<div class=\"pair\"><div><h3>Sessions per day</h3>")
                        .append(shown(Charts.dailyLine(days, false, "chart-sessions")))
                        .append("</div><div><h3>Session conversion rate</h3>")
                        .append(shown(Charts.dailyLine(days, true, "chart-cvr"))).append("</div></div>");
                if (!r.missingDays().isEmpty()) {
                    html.append("<p class=\"legend\">").append(noDataKey()).append("</p>");
                }
            } else {
                html.append("<h3>Sessions and conversion rate per day</h3>");
                empty("No human sessions on any day, so there are no charts.");
            }
        }
        // A day without event rows keeps its place in the table, saying so: skipped, it read as if the period had
        // one day fewer, and the charts above mark it "no data".
        java.util.TreeMap<String, List<String>> byDate = new java.util.TreeMap<>();
        String none = "\u2013";
        // Each column in one precision: "12%" above "1.0%" in the client-id column read as two kinds of figure.
        List<DailyTrend> withRows = r.daily().stream().filter(DailyTrend::hasEventRows).toList();
        java.util.Iterator<String> botShares = Fmt.percentColumn(withRows.stream().map(DailyTrend::botShare).toList())
                .iterator();
        java.util.Iterator<String> clientIdNullRates = Fmt.percentColumn(withRows.stream()
                .map(DailyTrend::clientIdNullRate).toList()).iterator();
        for (DailyTrend d : r.daily()) {
            if (!d.hasEventRows()) {
                // Its alerts count (the missing partition is one): a dash there read as "no alert on this day".
                byDate.put(d.date(), List.of(Fmt.date(d.date(), yearly()), none, none, none, none, none, none, none,
                        Integer.toString(d.alerts()), d.issues()));
                continue;
            }
            byDate.put(d.date(), List.of(Fmt.date(d.date(), yearly()), Fmt.money(d.revenue()), Fmt.count(d.orders()),
                    d.orders() == 0 ? "\u2013" : Fmt.money(d.aov()),
                    Fmt.count(d.sessions()), d.sessions() == 0 ? NONE : Fmt.rate(d.sessionCvr()),
                    botShares.next(), clientIdNullRates.next(), Integer.toString(d.alerts()), d.issues()));
        }
        for (String missing : r.missingDays()) {
            byDate.putIfAbsent(missing, List.of(Fmt.date(missing, yearly()), none, none, none, none, none, none, none,
                    none, DailyTrend.NO_EVENT_ROWS));
        }
        List<List<String>> rows = new ArrayList<>(byDate.values());
        // "client id" kept on one line: at 800 px "No / client / id" stood three lines tall over figures of five
        // characters; with it whole the header row takes two, and the column a few pixels more.
        if (table(List.of("Date", "Revenue", "Orders", "AOV", "Sessions", "Conv. rate", "Bot share", "No client\u00a0id",
                "Alerts", "Data issues"), "drrrrrrrri", rows, rows.size() > 31)) {
            csvNote(ReportTables.DAILY);
        }
        endSection();
    }

    /** Runs of missing days the legend names; the rest are counted. */
    static final int NAMED_NO_DATA_RUNS = 4;

    /**
     * The grey band's key, naming the days without event rows: on a chart of a few weeks the band says "no data",
     * but a band narrower than its text (a day of a year's chart, about a pixel) says nothing by itself.
     */
    private String noDataKey() {
        if (r.missingDays().isEmpty()) {
            return "";
        }
        List<List<String>> runs = Charts.runs(r.missingDays());
        List<String> named = new ArrayList<>();
        int more = 0;
        for (List<String> run : runs) {
            if (named.size() < NAMED_NO_DATA_RUNS) {
                String first = Fmt.date(run.get(0), yearly());
                named.add(run.size() == 1 ? first : first + " \u2013 " + Fmt.date(run.get(run.size() - 1), yearly()));
            } else {
                more += run.size();
            }
        }
        return "<span class=\"swatch nodata\"></span>no data (no event rows): " + escape(String.join(", ", named))
                + (more > 0 ? escape(" and " + Words.count(more, "more day", "more days")) : "");
    }

    private void funnel() {
        section("funnel", "Funnel", Insights.FUNNEL);
        if (!r.funnel().isEmpty() && r.funnel().get(0).sessions() > 0) {
            html.append("<h3>Sessions reaching each step</h3>").append(shown(Charts.funnel(r.funnel(), "chart-funnel")));
        } else {
            empty("No human sessions, so there is no funnel chart.");
        }
        closeLead();
        List<List<String>> rows = new ArrayList<>();
        long start = r.funnel().isEmpty() ? 0 : r.funnel().get(0).sessions();
        long previous = start;
        for (FunnelStep s : r.funnel()) {
            boolean first = rows.isEmpty();
            // Every rate of the funnel in the conversion-rate format (Fmt.rate), as the chart and the sentences
            // read them: a row read "100%" from the previous step beside "100.0%" from the start. A rate of no
            // sessions is none, as on the tiles: "0.0%" of nothing read as a measured rate.
            rows.add(List.of(s.label(), Fmt.count(s.sessions()),
                    first ? "" : ShownFigures.fromPrevious(s, previous),
                    ShownFigures.fromStart(s, start), first ? "" : Fmt.count(s.dropOff()),
                    first ? "" : previous == 0 ? NONE : Fmt.rate(s.dropOffRate())));
            previous = s.sessions();
        }
        if (table(List.of("Step", "Sessions", "From previous", "From start", "Lost", "Drop-off"), "lrrrrr", rows, false)) {
            csvNote(ReportTables.FUNNEL);
        }
        endSection();
    }

    private void channels() {
        section("channels", "Channels and attribution", Insights.CHANNELS);
        // Without an order every channel has $0 under every model: the chart was an empty frame of channel names,
        // and the table's shares of $0 read "0%" and its shifts "0.0 pts" (decision 0760: a share of nothing is "–").
        boolean credited = ShownFigures.anyChannelCredited(r);
        if (!r.attributionShift().isEmpty()) {
            html.append("<h3>Revenue by channel: first click versus last click</h3>");
            if (credited) {
                html.append(shown(Charts.attribution(r.attributionShift(), "chart-attribution")));
            } else {
                empty("No revenue to credit to a channel, so there is no chart.");
            }
        }
        closeLead();
        List<List<String>> rows = new ArrayList<>();
        // The shift is read as the difference of the two shares beside it, so it is computed from them as shown
        // (attribution_shift.csv keeps the exact one): 1.7% and 2.1% beside "+0.3 pts" (exactly 0.34) read as a slip.
        Fmt.ShareShift shares = Fmt.shareShift(
                r.attributionShift().stream().map(AttributionShift::firstClickShare).toList(),
                r.attributionShift().stream().map(AttributionShift::lastClickShare).toList());
        for (int i = 0; i < r.attributionShift().size(); i++) {
            AttributionShift s = r.attributionShift().get(i);
            rows.add(List.of(s.channel(), Fmt.money(s.firstClickRevenue()), credited ? shares.first().get(i) : NONE,
                    Fmt.money(s.lastClickRevenue()), credited ? shares.second().get(i) : NONE,
                    credited ? shares.shifts().get(i) : NONE));
        }
        html.append("<h3>Shift between first and last click</h3>");
        if (table(List.of("Channel", "First click", "Share", "Last click", "Share", "Shift"), "lrrrrr", rows, false)) {
            csvNote(ReportTables.SHIFT);
        }
        html.append("<h3>Revenue by channel under each attribution model</h3>");
        List<String> header = new ArrayList<>(List.of("Channel", "Sessions"));
        AnalysisResult.MODELS.forEach(m -> header.add(Fmt.model(m)));
        List<List<String>> pivot = new ArrayList<>();
        for (ChannelPivotRow row : ReportTables.channelPivot(r)) {
            List<String> cells = new ArrayList<>(List.of(row.channel(), Fmt.count(row.sessions())));
            AnalysisResult.MODELS.forEach(m -> cells.add(Fmt.money(row.revenueByModel().getOrDefault(m, 0.0))));
            pivot.add(cells);
        }
        if (table(header, "lrrrrrrr", pivot, false)) {
            csvNote(ReportTables.CHANNEL_BY_MODEL + " (long form with shares: " + ReportTables.CHANNEL_REVENUE + ")");
        }
        html.append("<h3>Conversions credited to each channel under each attribution model</h3>");
        List<List<String>> conversions = new ArrayList<>();
        for (ChannelPivotRow row : ReportTables.channelPivot(r)) {
            List<String> cells = new ArrayList<>(List.of(row.channel(), Fmt.count(row.sessions())));
            AnalysisResult.MODELS.forEach(m -> cells.add(Fmt.number(row.conversionsByModel().getOrDefault(m, 0.0),
                    1)));
            conversions.add(cells);
        }
        if (table(header, "lrrrrrrr", conversions, false)) {
            csvNote(ReportTables.CONVERSIONS_BY_MODEL);
        }
        endSection();
    }

    private void segments() {
        section("segments", "Devices, browsers and visitors", Insights.SEGMENTS);
        List<Segment> devices = r.segments(AnalysisResult.DEVICE);
        List<Segment> types = r.segments(AnalysisResult.USER_TYPE);
        ShownFigures.SegmentChart drawn = ShownFigures.segmentChart(devices);
        if (drawn == ShownFigures.SegmentChart.DRAWN) {
            html.append("<div class=\"pair\"><div><h3>Conversion rate by device</h3>")
                    .append(shown(Charts.segmentCvr(devices, "chart-devices", "Conversion rate by device")))
                    .append("</div><div><h3>New versus returning visitors</h3>")
                    .append(shown(Charts.segmentCvr(types, "chart-visitors", "Conversion rate of new and returning visitors")))
                    .append("</div></div>");
        } else if (drawn == ShownFigures.SegmentChart.NO_CONVERSION) {
            // Bars of 0.0% on an axis of nothing: two empty frames under "No session converted on any device."
            empty("No session converted, so there are no charts of conversion by device or visitor type: every rate "
                    + "in the table below is " + Fmt.rate(0) + ".");
        } else {
            empty("No human sessions, so there are no charts of conversion by device or visitor type.");
        }
        closeLead();
        List<List<String>> rows = new ArrayList<>();
        List<Segment> segments = r.segments().stream().filter(s -> !s.dimension().equals(AnalysisResult.REFERRER))
                .toList();
        List<String> shares = sharesWithin(segments, Segment::dimension, Segment::sessionShare);
        java.util.Map<String, Long> sessionsByDimension = new java.util.HashMap<>();
        segments.forEach(s -> sessionsByDimension.merge(s.dimension(), s.sessions(), Long::sum));
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean none = s.sessions() == 0;
            rows.add(List.of(dimension(s.dimension()), s.segment(), Fmt.count(s.sessions()),
                    sessionsByDimension.get(s.dimension()) == 0 ? NONE : shares.get(i), Fmt.count(s.converted()),
                    ShownFigures.segmentRate(s), Fmt.money(s.revenue()),
                    none ? NONE : Fmt.money(s.revenuePerSession())));
        }
        boolean any = table(List.of("Dimension", "Segment", "Sessions", "Share", "Converted", "Conv. rate", "Revenue",
                "Per session"), "llrrrrrr", rows, false);
        List<List<String>> referrers = new ArrayList<>();
        List<Segment> topReferrers = r.segments(AnalysisResult.REFERRER);
        List<String> referrerShares = Fmt.percentColumn(topReferrers.stream().map(Segment::sessionShare).toList());
        for (int i = 0; i < topReferrers.size(); i++) {
            Segment s = topReferrers.get(i);
            referrers.add(List.of(s.segment(), Fmt.count(s.sessions()), referrerShares.get(i),
                    Fmt.count(s.converted()), Fmt.rate(s.cvr()), Fmt.money(s.revenue())));
        }
        html.append("<h3>Top referring sites</h3>");
        boolean anyReferrer = table(List.of("Referrer", "Sessions", "Share", "Converted", "Conv. rate", "Revenue"),
                "lrrrrr", referrers, false);
        // One file holds both tables: its note goes with either that has rows.
        if (any || anyReferrer) {
            csvNote(ReportTables.SEGMENTS + " (device, browser, user_type and referrer rows)");
        }
        endSection();
    }

    /**
     * The printed shares of rows that make up wholes, one whole per group (a dimension, a measure), each group
     * rounded to add up to 100% ({@link Fmt#shares}); the rows of a group may lie apart.
     */
    static <T> List<String> sharesWithin(List<T> rows, java.util.function.Function<T, String> group,
                                         java.util.function.ToDoubleFunction<T> share) {
        java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(group.apply(rows.get(i)), g -> new ArrayList<>()).add(i);
        }
        String[] out = new String[rows.size()];
        for (List<Integer> members : groups.values()) {
            List<String> shares = Fmt.shares(members.stream().map(i -> share.applyAsDouble(rows.get(i))).toList());
            for (int k = 0; k < members.size(); k++) {
                out[members.get(k)] = shares.get(k);
            }
        }
        return List.of(out);
    }

    private static String dimension(String dimension) {
        return switch (dimension) {
            case AnalysisResult.DEVICE -> "Device";
            case AnalysisResult.BROWSER -> "Browser";
            case AnalysisResult.USER_TYPE -> "Visitor";
            default -> dimension;
        };
    }

    private void path() {
        section("path", "From first touch to purchase", Insights.PATH);
        List<PathBucket> time = r.pathToPurchase(AnalysisResult.TIME_TO_PURCHASE);
        List<PathBucket> sessions = r.pathToPurchase(AnalysisResult.SESSIONS_TO_PURCHASE);
        if (time.stream().anyMatch(b -> b.orders() > 0)) {
            html.append("<div class=\"pair\"><div><h3>Time from first touch</h3>")
                    .append(shown(Charts.pathBuckets(time, "chart-time", "Orders by time from first touch to purchase")))
                    .append("</div><div><h3>Sessions from first touch</h3>")
                    .append(shown(Charts.pathBuckets(sessions, "chart-touches",
                            "Orders by sessions in the 7 days up to the purchase")))
                    .append("</div></div>");
        } else {
            empty("No order has a touchpoint in the attribution window, so there are no charts.");
        }
        closeLead();
        List<List<String>> rows = new ArrayList<>();
        List<String> shares = sharesWithin(r.pathToPurchase(), PathBucket::measure, PathBucket::share);
        java.util.Map<String, Long> ordersByMeasure = new java.util.HashMap<>();
        r.pathToPurchase().forEach(b -> ordersByMeasure.merge(b.measure(), b.orders(), Long::sum));
        for (int i = 0; i < r.pathToPurchase().size(); i++) {
            PathBucket b = r.pathToPurchase().get(i);
            rows.add(List.of(b.measure().equals(AnalysisResult.TIME_TO_PURCHASE) ? "Time" : "Sessions", b.bucket(),
                    Fmt.count(b.orders()), ordersByMeasure.get(b.measure()) == 0 ? NONE : shares.get(i),
                    Fmt.money(b.revenue())));
        }
        if (table(List.of("Measure", "Bucket", "Orders", "Share", "Revenue"), "llrrr", rows, false)) {
            csvNote(ReportTables.PATH);
        }
        endSection();
    }

    private void products() {
        section("products", "Top products", Insights.PRODUCTS);
        if (!r.topProducts().isEmpty()) {
            html.append("<h3>Revenue of the top products</h3>").append(shown(Charts.topProducts(r.topProducts(),
                    "chart-products")));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> productShares = Fmt.percentColumn(r.topProducts().stream().map(TopProduct::share).toList());
        for (int i = 0; i < r.topProducts().size(); i++) {
            TopProduct p = r.topProducts().get(i);
            rows.add(List.of(Integer.toString(p.rank()), p.itemName(), Fmt.count(p.orders()), Fmt.count(p.units()),
                    Fmt.money(p.revenue()), productShares.get(i), Fmt.count(p.linesWithoutPrice())));
        }
        if (table(List.of("#", "Product", "Orders", "Units", "Revenue", "Share", "Lines without price"), "rlrrrrr", rows,
                false)) {
            csvNote(ReportTables.PRODUCTS + " (revenue is the sum of item_price, a line total)");
        }
        endSection();
    }

    private void quality() {
        section("quality", "Data quality impact", Insights.QUALITY);
        List<List<String>> rows = new ArrayList<>();
        // The rows overlap, so their shares are not of one whole: one precision for the column, the ANY row's
        // share rounded with the clean rest its guidance and the quality sentence quote (decision 0810).
        List<String> shares = ShownFigures.qualityShares(r.qualityImpact()).column();
        for (int i = 0; i < r.qualityImpact().size(); i++) {
            QualityImpact q = r.qualityImpact().get(i);
            rows.add(List.of(q.description(), Fmt.count(q.days()), Fmt.count(q.orders()), Fmt.money(q.revenue()),
                    r.kpis().revenue() == 0 ? NONE : shares.get(i), q.affects(), q.guidance()));
        }
        if (table(List.of("Issue", "Days", "Orders", "Revenue", "Share", "Affects", "What to do"), "lrrrrll", rows, false)) {
            csvNote(ReportTables.QUALITY);
        }
        endSection();
    }

    private void alerts() {
        section("alerts", "Monitoring alerts", Insights.ALERTS);
        html.append("<div class=\"chips\">");
        for (AlertCount a : r.alertCounts()) {
            html.append("<span class=\"chip ").append(escape(a.severity().toLowerCase(java.util.Locale.ROOT)))
                    .append("\">").append(escape(a.severity())).append(": ").append(a.alerts()).append(" alert")
                    .append(a.alerts() == 1 ? "" : "s").append(", ").append(a.incidents()).append(" incident")
                    .append(a.incidents() == 1 ? "" : "s").append("</span>");
        }
        html.append("</div>");
        csvNote(ReportTables.ALERTS);
        List<List<String>> rows = new ArrayList<>();
        for (Incident i : r.incidents()) {
            rows.add(List.of(i.worstSeverity(), i.check(), inPeriod(i.firstDate())
                    + (i.firstDate().equals(i.lastDate()) ? "" : " \u2013 " + inPeriod(i.lastDate())),
                    Integer.toString(i.alerts()), i.summary()));
        }
        if (!rows.isEmpty()) {
            html.append("<h3>Incidents</h3>");
            if (table(List.of("Severity", "Check", "Dates", "Alerts", "Summary"), "lldrl", rows, false)) {
                csvNote(ReportTables.INCIDENTS);
            }
        }
        endSection();
    }

    private void findings() {
        html.append("<section class=\"card\" id=\"findings\"><h2>Quality findings</h2><p class=\"insight\">")
                .append(Fmt.count(r.overview().rowsRead())).append(" rows read: ")
                .append(Fmt.count(r.overview().rowsValid())).append(" valid, ")
                .append(Fmt.count(r.overview().rowsQuarantined())).append(" quarantined, ")
                .append(Fmt.count(r.overview().rowsDuplicate())).append(" dropped as duplicates.</p>");
        List<List<String>> rows = new ArrayList<>();
        for (FindingCount f : r.findings()) {
            rows.add(List.of(f.severity(), f.code(), Fmt.count(f.findings())));
        }
        if (table(List.of("Severity", "Code", "Findings"), "llr", rows, false)) {
            csvNote(ReportTables.FINDINGS);
        }
        endSection();
    }

    /**
     * Writes the table, or says it has no rows; returns whether there was a table. The note naming its CSV file is
     * for a table shown: beside "no rows" it offered a file of a header alone, as if there were something to open.
     */
    private boolean table(List<String> header, String align, List<List<String>> rows, boolean scroll) {
        closeLead();
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">Nothing to show.</p>");
            return false;
        }
        // A table wider than a phone's window scrolls inside its card; left to widen the page, it made a phone's
        // browser zoom the whole report out to fit it.
        html.append(scroll ? "<div class=\"scroll\">" : "<div class=\"fit\">").append("<table><thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            html.append("<th class=\"").append(cellClass(align.charAt(i))).append("\">")
                    .append(escape(header.get(i))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                char a = align.charAt(i);
                html.append("<td class=\"").append(cellClass(a)).append("\">")
                        .append(a == 'r' ? escape(row.get(i)) : a == 'i' ? issues(row.get(i)) : prose(row.get(i)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
        return true;
    }

    /** Column letters: {@code r} a number, {@code d} a date, {@code i} a "; "-separated list of issues, else text. */
    private static String cellClass(char align) {
        return switch (align) {
            case 'r' -> "num";
            case 'd' -> "date";
            case 'i' -> "txt issues";
            default -> "txt";
        };
    }

    /**
     * One issue per line: run together, "zero-revenue orders (1); item prices missing (1)" broke wherever the narrow
     * column ended ("zero-revenue / orders (1); / item prices / missing (1)" at 800 px).
     */
    static String issues(String text) {
        if (text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String issue : text.split("; ")) {
            out.append("<span class=\"issue\">").append(prose(issue)).append("</span>");
        }
        return out.toString();
    }

    /**
     * A chart twice, wide and narrow, the page's CSS showing the one that fits: a drawing scaled to a narrow page
     * shrinks its text with it.
     */
    private static String shown(Charts.Drawing chart) {
        return "<div class=\"wide\">" + chart.wide() + "</div><div class=\"narrow\">" + chart.narrow() + "</div>";
    }

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;background:#f4f6f9;color:#1d2733;font:14px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
            main{max-width:1120px;margin:0 auto;padding:32px 24px 48px}
            .top{border-bottom:3px solid #1f3a5f;margin-bottom:18px;padding-bottom:12px}
            .eyebrow{margin:0;color:#5b6b80;font-size:12px;letter-spacing:.08em;text-transform:uppercase}
            h1{margin:4px 0 2px;font-size:30px;color:#1f3a5f}
            .sub{margin:0;color:#5b6b80}
            .summary p{margin:4px 0;font-size:16px}
            .tiles{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin:18px 0 12px}
            .tiles.small{grid-template-columns:repeat(4,1fr);margin-top:0}
            .tile{background:#fff;border:1px solid #e3e7ed;border-radius:8px;padding:12px 14px}
            .tile.accent{border-top:4px solid #1f3a5f}
            .tile .label{color:#5b6b80;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .tile .value{font-size:24px;font-weight:700;color:#1f3a5f;white-space:nowrap}
            .tiles.small .value{font-size:19px}
            .tile .note{color:#7a8799;font-size:12px}
            .trust{display:block;margin:6px 0 18px;padding:12px 16px;border-radius:8px;text-decoration:none;color:#1d2733}
            .trust.warn{background:#fff6e6;border-left:5px solid #e9a23b}
            .trust.ok{background:#eaf6f3;border-left:5px solid #2a9d8f}
            .card{background:#fff;border:1px solid #e3e7ed;border-radius:10px;padding:18px 22px;margin:0 0 18px}
            h2{margin:0 0 6px;font-size:19px;color:#1f3a5f}
            h3{margin:14px 0 4px;font-size:14px;color:#3d4a5c}
            .insight{margin:0 0 8px;color:#2b3645;font-size:15px}
            svg.chart{width:100%;height:auto;display:block}
            .pair{display:grid;grid-template-columns:1fr 1fr;gap:20px}
            .narrow{display:none}
            @media (max-width:940px){.wide{display:none}.narrow{display:block}.pair{grid-template-columns:1fr;gap:0}th,td{padding-left:5px;padding-right:5px}th.num{white-space:normal}}
            @media (max-width:720px){main{padding:20px 12px 32px}.card{padding:14px 12px}.tiles{grid-template-columns:repeat(3,1fr)}.tiles.small{grid-template-columns:repeat(2,1fr)}}
            @media (max-width:480px){.tiles{grid-template-columns:repeat(2,1fr)}h1{font-size:24px}}
            .legend{margin:2px 0 0;color:#5b6b80;font-size:12px}
            .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 5px 0 10px;vertical-align:-1px}
            .swatch.navy{background:#1f3a5f}.swatch.amber{background:#e9a23b}.swatch.nodata{background:#eef0f3;box-shadow:inset 0 0 0 1px #b9c1cc}
            table{width:100%;border-collapse:collapse;margin-top:10px;font-size:13px}
            th{background:#f4f6f9;color:#3d4a5c;font-weight:600;border-bottom:1px solid #d5dbe3;padding:6px 8px}
            td{border-bottom:1px solid #edf0f4;padding:5px 8px;vertical-align:top}
            .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .txt{text-align:left}
            .date{text-align:left;white-space:nowrap}
            code{font:.92em ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;background:#eef1f5;border-radius:3px;padding:0 3px}
            .scroll{max-height:420px;overflow:auto}
            .fit{overflow-x:auto}
            .issue{display:block}
            .issues{min-width:12.5em}
            .csv,.empty{margin:4px 0 0;color:#8a96a8;font-size:11px}
            .chips{margin:8px 0}
            .chip{display:inline-block;padding:4px 10px;margin:0 8px 6px 0;border-radius:999px;font-size:13px;font-weight:600}
            .chip.critical{background:#fde8ea;color:#a61b2b}.chip.warning{background:#fff3dc;color:#8a5a00}.chip.info{background:#e8f0fb;color:#1f3a5f}
            footer{color:#7a8799;font-size:12px;margin-top:24px}
            @page{margin:12mm}
            @media print{body{background:#fff}.swatch,.chip,.trust,.tile.accent{-webkit-print-color-adjust:exact;print-color-adjust:exact}main{max-width:none;padding:0}.tile,.trust,svg.chart,tr,.pair>div,.lead{break-inside:avoid}h2,h3{break-after:avoid}.insight{break-after:avoid}table{font-size:11px}th,td{padding:3px 5px}.scroll,.fit{max-height:none;overflow:visible}}
            """;
}
