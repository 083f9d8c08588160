package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.ChannelModel;
import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.core.AppVersion;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.io.AtomicFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage 3 (SPEC §1): turns the transformed datasets, the quality summary and the monitoring alerts into the figures
 * a head of marketing asks for, written as {@code report/report.html} and one CSV per table.
 */
public final class AnalysisStage implements Stage {
    public static final String REPORT = "report.html";

    @Override
    public StageId id() {
        return StageId.ANALYSIS;
    }

    @Override
    public List<String> outputs() {
        List<String> outputs = new ArrayList<>();
        outputs.add(REPORT);
        outputs.addAll(ReportTables.FILES);
        return outputs;
    }

    /**
     * The one setting the report reads itself, the client-id warning level its quality impacts quote; every other
     * figure comes from upstream outputs, whose changes rerun this stage through their fingerprints.
     */
    @Override
    public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
        return Map.of("client_id_null_warning", config.monitoring().clientIdNullWarning());
    }

    @Override
    public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
        progress.update(0, 4, "Reading sessions, orders and alerts");
        long started = System.nanoTime();
        AnalysisInputs inputs = AnalysisInputs.read(context.outputOf(StageId.QUALITY),
                context.outputOf(StageId.TRANSFORM), context.outputOf(StageId.MONITOR), cancellation);
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        cancellation.throwIfCancelled();
        progress.update(1, 4, "Computing the figures");
        AnalysisResult result = new Analyzer(inputs, context.config().monitoring()).analyze();
        cancellation.throwIfCancelled();
        progress.update(2, 4, "Writing the report tables");
        ReportTables.write(result, context.workDir());
        cancellation.throwIfCancelled();
        progress.update(3, 4, "Drawing the charts and the report");
        AtomicFiles.writeString(context.workDir().resolve(REPORT), HtmlReport.render(result, AppVersion.version()));
        progress.update(4, 4, "Report written");
        return StageResult.of(figures(result, inputs, readMillis), summary(result, context));
    }

    private static Map<String, Object> figures(AnalysisResult r, AnalysisInputs inputs, long readMillis) {
        Kpis k = r.kpis();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("revenue", k.revenue());
        figures.put("orders", k.orders());
        figures.put("aov", k.aov());
        figures.put("sessions", k.sessions());
        figures.put("session_cvr", k.sessionCvr());
        figures.put("revenue_per_session", k.revenuePerSession());
        figures.put("session_rows_read", inputs.sessions.rowsRead());
        figures.put("input_read_ms", readMillis);
        r.qualityImpact("ANY").ifPresent(q -> figures.put("revenue_share_touched_by_findings", q.revenueShare()));
        // Said on stderr as a WARNING by the command line (as Quality's input warnings) and kept in run.json.
        ShownFigures.validEventsDisagreement(r.overview(), k).ifPresent(disagreement ->
                figures.put("input_warnings", List.of(disagreement)));
        return figures;
    }

    private static List<String> summary(AnalysisResult r, RunContext context) {
        Kpis k = r.kpis();
        List<String> lines = new ArrayList<>();
        String period = r.overview().periodWords();
        // Without orders or sessions an average is not $0 or 0.0%: it does not exist ("AOV $0" read as a figure).
        lines.add(k.orders() == 0 ? (r.overview().periodDays() == 0 ? "No orders: no day has an event row."
                : "No orders over " + period + ".")
                : "Revenue " + Fmt.money(k.revenue()) + " from " + Words.count(k.orders(), "order", "orders")
                + " (AOV " + Fmt.money(k.aov()) + ") over " + period + ".");
        lines.add(k.sessions() == 0 ? "No sessions without bots, so no conversion rate."
                : Fmt.count(k.sessions()) + " sessions without bots; " + Fmt.rate(k.sessionCvr()) + " converted ("
                + Fmt.money(k.revenuePerSession()) + " per session).");
        List<String> tops = new ArrayList<>();
        for (String model : List.of("first_click", "last_click")) {
            List<ChannelModel> rows = r.channelRevenue(model);
            // A channel "on top" with $0 (0%) is a tie of nothing, not a finding.
            if (!rows.isEmpty() && rows.get(0).revenue() > 0) {
                tops.add(Fmt.model(model).toLowerCase(Locale.ROOT) + ": " + rows.get(0).channel() + " ("
                        + Fmt.percent(rows.get(0).share()) + ")");
            }
        }
        if (!tops.isEmpty()) {
            lines.add("Top channel by " + String.join(", by ", tops) + ".");
        }
        // The share as the report's quality table and its sentence print it (decision 0810).
        List<String> qualityShares = ShownFigures.qualityShares(r.qualityImpact()).column();
        r.qualityImpact("ANY").filter(q -> q.orders() > 0 || q.days() > 0).ifPresent(q -> lines.add(k.revenue() > 0
                ? qualityShares.get(r.qualityImpact().indexOf(q))
                + " of revenue sits on rows or days touched by data-quality findings."
                : "Data-quality findings touch " + Words.count(q.days(), "day", "days") + "; there is no revenue to "
                + "weigh them against."));
        ShownFigures.validEventsDisagreement(r.overview(), k).ifPresent(lines::add);
        lines.add("Report: " + context.settings().outputDir().resolve(StageId.ANALYSIS.outputFolder()).resolve(REPORT));
        return lines;
    }
}
