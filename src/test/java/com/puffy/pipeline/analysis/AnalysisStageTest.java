package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.puffy.pipeline.analysis.AnalysisResult.AttributionShift;
import com.puffy.pipeline.analysis.AnalysisResult.DailyTrend;
import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.analysis.AnalysisResult.QualityImpact;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import com.puffy.pipeline.analysis.AnalysisResult.TopProduct;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisStageTest {
    private static final Offset<Double> EPS = within(1e-6);

    @TempDir
    Path dir;
    Path out;
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        out = dir.resolve("run");
        work = dir.resolve("work");
        AnalysisFixture.write(out);
    }

    private AnalysisResult analyze() throws Exception {
        AnalysisInputs inputs = AnalysisInputs.read(out.resolve("quality"), out.resolve("transform"),
                out.resolve("monitoring"), Cancellation.none());
        return new Analyzer(inputs, com.puffy.pipeline.config.ConfigLoader.defaults().monitoring()).analyze();
    }

    @Test
    void theTrendOfHalvesSaysItCountsDaysWithDataWhenADayIsMissing() throws Exception {
        Path daily = out.resolve("transform/daily_metrics.csv");
        String text = Files.readString(daily);
        // Four days of data over five calendar days (Mar 4 has no rows).
        Files.writeString(daily, text + "2025-03-05,4,2,2,0,20,0,0,0,4,0,0,0,0,0,0\n");
        assertThat(analyze().insights(Insights.TREND)).anyMatch(t -> t.startsWith("Revenue in the last 2 days with data was")
                && t.endsWith(" the first 2 days with data."));
        Files.writeString(daily, text + "2025-03-04,4,2,2,0,20,0,0,0,4,0,0,0,0,0,0\n");
        assertThat(analyze().insights(Insights.TREND)).anyMatch(t -> t.startsWith("Revenue in the last 2 days was")
                && t.endsWith(" the first 2 days."));
    }

    @Test
    void aPeriodWithADayWithoutDataSaysSoInTheOverviewTheSummaryAndTheReport() throws Exception {
        Path daily = out.resolve("transform/daily_metrics.csv");
        // Four days of data over five calendar days: Mar 4's file was deleted. The report said "over 5 days" while
        // the app's Analysis screen said "4 days with data".
        Files.writeString(daily, Files.readString(daily) + "2025-03-05,4,2,2,0,20,0,0,0,4,0,0,0,0,0,0\n");
        assertThat(analyze().insights(Insights.OVERVIEW).get(0)).contains(" orders over 5 days, 4 with data (");
        StageResult result = runStage();
        assertThat(result.summary().get(0)).endsWith(" over 5 days, 4 with data.");
        assertThat(Files.readString(work.resolve(AnalysisStage.REPORT))).contains(" \u00b7 5 days, 4 with data \u00b7 ");
    }

    /** Every input file of the stage cut down to its header: a folder whose files had no rows. */
    private void headerOnlyInputs() throws Exception {
        for (String folder : List.of("transform", "quality", "monitoring")) {
            try (var files = Files.list(out.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.writeString(file, Files.readAllLines(file).get(0) + "\n");
                }
            }
        }
    }

    private StageResult runStage() throws Exception {
        return new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
    }

    @Test
    void theQualityStagesValidRowsAndTheTransformsDailyEventsAreComparedAndADisagreementIsSaid() throws Exception {
        // Agreeing (13 and 13): nothing is said.
        StageResult agreeing = runStage();
        assertThat(agreeing.figures()).doesNotContainKey("input_warnings");
        assertThat(agreeing.summary()).noneMatch(line -> line.contains("disagree"));
        // Quality's file summary edited by hand: one more valid row on Mar 3 than the Transform counted events.
        Path summary = out.resolve("quality/file_summary.csv");
        Files.writeString(summary, Files.readString(summary).replace(
                "events_20250303.csv,2025-03-03,true,client_id|page_url|timestamp|event_name|event_data|user_agent,6,5,",
                "events_20250303.csv,2025-03-03,true,client_id|page_url|timestamp|event_name|event_data|user_agent,7,6,"));
        StageResult result = runStage();
        String said = "The Quality and Transform stages disagree on the valid events: quality/file_summary.csv counts "
                + "14 (rows_valid), transform/daily_metrics.csv 13 (events). kpis.csv's Valid events and the bot share "
                + "are the Transform's 13; the header's valid events the Quality stage's 14. Run every stage again, "
                + "even those up to date, before using either: eventpipe run --input <this folder> --force (with this "
                + "run's --output and --config, if any), or in the app Run > Run all again, even fresh stages "
                + "(Shift+F5).";
        assertThat(result.figures().get("input_warnings")).isEqualTo(List.of(said));
        assertThat(result.summary()).contains(said);
        assertThat(Files.readString(work.resolve(ReportTables.KPIS))).contains("events,Valid events,13,13");
        assertThat(analyze().insights(Insights.OVERVIEW)).contains(said);
        String report = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(report).contains("quality/file_summary.csv counts 14 (rows_valid), transform/daily_metrics.csv 13")
                .contains("14 valid events of 16 rows read").contains("Data quality: read with care.");
    }

    @Test
    void kpisMatchTheHandComputedCase() throws Exception {
        Kpis k = analyze().kpis();
        assertThat(k.revenue()).isCloseTo(450.0, EPS);
        assertThat(k.orders()).isEqualTo(4);
        assertThat(k.aov()).isCloseTo(112.5, EPS);
        assertThat(k.medianOrder()).isCloseTo(75.0, EPS);
        assertThat(k.sessions()).as("the bot session is left out").isEqualTo(6);
        assertThat(k.convertedSessions()).isEqualTo(4);
        assertThat(k.sessionCvr()).isCloseTo(4.0 / 6, EPS);
        assertThat(k.revenuePerSession()).isCloseTo(75.0, EPS);
        assertThat(k.bounceRate()).isCloseTo(0.5, EPS);
        assertThat(k.newSessionShare()).isCloseTo(5.0 / 6, EPS);
        assertThat(k.events()).isEqualTo(13);
        assertThat(k.botRowShare()).isCloseTo(1.0 / 13, EPS);
    }

    @Test
    void overviewCountsFilesRowsAndThePeriod() throws Exception {
        AnalysisResult.Overview o = analyze().overview();
        assertThat(o.firstDate()).isEqualTo("2025-03-01");
        assertThat(o.lastDate()).isEqualTo("2025-03-03");
        assertThat(o.periodDays()).isEqualTo(3);
        assertThat(o.files()).isEqualTo(4);
        assertThat(o.eventFiles()).isEqualTo(3);
        assertThat(List.of(o.rowsRead(), o.rowsValid(), o.rowsQuarantined(), o.rowsDuplicate()))
                .containsExactly(15L, 13L, 1L, 1L);
    }

    @Test
    void dailyTrendsCarryAovAlertsAndTheIssuesOfEachDay() throws Exception {
        List<DailyTrend> days = analyze().daily();
        assertThat(days).extracting(DailyTrend::date).containsExactly("2025-03-01", "2025-03-02", "2025-03-03");
        assertThat(days).extracting(DailyTrend::alerts).containsExactly(0, 2, 2);
        assertThat(days.get(2).aov()).isCloseTo(150.0, EPS);
        assertThat(days.get(1).revenuePerSession()).isCloseTo(25.0, EPS);
        assertThat(days.get(0).issues()).isEmpty();
        assertThat(days.get(1).issues()).isEqualTo(
                "referrer missing; client ids missing; collided ids (1); item prices missing (1)");
        assertThat(days.get(2).issues()).isEqualTo("referrer missing; collided ids (1); zero-revenue orders (1)");
    }

    @Test
    void funnelShowsDropOffFromTheStepBefore() throws Exception {
        var funnel = analyze().funnel();
        assertThat(funnel).extracting(AnalysisResult.FunnelStep::label).containsExactly("Sessions", "Viewed a page",
                "Added to cart", "Started checkout", "Purchased");
        assertThat(funnel.get(2).dropOff()).isEqualTo(2);
        assertThat(funnel.get(2).dropOffRate()).isCloseTo(1 - 0.666667, EPS);
        assertThat(funnel.get(0).dropOff()).isZero();
    }

    @Test
    void aStepAfterAStepWithNoSessionsHasNoDropOffRate() throws Exception {
        // No session added to cart: everyone drops off there (100 %); from an empty step nobody can drop off, so
        // the next rates are 0, not the 100 % that 1 − rate_from_previous (0 over 0) gave next to a drop-off of 0.
        java.nio.file.Files.writeString(out.resolve("transform/funnel.csv"), """
                step,sessions,rate_from_previous,rate_from_start
                sessions,6,1,1
                page_viewed,6,1,1
                product_added_to_cart,0,0,0
                checkout_started,0,0,0
                purchase,0,0,0
                """);
        var funnel = analyze().funnel();
        assertThat(funnel).extracting(AnalysisResult.FunnelStep::dropOff).containsExactly(0L, 0L, 6L, 0L, 0L);
        assertThat(funnel).extracting(AnalysisResult.FunnelStep::dropOffRate).containsExactly(0.0, 0.0, 1.0, 0.0, 0.0);
    }

    @Test
    void channelSharesAndTheShiftBetweenFirstAndLastClick() throws Exception {
        AnalysisResult r = analyze();
        assertThat(r.channelRevenue("first_click")).extracting(AnalysisResult.ChannelModel::channel)
                .containsExactly("Paid Search", "Referral", "Direct", "Email", "Organic Search");
        assertThat(r.channelRevenue("first_click").get(0).share()).isCloseTo(400.0 / 450, EPS);
        List<AttributionShift> shift = r.attributionShift();
        assertThat(shift).extracting(AttributionShift::channel)
                .containsExactly("Email", "Paid Search", "Referral", "Direct", "Organic Search");
        assertThat(shift.get(0).shiftPoints()).isCloseTo(100 * 300.0 / 450, EPS);
        assertThat(shift.get(1).shiftPoints()).isCloseTo(100 * (100.0 - 400.0) / 450, EPS);
        assertThat(shift.get(2).shiftPoints()).isCloseTo(0.0, EPS);
    }

    @Test
    void segmentsCoverDevicesBrowsersVisitorsAndReferrersWithoutBots() throws Exception {
        AnalysisResult r = analyze();
        List<Segment> devices = r.segments(AnalysisResult.DEVICE);
        assertThat(devices).extracting(Segment::segment).containsExactly("Mobile", "Desktop", "Tablet");
        assertThat(devices).extracting(Segment::sessions).containsExactly(3L, 2L, 1L);
        assertThat(devices.get(0).cvr()).isCloseTo(2.0 / 3, EPS);
        assertThat(devices.get(0).revenue()).isCloseTo(400.0, EPS);
        assertThat(r.segments(AnalysisResult.BROWSER)).extracting(Segment::segment)
                .containsExactly("Chrome", "Safari", "Firefox");
        List<Segment> visitors = r.segments(AnalysisResult.USER_TYPE);
        assertThat(visitors).extracting(Segment::segment).containsExactly("New", "Returning");
        assertThat(visitors).extracting(Segment::converted).containsExactly(3L, 1L);
        assertThat(visitors.get(1).revenue()).isCloseTo(300.0, EPS);
        assertThat(r.segments(AnalysisResult.REFERRER)).extracting(Segment::segment)
                .containsExactlyInAnyOrder("www.google.com", AnalysisFixture.EVIL_REFERRER);
    }

    @Test
    void timeAndSessionsFromFirstTouchToPurchase() throws Exception {
        AnalysisResult r = analyze();
        assertThat(r.kpis().medianHoursToPurchase()).isCloseTo((10.0 / 60 + 0.5) / 2, EPS);
        assertThat(r.kpis().avgSessionsToPurchase()).isCloseTo(1.25, EPS);
        assertThat(r.pathToPurchase(AnalysisResult.TIME_TO_PURCHASE)).extracting(AnalysisResult.PathBucket::orders)
                .containsExactly(3L, 0L, 1L, 0L);
        assertThat(r.pathToPurchase(AnalysisResult.SESSIONS_TO_PURCHASE))
                .extracting(AnalysisResult.PathBucket::orders).containsExactly(3L, 1L, 0L, 0L);
        assertThat(r.pathToPurchase(AnalysisResult.SESSIONS_TO_PURCHASE).get(1).revenue()).isCloseTo(300.0, EPS);
    }

    @Test
    void topProductsSumLineTotalsAndCountUnpricedLines() throws Exception {
        List<TopProduct> products = analyze().topProducts();
        assertThat(products).extracting(TopProduct::itemName)
                .containsExactly("Puffy Lux Mattress", "Puffy Pillow", AnalysisFixture.EVIL_PRODUCT);
        TopProduct lux = products.get(0);
        assertThat(List.of(lux.orders(), lux.units())).containsExactly(2L, 2L);
        assertThat(lux.revenue()).as("item_price is a line total: summed, never multiplied").isCloseTo(370.0, EPS);
        assertThat(lux.share()).isCloseTo(370.0 / 400, EPS);
        TopProduct pillow = products.get(1);
        assertThat(List.of(pillow.orders(), pillow.units(), pillow.linesWithoutPrice())).containsExactly(2L, 3L, 1L);
        assertThat(pillow.revenue()).isCloseTo(30.0, EPS);
    }

    @Test
    void qualityImpactPutsRevenueOnTheAffectedRowsAndDays() throws Exception {
        AnalysisResult r = analyze();
        assertThat(r.qualityImpact()).extracting(QualityImpact::issue).containsExactly("MISSING_COLUMN",
                "CLIENT_ID_NULL_RATE", "TRANSACTION_ID_COLLISION", "PURCHASE_ZERO_REVENUE",
                "PURCHASE_ITEM_PRICE_MISSING", "QUARANTINED_PURCHASES", "ANY");
        QualityImpact referrer = r.qualityImpact("MISSING_COLUMN").orElseThrow();
        assertThat(List.of(referrer.days(), (int) referrer.orders())).containsExactly(2, 3);
        assertThat(referrer.revenue()).isCloseTo(350.0, EPS);
        assertThat(referrer.description()).contains("referrer");
        QualityImpact collided = r.qualityImpact("TRANSACTION_ID_COLLISION").orElseThrow();
        assertThat(collided.orders()).isEqualTo(2);
        assertThat(collided.revenue()).isCloseTo(50.0, EPS);
        assertThat(r.qualityImpact("CLIENT_ID_NULL_RATE").orElseThrow().revenue()).isCloseTo(50.0, EPS);
        assertThat(r.qualityImpact("CLIENT_ID_NULL_RATE").orElseThrow().guidance())
                .as("orders without a client id are lost too, so the direction is likely, not certain")
                .startsWith("Conversion rate on these days is probably overstated");
        assertThat(r.qualityImpact("PURCHASE_ZERO_REVENUE").orElseThrow().orders()).isEqualTo(1);
        assertThat(r.qualityImpact("QUARANTINED_PURCHASES").orElseThrow().orders()).isEqualTo(1);
        QualityImpact any = r.qualityImpact("ANY").orElseThrow();
        assertThat(any.orders()).isEqualTo(3);
        assertThat(any.revenueShare()).isCloseTo(350.0 / 450, EPS);
    }

    @Test
    void valueDriftReconciliationGapsMismatchesAndReplaysAreReported() throws Exception {
        Files.writeString(out.resolve("quality/schema_drift.csv"), """
                file,partition_date,change,column,raw_header,detail,episode_files,metric,value,baseline
                events_20250301.csv,2025-03-01,VALUE_DRIFT,user_agent,,,1,null_share,0.3,0.01
                events_20250303.csv,2025-03-03,VALUE_DRIFT,event_data,,,1,item_price_null_share,1,0.04
                """);
        Files.writeString(out.resolve("transform/reconciliation.csv"), """
                date,check,expected,actual,difference,ok
                ALL,conversions_revenue,450,440,-10,false
                2025-03-03,conversions_revenue,310,300,-10,false
                """);
        String conversions = Files.readString(out.resolve("transform/conversions.csv"))
                .replace("ORD-3,ORD-3,c1,s4,2025-03-03T09:30:00.000Z,300,,", "ORD-3,ORD-3,c1,s4,2025-03-03T09:30:00.000Z,300,"
                        + "PURCHASE_REVENUE_MISMATCH,");
        Files.writeString(out.resolve("transform/conversions.csv"), conversions);
        Files.writeString(out.resolve("quality/findings.csv"), """
                file,line,severity,code,column,value,message,partition_date
                events_20250303.csv,9,INFO,DUPLICATE_PURCHASE,event_data,ORD-3,replay,2025-03-03
                """);
        AnalysisResult r = analyze();
        assertThat(r.qualityImpact()).as("item-price drift repeats the flagged orders, so only one drift row")
                .filteredOn(q -> q.issue().equals("VALUE_DRIFT")).hasSize(1);
        QualityImpact drift = r.qualityImpact("VALUE_DRIFT").orElseThrow();
        assertThat(drift.description()).isEqualTo(
                "Value drift in user_agent (null_share 1.0% to 30%) for 1 day (Mar 1)");
        assertThat(drift.revenue()).isCloseTo(100.0, EPS);
        QualityImpact gap = r.qualityImpact("RECONCILIATION").orElseThrow();
        assertThat(gap.days()).as("the ALL row is a total, not a day").isEqualTo(1);
        assertThat(gap.description()).contains("largest gap $10");
        assertThat(r.qualityImpact("PURCHASE_REVENUE_MISMATCH").orElseThrow().revenue()).isCloseTo(300.0, EPS);
        QualityImpact replays = r.qualityImpact("DUPLICATE_PURCHASE").orElseThrow();
        assertThat(replays.orders()).isEqualTo(1);
        assertThat(replays.revenueShare()).isZero();
        assertThat(r.daily().get(0).issues()).isEqualTo("user_agent drift");
    }

    @Test
    void alertsAndFindingsAreSummarizedBySeverity() throws Exception {
        AnalysisResult r = analyze();
        assertThat(r.alertCounts()).containsExactly(new AnalysisResult.AlertCount("CRITICAL", 3, 2),
                new AnalysisResult.AlertCount("WARNING", 1, 1), new AnalysisResult.AlertCount("INFO", 0, 0));
        assertThat(r.incidents()).extracting(AnalysisResult.Incident::incidentId).containsExactly("I1", "I2", "I3");
        assertThat(r.findings()).containsExactly(
                new AnalysisResult.FindingCount("ERROR", "MISSING_CLIENT_ID", 1),
                new AnalysisResult.FindingCount("WARNING", "TRANSACTION_ID_COLLISION", 2),
                new AnalysisResult.FindingCount("WARNING", "BOT_USER_AGENT", 1),
                new AnalysisResult.FindingCount("WARNING", "PURCHASE_ZERO_REVENUE", 1),
                new AnalysisResult.FindingCount("INFO", "DUPLICATE_EVENT", 1));
    }

    @Test
    void sentencesStateTheHeadlineNumbers() throws Exception {
        AnalysisResult r = analyze();
        assertThat(r.insights(Insights.OVERVIEW).get(0))
                .isEqualTo("Revenue was $450 from 4 orders over 3 days (average order $113).");
        assertThat(r.insights(Insights.OVERVIEW).get(1)).as("the bot share is of valid rows, not of all rows read")
                .isEqualTo("66.7% of 6 human sessions converted, earning $75 per session; bots made 7.7% of the valid "
                        + "rows and are left out of sessions.");
        assertThat(r.insights(Insights.CHANNELS).get(0))
                .isEqualTo("Email earns the most under last click: $300 (67% of revenue).");
        assertThat(r.insights(Insights.QUALITY).get(0)).startsWith("$350 (78%) of revenue and 3 orders");
        assertThat(r.insights(Insights.FUNNEL).get(0)).contains("\u201cadded to cart\u201d").contains("33.3%");
    }

    @Test
    void thePathSentenceSaysWhatItsFiguresMeasureOrdersAndSessionsInTheSevenDayWindowNotFirstSessions()
            throws Exception {
        // 3 of the 4 orders have one touchpoint in the window; the figure cannot tell whether the client came before it.
        assertThat(analyze().insights(Insights.PATH)).containsExactly("Half of the orders were placed within 20 min of "
                + "the client's first session in the 7 days before the purchase; in 75% of orders the buying session "
                + "was the client's only session in those 7 days, and orders had 1.3 sessions in that window on "
                + "average.");
    }

    @Test
    void withSeveralIncidentsOfTheWorstSeverityTheFirstIsNotCalledTheMostSevere() throws Exception {
        assertThat(analyze().insights(Insights.ALERTS)).containsExactly(
                "Monitoring raised 4 alerts (3 critical) grouped into 3 incidents.",
                "The earliest of the 2 critical incidents is CLIENT_ID_NULL_RATE on Mar 2: 20% of rows without client id.");
        Files.writeString(out.resolve("monitoring/incidents.csv"), """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I1,CLIENT_ID_NULL_RATE,2025-03-02,2025-03-02,1,CRITICAL,20% of rows without client id
                I3,ZERO_REVENUE_ORDERS,2025-03-03,2025-03-03,1,WARNING,1 order with revenue 0
                """);
        assertThat(analyze().insights(Insights.ALERTS).get(1))
                .isEqualTo("Most severe: CLIENT_ID_NULL_RATE on Mar 2: 20% of rows without client id.");
    }

    /** The fixture's transform outputs without a single order; {@code channelRows} credit nothing to anyone. */
    private void withoutOrders(String channelRows) throws Exception {
        for (String file : List.of("conversions.csv", "order_items.csv", "attribution.csv")) {
            Path path = out.resolve("transform").resolve(file);
            Files.writeString(path, Files.readAllLines(path).get(0) + "\n");
        }
        Files.writeString(out.resolve("transform/channel_performance.csv"),
                "model,channel,sessions,conversions,revenue\n" + channelRows);
    }

    @Test
    void aFolderWithoutOrdersInventsNoAverageOrderNoTopChannelAndNoRateForAnEmptyGroup() throws Exception {
        withoutOrders("""
                first_click,Direct,6,0,0
                last_click,Direct,6,0,0
                """);
        Path sessions = out.resolve("transform/sessions.csv");
        Files.writeString(sessions, Files.readString(sessions).replace("300,false,2025-03-03", "300,true,2025-03-03"));
        AnalysisResult r = analyze();
        assertThat(r.insights(Insights.OVERVIEW).get(0)).isEqualTo("There were no orders over 3 days.");
        assertThat(r.insights(Insights.CHANNELS)).noneMatch(text -> text.contains("earns the most"));
        assertThat(r.insights(Insights.SEGMENTS)).contains("Every session is a new visitor's (first seen in this "
                + "data); they convert at 66.7%.");
        assertThat(r.insights(Insights.PATH)).containsExactly("There are no orders to trace back to their first touch.");
        assertThat(HtmlReport.render(r, "test")).contains("<div class=\"label\">Average order value</div>"
                + "<div class=\"value\">\u2013</div>");
        assertThat(r.insights(Insights.QUALITY)).containsExactly("Data-quality findings touch 2 days but no order; 1 "
                + "purchase row was quarantined and not counted, so orders and revenue are understated.");
        List<String> summary = runStage().summary();
        assertThat(summary).noneMatch(line -> line.startsWith("Top channel"));
        // The stage's summary (the CLI's lines) said "Revenue $0 from 0 orders (AOV $0)" and "0% of revenue sits on
        // rows ... touched by data-quality findings".
        assertThat(summary.get(0)).isEqualTo("No orders over 3 days.");
        assertThat(summary).noneMatch(line -> line.contains("AOV") || line.contains("% of revenue"))
                .contains("Data-quality findings touch 2 days; there is no revenue to weigh them against.");
    }

    @Test
    void withoutOrdersTheChannelsHaveNoChartOfNothingNoShareOfNothingAndNoRevenueIsCalledClean() throws Exception {
        // A folder without purchases drew an empty frame of channel names, shares of $0 as "0%" and shifts as
        // "0.0 pts", and the quality table said "The remaining 100% of revenue is clean" beside $0.
        withoutOrders("""
                first_click,Direct,6,0,0
                last_click,Direct,6,0,0
                first_click,Email,2,0,0
                last_click,Email,2,0,0
                """);
        String page = HtmlReport.render(analyze(), "test");
        String channels = page.substring(page.indexOf("id=\"channels\""));
        channels = channels.substring(0, channels.indexOf("</section>"));
        assertThat(channels).doesNotContain("<svg").contains("No revenue to credit to a channel, so there is no chart.")
                .contains("<td class=\"txt\">Direct</td><td class=\"num\">$0</td><td class=\"num\">\u2013</td>"
                        + "<td class=\"num\">$0</td><td class=\"num\">\u2013</td><td class=\"num\">\u2013</td>")
                .doesNotContain(">0%<").doesNotContain("0.0 pts");
        assertThat(page).doesNotContain("of revenue is clean")
                .contains("There is no revenue in the period: the rows above touch other figures only.");
    }

    @Test
    void quarantinedPurchasesAloneAreNotCalledCleanData() throws Exception {
        Files.writeString(out.resolve("quality/schema_drift.csv"),
                "file,partition_date,change,column,raw_header,detail,episode_files,metric,value,baseline\n");
        Path conversions = out.resolve("transform/conversions.csv");
        Files.writeString(conversions, Files.readString(conversions)
                .replace("50,TRANSACTION_ID_COLLISION;PURCHASE_ITEM_PRICE_MISSING,", "50,,")
                .replace(",0,TRANSACTION_ID_COLLISION;PURCHASE_ZERO_REVENUE,", ",10,,"));
        Path daily = out.resolve("transform/daily_metrics.csv");
        Files.writeString(daily, Files.readString(daily).replace("0.5,0.25,0.2,5", "0.5,0.25,0,5"));
        AnalysisResult r = analyze();
        assertThat(r.insights(Insights.QUALITY)).containsExactly("No data-quality finding touches a counted order or "
                + "a day, but 1 purchase row was quarantined and not counted, so orders and revenue are understated.");
        assertThat(HtmlReport.render(r, "test")).contains("Data quality: read with care.")
                .doesNotContain("Data quality: clean.");
    }

    @Test
    void theFirstSegmentSentenceIsAboutDevicesEvenWhenNoSessionConverted() throws Exception {
        // The app captions its device chart with the first segments sentence; it was the visitor-type one.
        Path sessions = out.resolve("transform/sessions.csv");
        Files.writeString(sessions, Files.readString(sessions).replace(",true,true,true,", ",true,true,false,"));
        assertThat(analyze().insights(Insights.SEGMENTS).get(0)).isEqualTo("No session converted on any device.");
    }

    @Test
    void withOneDeviceTheFirstSegmentSentenceSaysSoRatherThanTalkOfVisitors() throws Exception {
        Path sessions = out.resolve("transform/sessions.csv");
        Files.writeString(sessions, Files.readString(sessions).replace(",desktop,", ",mobile,")
                .replace(",tablet,", ",mobile,"));
        assertThat(analyze().insights(Insights.SEGMENTS).get(0)).startsWith("Mobile sessions make 100% of sessions "
                + "and convert at ").endsWith("; too few sessions on other devices to compare.");
    }

    @Test
    void newVisitorsAreSaidToBeNewToThisDataNotNewEver() throws Exception {
        assertThat(analyze().insights(Insights.SEGMENTS)).contains("New visitors (first seen in this data) make 83% of "
                + "sessions and convert at 60.0%; returning visitors convert at 100.0%.");
    }

    @Test
    void aTopProductOfOneUnitIsOneUnit() throws Exception {
        Files.writeString(out.resolve("transform/order_items.csv"), """
                order_key,item_id,item_name,item_variant,quantity,item_price,date
                ORD-1,LUX-Q,Puffy Lux Mattress,Queen,1,100,2025-03-01
                """);
        assertThat(analyze().insights(Insights.PRODUCTS))
                .containsExactly("Puffy Lux Mattress is the top product: $100 from 1 unit (100% of item revenue).");
    }

    @Test
    void aFunnelWithoutALossNamesNoLargestDrop() throws Exception {
        Files.writeString(out.resolve("transform/funnel.csv"), """
                step,sessions,rate_from_previous,rate_from_start
                sessions,6,1,1
                page_viewed,6,1,1
                product_added_to_cart,6,1,1
                checkout_started,6,1,1
                purchase,6,1,1
                """);
        assertThat(analyze().insights(Insights.FUNNEL)).containsExactly("100.0% of sessions reach \u201cpurchased\u201d.");
    }

    @Test
    void daysOfEqualRevenueHaveNoBestAndWeakestDay() throws Exception {
        String daily = Files.readString(out.resolve("transform/daily_metrics.csv"))
                .replace(",1,50,0.5,", ",1,100,0.5,").replace(",2,300,1,", ",2,100,1,");
        Files.writeString(out.resolve("transform/daily_metrics.csv"), daily);
        assertThat(analyze().insights(Insights.TREND)).first().isEqualTo("Every day had the same revenue, $100.");
    }

    @Test
    void anAttributionShiftNeverReadsTheSameShareTwice() throws Exception {
        Files.writeString(out.resolve("transform/channel_performance.csv"), """
                model,channel,sessions,conversions,revenue
                first_click,Direct,3,2,338
                first_click,Email,3,2,662
                last_click,Direct,3,2,344
                last_click,Email,3,2,656
                """);
        String shift = analyze().insights(Insights.CHANNELS).get(1);
        assertThat(shift).matches(".* earned \\d+\\.\\d% under last click but \\d+\\.\\d% under first click: .*");
    }

    @Test
    void daysThatDoNotFollowEachOtherAreListedNotGivenAsARange() {
        assertThat(QualityImpacts.range(new java.util.TreeSet<>(List.of("2025-03-22", "2025-03-27"))))
                .isEqualTo("Mar 22, Mar 27");
        assertThat(QualityImpacts.range(new java.util.TreeSet<>(List.of("2025-03-01", "2025-03-02", "2025-03-03"))))
                .isEqualTo("Mar 1 \u2013 Mar 3");
        assertThat(QualityImpacts.range(new java.util.TreeSet<>(List.of("2025-03-01", "2025-03-03", "2025-03-05",
                "2025-03-07", "2025-03-09")))).isEqualTo("between Mar 1 and Mar 9");
    }

    @Test
    void stageWritesTheReportEveryTableAndAPlainSummary() throws Exception {
        StageResult result = runStage();
        AnalysisStage stage = new AnalysisStage();
        for (String file : stage.outputs()) {
            assertThat(work.resolve(file)).as(file).isRegularFile();
        }
        assertThat(result.summary().get(0)).isEqualTo("Revenue $450 from 4 orders (AOV $113) over 3 days.");
        assertThat(result.summary()).anySatisfy(line -> assertThat(line)
                .isEqualTo("Top channel by first click: Paid Search (89%), by last click: Email (67%)."));
        assertThat(result.summary().get(result.summary().size() - 1)).endsWith("report.html");
        assertThat(result.figures()).containsEntry("orders", 4L);
        assertThat(Files.readString(work.resolve(ReportTables.DAILY)).lines().findFirst().orElseThrow())
                .isEqualTo("date,events,sessions,users,orders,revenue,aov,session_cvr,revenue_per_session,bot_share,"
                        + "client_id_null_rate,alerts,issues,has_event_rows");
    }

    @Test
    void theAppReadsBackExactlyTheFiguresOfTheReport() throws Exception {
        runStage();
        AnalysisResult computed = analyze();
        AnalysisResult read = AnalysisResults.read(work);
        assertThat(read).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-5 || (a.isNaN() && b.isNaN()) ? 0
                        : Double.compare(a, b), Double.class)
                .isEqualTo(computed);
    }

    @Test
    void outputsAreByteIdenticalBetweenRuns() throws Exception {
        runStage();
        Path again = dir.resolve("work2");
        new AnalysisStage().run(AnalysisFixture.context(out, again), Progress.NONE, Cancellation.none());
        for (String file : new AnalysisStage().outputs()) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(Files.readAllBytes(work.resolve(file)));
        }
    }

    @Test
    void outputsDoNotDependOnTheMachinesLocaleOrTimeZone() throws Exception {
        runStage();
        java.util.Locale locale = java.util.Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        Path again = dir.resolve("work-de");
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            new AnalysisStage().run(AnalysisFixture.context(out, again), Progress.NONE, Cancellation.none());
        } finally {
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
        for (String file : new AnalysisStage().outputs()) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(Files.readAllBytes(work.resolve(file)));
        }
    }

    @Test
    void channelPivotsHoldRevenueAndConversionsPerModel() throws Exception {
        runStage();
        assertThat(Files.readAllLines(work.resolve(ReportTables.CHANNEL_BY_MODEL))).startsWith(
                "channel,sessions,first_click,last_click,last_non_direct,linear,position_based,time_decay",
                "Email,1,0,300,0,0,0,0");
        assertThat(Files.readAllLines(work.resolve(ReportTables.CONVERSIONS_BY_MODEL))).contains(
                "Paid Search,2,3,2,0,0,0,0");
    }

    @Test
    void revenueCreditedInThirdsIsWrittenToTheCentAndEachModelStillAddsUpToTheTotal() throws Exception {
        // Three touchpoints share every order under linear, as the transform writes them: six decimals.
        Path performance = out.resolve("transform/channel_performance.csv");
        Files.writeString(performance, Files.readString(performance) + """
                linear,Paid Search,2,1.333333,183.333333
                linear,Email,1,1.333333,133.333333
                linear,Referral,1,1.333334,133.333334
                """);
        runStage();
        List<java.util.Map<String, String>> linear = csv(ReportTables.CHANNEL_REVENUE).stream()
                .filter(row -> row.get("model").equals("linear")).toList();
        assertThat(linear).extracting(row -> row.get("channel") + " " + row.get("conversions") + " " + row.get("revenue"))
                .containsExactly("Paid Search 1.33 183.33", "Referral 1.34 133.34", "Email 1.33 133.33");
        assertThat(linear.stream().map(row -> new java.math.BigDecimal(row.get("revenue")))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("450");
        assertThat(Files.readAllLines(work.resolve(ReportTables.CHANNEL_BY_MODEL)))
                .contains("Referral,1,50,50,0,133.34,0,0");
        assertThat(Files.readAllLines(work.resolve(ReportTables.CONVERSIONS_BY_MODEL)))
                .contains("Email,1,0,1,0,1.33,0,0");
    }

    @Test
    void averagesOfMoneyAreWrittenToTheCent() throws Exception {
        Path conversions = out.resolve("transform/conversions.csv");
        Files.writeString(conversions, Files.readString(conversions).replace("2025-03-03T09:30:00.000Z,300,",
                "2025-03-03T09:30:00.000Z,300.01,"));
        Path daily = out.resolve("transform/daily_metrics.csv");
        Files.writeString(daily, Files.readString(daily).replace("2025-03-03,5,2,2,2,300,", "2025-03-03,5,2,2,2,300.01,"));
        runStage();
        // 450.01 over 4 orders and 6 sessions; Mar 3: 300.01 over 2 orders and 2 sessions.
        assertThat(csv(ReportTables.KPIS)).filteredOn(row -> List.of("revenue", "aov", "revenue_per_session",
                "median_order").contains(row.get("metric"))).extracting(row -> row.get("metric") + " " + row.get("value"))
                .containsExactly("revenue 450.01", "aov 112.5", "median_order 75", "revenue_per_session 75");
        assertThat(csv(ReportTables.DAILY)).filteredOn(row -> row.get("date").equals("2025-03-03"))
                .extracting(row -> row.get("revenue") + " " + row.get("aov") + " " + row.get("revenue_per_session"))
                .containsExactly("300.01 150.01 150.01");
    }

    @Test
    void quarantinedPurchasesLeaveTheirRevenueBlankNotZero() throws Exception {
        // The rows were set aside for a missing transaction id or an invalid revenue: "$0" read as "no revenue lost".
        runStage();
        assertThat(csv(ReportTables.QUALITY)).filteredOn(row -> row.get("issue").equals("QUARANTINED_PURCHASES"))
                .extracting(row -> row.get("orders") + "|" + row.get("revenue") + "|" + row.get("revenue_share"))
                .containsExactly("1||");
        String html = Files.readString(work.resolve(AnalysisStage.REPORT));
        String row = html.substring(html.indexOf("Purchase rows quarantined"));
        row = row.substring(0, row.indexOf("</tr>"));
        // Unknown, in the report's mark for what is not known (decision 0803): "n/a" here beside "–" everywhere else.
        assertThat(row).contains(">\u2013</td>").doesNotContain("$0").doesNotContain("n/a");
        assertThat(AnalysisResults.read(work).qualityImpact("QUARANTINED_PURCHASES").orElseThrow().revenue()).isNaN();
    }

    private List<java.util.Map<String, String>> csv(String file) throws Exception {
        try (var parser = com.puffy.pipeline.io.CsvInput.open(work.resolve(file))) {
            return parser.stream().map(org.apache.commons.csv.CSVRecord::toMap).toList();
        }
    }

    @Test
    void aMissingUpstreamFileNamesItAndSaysWhatToDo() throws Exception {
        Files.delete(out.resolve("transform/sessions.csv"));
        assertThatThrownBy(this::runStage).isInstanceOf(PipelineException.class)
                .hasMessageContaining("transform/sessions.csv is missing")
                .hasMessageContaining("run the transform stage again");
    }

    @Test
    void aBrokenSessionsFileNamesItAndSaysWhatToDo() throws Exception {
        Path sessions = out.resolve("transform/sessions.csv");
        String header = Files.readAllLines(sessions).get(0);
        Files.writeString(sessions, header + "\n\"s1,never closed\n");
        assertThatThrownBy(this::runStage).isInstanceOf(PipelineException.class)
                .hasMessageContaining("transform/sessions.csv is not well-formed CSV")
                .hasMessageContaining("run the transform stage again");
        Files.writeString(sessions, header.replace("is_new_user", "new_user") + "\n");
        assertThatThrownBy(this::runStage).isInstanceOf(PipelineException.class)
                .hasMessageContaining("transform/sessions.csv lacks the column(s) is_new_user");
    }

    @Test
    void aMissingColumnNamesTheFileAndTheColumn() throws Exception {
        Files.writeString(out.resolve("monitoring/alerts.csv"), "alert_id,date,check\n");
        assertThatThrownBy(this::runStage).isInstanceOf(PipelineException.class)
                .hasMessageContaining("monitoring/alerts.csv lacks the column(s) severity, message")
                .hasMessageContaining("run the monitor stage again");
    }

    @Test
    void aReportTableMissingFromAFinishedFolderIsAClearError() throws Exception {
        runStage();
        Files.delete(work.resolve(ReportTables.FUNNEL));
        assertThatThrownBy(() -> AnalysisResults.read(work)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("report/funnel.csv is missing").hasMessageContaining("run the analysis");
    }

    @Test
    void headerOnlyInputsGiveAnEmptyButCompleteReport() throws Exception {
        headerOnlyInputs();
        runStage();
        AnalysisResult r = AnalysisResults.read(work);
        assertThat(r.kpis().orders()).isZero();
        assertThat(r.kpis().sessions()).isZero();
        assertThat(r.overview().periodDays()).isZero();
        assertThat(r.qualityImpact()).extracting(QualityImpact::issue).containsExactly("ANY");
        assertThat(Files.readString(work.resolve(AnalysisStage.REPORT))).contains("No data").contains("report-end");
    }

    @Test
    void aRateOrShareOfNothingIsADashInTheTablesAsOnTheTilesNotZeroPercent() throws Exception {
        // With no sessions the tiles said "n/a" while the funnel table read "0.0%" from the start, the visitors
        // "0.0%" conversion and "0%" share, the path buckets "0%" of no orders.
        headerOnlyInputs();
        Files.writeString(out.resolve("transform/funnel.csv"), """
                step,sessions,rate_from_previous,rate_from_start
                sessions,0,0,0
                page_viewed,0,0,0
                product_added_to_cart,0,0,0
                checkout_started,0,0,0
                purchase,0,0,0
                """);
        runStage();
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(page).contains("<td class=\"txt\">Viewed a page</td><td class=\"num\">0</td><td class=\"num\">"
                + "\u2013</td><td class=\"num\">\u2013</td><td class=\"num\">0</td><td class=\"num\">\u2013</td>");
        assertThat(page).doesNotContain("<td class=\"num\">0.0%</td>", "<td class=\"num\">0%</td>");
        // A day of bots alone has no conversion rate either.
        Path daily = out.resolve("transform/daily_metrics.csv");
        Files.writeString(daily, Files.readString(daily) + "2025-03-01,4,0,0,0,0,0,1,0,4,0,4,0,0,0,0\n");
        runStage();
        assertThat(Files.readString(work.resolve(AnalysisStage.REPORT))).contains("<td class=\"date\">Mar 1</td>"
                + "<td class=\"num\">$0</td><td class=\"num\">0</td><td class=\"num\">\u2013</td><td class=\"num\">0"
                + "</td><td class=\"num\">\u2013</td>");
    }

    @Test
    void withoutAValidRowTheQualityTableDoesNotSayEveryFigureCanBeUsed() throws Exception {
        // Under "No event row was read, so there is no figure to use", the table's one row said "All figures can be
        // used as they are"; with every row quarantined the banner above said "Data quality: clean".
        headerOnlyInputs();
        runStage();
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(AnalysisResults.read(work).qualityImpact("ANY").orElseThrow().description())
                .isEqualTo("No event row was read");
        assertThat(page).doesNotContain("can be used as they are").contains("Data quality: read with care.");

        Path summary = out.resolve("quality/file_summary.csv");
        Files.writeString(summary, Files.readString(summary) + "events_20250301.csv,2025-03-01,true,"
                + "client_id|page_url|referrer|timestamp|event_name|event_data|user_agent,2,0,2,0,2,100,aa,false\n");
        runStage();
        page = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(AnalysisResults.read(work).qualityImpact("ANY").orElseThrow().guidance())
                .isEqualTo("See Quality findings for why the rows were set aside.");
        assertThat(page).doesNotContain("can be used as they are", "Data quality: clean.")
                .contains("Data quality: read with care.");
    }
    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        return page.substring(start, page.indexOf(to, start));
    }

    @Test
    void aTileWithoutItsFigureSaysSoWithTheTablesDashNotNA() throws Exception {
        // Without sessions or orders the tiles said "n/a" where the tables beneath say "\u2013" (decision 0760).
        headerOnlyInputs();
        runStage();
        String tiles = between(Files.readString(work.resolve(AnalysisStage.REPORT)), "<section class=\"tiles\">",
                "<section class=\"card\"");
        assertThat(tiles).doesNotContain("n/a")
                .contains("<div class=\"label\">Conversion rate</div><div class=\"value\">\u2013</div>",
                        "<div class=\"label\">Bot share</div><div class=\"value\">\u2013</div>",
                        "<div class=\"label\">First touch to purchase</div><div class=\"value\">\u2013</div>",
                        "median order \u2013");
    }

    @Test
    void theReferrersShareColumnHasOnePrecision() throws Exception {
        // Google's 3 of 18 sessions read "17%" above the other site's 1 of 18 as "5.6%".
        Path sessions = out.resolve("transform/sessions.csv");
        StringBuilder more = new StringBuilder(Files.readString(sessions));
        for (int i = 0; i < 12; i++) {
            more.append("x").append(i).append(",cx").append(i).append(",2025-03-02T08:00:00.000Z,2025-03-02T08:00:00.000Z,"
                    + "0,1,1,https://puffy.com/,").append(i < 2 ? "https://www.google.com/,Organic Search" : ",Direct")
                    .append(",mobile,Android,Chrome,false,false,false,false,0,true,2025-03-02\n");
        }
        Files.writeString(sessions, more.toString());
        runStage();
        String table = between(Files.readString(work.resolve(AnalysisStage.REPORT)), "Top referring sites", "</table>");
        assertThat(table).contains("<td class=\"num\">16.7%</td>", "<td class=\"num\">5.6%</td>")
                .doesNotContain("<td class=\"num\">17%</td>");
    }

    @Test
    void theQualityShareColumnHasOnePrecisionAndItsSentenceQuotesTheAnyRowAsPrinted() throws Exception {
        // The column read "75%" above "1.2%" and "0%": its rows overlap, so they are not shares of one whole, and
        // the ANY row was rounded alone with the "other 25%" its sentence quotes.
        Path conversions = out.resolve("transform/conversions.csv");
        Files.writeString(conversions, Files.readString(conversions).replace(
                "ORD-2~1,ORD-2,c4,s6,2025-03-02T12:00:00.000Z,50,", "ORD-2~1,ORD-2,c4,s6,2025-03-02T12:00:00.000Z,5,"));
        StageResult result = runStage();
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        String table = between(page, "<section class=\"card\" id=\"quality\">", "</table>");
        java.util.regex.Matcher share = java.util.regex.Pattern.compile("<td class=\"num\">([^<]*%)</td><td "
                + "class=\"txt\">").matcher(table);
        List<String> shares = new java.util.ArrayList<>();
        while (share.find()) {
            shares.add(share.group(1));
        }
        assertThat(shares).as("the Share column").hasSizeGreaterThan(3).allMatch(s -> s.matches("[0-9]+\\.[0-9]%"))
                .contains("1.2%", "0.0%");
        String any = shares.get(shares.size() - 1);
        double clean = 100 - Double.parseDouble(any.replace("%", ""));
        String rest = String.format(java.util.Locale.US, "%.1f%%", clean);
        assertThat(table).contains("The remaining " + rest + " of revenue is clean.");
        assertThat(analyze().insights(Insights.QUALITY).get(0)).contains(" (" + any + ") of revenue and ")
                .contains("; the other " + rest + " is clean.");
        assertThat(page).contains("(" + any + ") of revenue and ");
        assertThat(result.summary()).contains(any + " of revenue sits on rows or days touched by data-quality "
                + "findings.");
    }

    @Test
    void aShiftIsTheDifferenceOfTheTwoSharesShownBesideIt() throws Exception {
        // Organic Social's 1.74% and 2.06% read 1.7% and 2.1% beside a shift of "+0.3 pts" (exactly 0.32).
        Files.writeString(out.resolve("transform/channel_performance.csv"), """
                model,channel,sessions,conversions,revenue
                first_click,Direct,4,2,9826
                first_click,Organic Social,2,1,174
                last_click,Direct,4,2,9794
                last_click,Organic Social,2,1,206
                """);
        runStage();
        String table = between(Files.readString(work.resolve(AnalysisStage.REPORT)),
                "Shift between first and last click", "</table>");
        assertThat(table).contains("<td class=\"txt\">Organic Social</td><td class=\"num\">$174</td><td class=\"num\">"
                + "1.7%</td><td class=\"num\">$206</td><td class=\"num\">2.1%</td><td class=\"num\">+0.4 pts</td>");
        assertThat(table).contains("98.3%</td><td class=\"num\">$9,794</td><td class=\"num\">97.9%</td>"
                + "<td class=\"num\">-0.4 pts</td>");
        // The CSV keeps the exact shift.
        assertThat(csv(ReportTables.SHIFT)).filteredOn(row -> row.get("channel").equals("Organic Social"))
                .extracting(row -> Double.parseDouble(row.get("shift_points"))).first()
                .satisfies(shift -> assertThat(shift).isCloseTo(0.32, within(1e-9)));
    }

    @Test
    void aReportOfOneDayDrawsNeitherTheRevenueNorTheSessionsChart() throws Exception {
        // One day drew a revenue chart of one bar while its sessions chart was a sentence.
        Path daily = out.resolve("transform/daily_metrics.csv");
        List<String> lines = Files.readAllLines(daily);
        Files.writeString(daily, lines.get(0) + "\n" + lines.get(1) + "\n");
        runStage();
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(page).doesNotContain("chart-revenue", "chart-sessions")
                .contains("One day of data: its revenue is in the table below.",
                        "One day of data: its sessions and conversion rate are in the table below.");
    }
    @Test
    void eachPercentColumnOfTheDailyTableHasOnePrecision() throws Exception {
        // Mar 2's 20% of rows without a client id sat above Mar 3's "5.0%".
        Path daily = out.resolve("transform/daily_metrics.csv");
        Files.writeString(daily, Files.readString(daily).replace("2025-03-03,5,2,2,2,300,1,0,0,",
                "2025-03-03,5,2,2,2,300,1,0,0.05,"));
        runStage();
        String table = between(Files.readString(work.resolve(AnalysisStage.REPORT)), "No client\u00a0id", "</table>");
        assertThat(table).contains("<td class=\"num\">25%</td><td class=\"num\">20.0%</td>",
                "<td class=\"num\">0%</td><td class=\"num\">5.0%</td>");
    }
}
