package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    @TempDir
    Path dir;
    Path report;
    String html;

    @BeforeEach
    void setUp() throws Exception {
        Path out = dir.resolve("run");
        Path work = dir.resolve("work");
        AnalysisFixture.write(out);
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        report = work.resolve(AnalysisStage.REPORT);
        html = Files.readString(report);
    }

    @Test
    void sharesInATableAddUpToAHundredWithinEachDimension() {
        // Devices 12.5% / 87.5% printed 13% and 88%; the browsers' thirds 33% three times.
        java.util.List<AnalysisResult.Segment> rows = java.util.List.of(
                new AnalysisResult.Segment("device", "mobile", 1, 0, 0, 0, 0, 0.125),
                new AnalysisResult.Segment("browser", "Chrome", 1, 0, 0, 0, 0, 1 / 3.0),
                new AnalysisResult.Segment("device", "desktop", 7, 0, 0, 0, 0, 0.875),
                new AnalysisResult.Segment("browser", "Safari", 1, 0, 0, 0, 0, 1 / 3.0),
                new AnalysisResult.Segment("browser", "Firefox", 1, 0, 0, 0, 0, 1 / 3.0));
        assertThat(HtmlReport.sharesWithin(rows, AnalysisResult.Segment::dimension,
                AnalysisResult.Segment::sessionShare)).containsExactly("12%", "34%", "88%", "33%", "33%");
    }

    @Test
    void everyRateOfTheFunnelReadsInOneFormatInTheTableTheChartAndTheSentences() {
        // The table mixed "100%" (from previous, Fmt.percent) and "100.0%" (from start, Fmt.rate) in one row.
        String section = html.substring(html.indexOf("<section class=\"card\" id=\"funnel\">"));
        section = section.substring(0, section.indexOf("</section>"));
        java.util.List<String> rates = new java.util.ArrayList<>();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td[^>]*>([^<>]*%)</td>").matcher(section);
        while (cell.find()) {
            rates.add(cell.group(1).trim());
        }
        java.util.regex.Matcher label = java.util.regex.Pattern.compile("\\(([^()]*%)\\)").matcher(section);
        while (label.find()) {
            rates.add(label.group(1));
        }
        java.util.regex.Matcher sentence = java.util.regex.Pattern.compile("([<>]?[0-9.]+%) of sessions").matcher(section);
        while (sentence.find()) {
            rates.add(sentence.group(1));
        }
        assertThat(rates).as("rates of 10% and more are among them").anyMatch(r -> r.matches("[1-9][0-9]+\\..*"));
        assertThat(rates).allSatisfy(r -> assertThat(r).matches("[<>]?(0\\.0|[1-9][0-9]*\\.[0-9]|0\\.[0-9][0-9])%"));
        assertThat(section).doesNotContain(">100%<");
    }

    @Test
    void printingKeepsChartsRowsAndHeadingsWholeButLetsALongSectionRunOntoTheNextPage() {
        // Whole cards kept together pushed a page-long section (channels: a chart and three tables) onto a new page.
        String print = html.substring(html.indexOf("@media print{"));
        print = print.substring(0, print.indexOf("}}") + 2);
        assertThat(print).contains("svg.chart", "tr", ".lead", "break-inside:avoid", "h2,h3{break-after:avoid}",
                "overflow:visible").doesNotContain(".card");
    }

    @Test
    void everyChartNamesItsValueAxisInTextNotInGlyphOutlines() {
        // Rotated labels came out as <path> glyphs: invisible to search and to screen readers.
        String[][] charts = {{"chart-revenue", "Revenue"}, {"chart-sessions", "Sessions"}, {"chart-cvr", "Conversion rate"},
                {"chart-funnel", "Sessions"}, {"chart-attribution", "Revenue"}, {"chart-devices", "Conversion rate"},
                {"chart-time", "Orders"}, {"chart-products", "Revenue"}};
        for (String[] chart : charts) {
            int start = html.indexOf("id='" + chart[0] + "'");
            assertThat(start).as(chart[0]).isPositive();
            String svg = html.substring(start, html.indexOf("</svg>", start));
            assertThat(svg).as(chart[0]).contains(">" + chart[1] + "</text>");
        }
    }

    private Document parseStrictly() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // No DTD is fetched or expanded: <!DOCTYPE html> is declared without one, and nothing may reach the network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDayWithoutOrdersHasNoAverageOrderInTheDailyTable() throws Exception {
        String noOrders = reportWithDailyMetrics("work-no-orders", "2025-03-02,4,2,3,1,50,", "2025-03-02,4,2,3,0,0,");
        assertThat(noOrders).contains("<td class=\"date\">Mar 2</td>"
                + "<td class=\"num\">$0</td><td class=\"num\">0</td><td class=\"num\">\u2013</td>");
        assertThat(html).contains("<td class=\"date\">Mar 1</td><td class=\"num\">$100</td><td class=\"num\">1</td>"
                + "<td class=\"num\">$100</td>");
    }

    @Test
    void theHeaderCountsTheValidRowsOfTheRowsReadAsTheQualityFindingsDo() throws Exception {
        // The header took its "valid events" from the Transform's daily events and its "rows read" from the Quality
        // stage's file summary: had the two stages' counts parted, "14 valid events of 15 rows read" stood above
        // "15 rows read: 13 valid, 1 quarantined, 1 dropped as duplicates."
        String page = reportWithDailyMetrics("work-events-apart", "\n2025-03-03,5,", "\n2025-03-03,6,");
        assertThat(page).contains(" \u00b7 13 valid events of 15 rows read</p>")
                .contains(">15 rows read: 13 valid, 1 quarantined, 1 dropped as duplicates.</p>");
        assertThat(html).contains(" \u00b7 13 valid events of 15 rows read</p>");
    }

    /** The report of the fixture whose Transform's daily metrics read {@code to} in place of {@code from}. */
    private String reportWithDailyMetrics(String work, String from, String to) throws Exception {
        Path out = dir.resolve("run");
        Path daily = out.resolve("transform/daily_metrics.csv");
        Files.writeString(daily, Files.readString(daily).replace(from, to));
        Path folder = dir.resolve(work);
        new AnalysisStage().run(AnalysisFixture.context(out, folder), Progress.NONE, Cancellation.none());
        return Files.readString(folder.resolve(AnalysisStage.REPORT));
    }

    @Test
    void aDayWithoutEventRowsKeepsItsRowInTheDailyTableSayingNoDataWithItsAlerts() throws Exception {
        Path work = analyzedWithoutMarch2("work-missing-day");
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        // Monitoring's alerts of the day count there: a dash read as "no alert", beside a missing partition.
        assertThat(page).contains("<td class=\"date\">Mar 2</td><td class=\"num\">\u2013</td>")
                .contains("<td class=\"num\">\u2013</td><td class=\"num\">2</td><td class=\"txt issues\">"
                        + "<span class=\"issue\">no data: no event rows</span></td>");
        assertThat(page.indexOf(">Mar 1</td>")).isLessThan(page.indexOf(">Mar 2</td>"));
        assertThat(page.indexOf(">Mar 2</td>")).isLessThan(page.indexOf(">Mar 3</td>"));
    }

    @Test
    void aDayWithoutEventRowsKeepsItsRowInDailyTrendsCsvWithItsFiguresEmptyNotZero() throws Exception {
        // The CSV went from Mar 1 to Mar 3 with nothing to say Mar 2 was missing; a zero would be read as a day
        // without sales and pull a spreadsheet's average down.
        Path work = analyzedWithoutMarch2("work-missing-day-csv");
        java.util.List<String> lines = Files.readAllLines(work.resolve("daily_trends.csv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).endsWith(",alerts,issues,has_event_rows");
        assertThat(lines.get(1)).startsWith("2025-03-01,").endsWith(",true");
        assertThat(lines.get(2)).isEqualTo("2025-03-02,,,,,,,,,,,2,no data: no event rows,false");
        assertThat(lines.get(3)).startsWith("2025-03-03,").endsWith(",true");

        AnalysisResult read = AnalysisResults.read(work);
        assertThat(read.missingDays()).containsExactly("2025-03-02");
        assertThat(read.daysWithData()).extracting(AnalysisResult.DailyTrend::date)
                .containsExactly("2025-03-01", "2025-03-03");
        assertThat(read.daily().get(1).hasIssues()).as("no data is not data touched by a finding").isFalse();
    }

    @Test
    void aDailyTrendsCsvWrittenBeforeItSaidWhichDaysHaveEventRowsIsStillRead() throws Exception {
        Path work = dir.resolve("work");
        Path csv = work.resolve("daily_trends.csv");
        Files.writeString(csv, Files.readString(csv).replaceAll(",(has_event_rows|true)(?=\r?\n)", ""));
        assertThat(Files.readString(csv)).doesNotContain("has_event_rows");
        assertThat(AnalysisResults.read(work).daysWithData()).hasSize(3);
    }

    @Test
    void theChartsKeyNamesTheDaysWithoutEventRowsForBandsTooNarrowToSaySo() throws Exception {
        // A day's band on a year's chart is about a pixel, too narrow for "no data": the page named the day only in
        // the daily table, below the charts.
        Path out = dir.resolve("run");
        Path work = dir.resolve("work-missing-days");
        Path daily = out.resolve("transform/daily_metrics.csv");
        String[] lines = Files.readString(daily).split("\n");
        StringBuilder csv = new StringBuilder(lines[0]).append('\n').append(lines[1]).append('\n');
        String[] days = {"2025-03-04", "2025-03-06", "2025-03-08", "2025-03-10", "2025-03-12", "2025-03-15"};
        for (int i = 0; i < days.length; i++) {
            csv.append(lines[2 + i % 2].replaceFirst("^2025-03-0[23]", days[i])).append('\n');
        }
        Files.writeString(daily, csv);
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        String key = "<span class=\"swatch nodata\"></span>no data (no event rows): Mar 2 \u2013 Mar 3, Mar 5, Mar 7, "
                + "Mar 9 and 3 more days";
        assertThat(page.split(java.util.regex.Pattern.quote(key), -1)).as("under the revenue chart and the pair")
                .hasSize(3);
        assertThat(html).as("no day missing, no key").doesNotContain("swatch nodata\"");
    }

    @Test
    void theLastValueTickOfAHorizontalChartStaysInsideTheChartAtTenMillionEvents() {
        // Channel revenue of the 10M-event run: the $18,000,000 tick sat on the plot's right edge and its label
        // ran past the SVG's edge, read as "$18,000,00" in a browser.
        java.util.List<AnalysisResult.AttributionShift> channels = java.util.List.of(
                new AnalysisResult.AttributionShift("Direct", 14_716_971, 0.28, 17_172_448, 0.32, 4.6),
                new AnalysisResult.AttributionShift("Paid Search", 10_226_215, 0.19, 9_409_235, 0.18, -1.5));
        java.util.List<AnalysisResult.TopProduct> products = java.util.List.of(
                new AnalysisResult.TopProduct(1, "Puffy Lux Hybrid Mattress", 9_413, 9_413, 19_530_595, 0.4, 0),
                new AnalysisResult.TopProduct(2, "The Puffy Mattress", 13_405, 13_405, 11_626_765, 0.2, 0));
        java.util.List<AnalysisResult.FunnelStep> funnel = java.util.List.of(
                new AnalysisResult.FunnelStep("sessions", "Sessions", 9_586_743, 1, 1, 0, 0),
                new AnalysisResult.FunnelStep("purchase", "Purchased", 55_996, 0.01, 0.01, 9_530_747, 0.99));
        assertTextInside(Charts.attribution(channels, "a").wide(), Charts.FULL_WIDTH);
        assertTextInside(Charts.topProducts(products, "p").wide(), Charts.FULL_WIDTH);
        assertTextInside(Charts.funnel(funnel, "f").wide(), Charts.FULL_WIDTH);
        assertThat(Charts.attribution(channels, "a").wide()).contains(">$17,500,000</text>");
        assertTextInside(Charts.attribution(channels, "a").narrow(), Charts.NARROW_WIDTH);
        assertTextInside(Charts.topProducts(products, "p").narrow(), Charts.NARROW_WIDTH);
        assertTextInside(Charts.funnel(funnel, "f").narrow(), Charts.NARROW_WIDTH);
    }

    @Test
    void everyChartIsDrawnWideAndNarrowWithIdsThatStayUnique() {
        var charts = java.util.regex.Pattern.compile("<div class=\"wide\"><svg [^>]*id='([^']+)'[^>]*viewBox='0 0 "
                + "([0-9]+) [0-9]+'.*?</svg></div><div class=\"narrow\"><svg [^>]*id='([^']+)'[^>]*viewBox='0 0 "
                + "([0-9]+) [0-9]+'").matcher(html).results().toList();
        assertThat(charts).as("charts drawn twice").hasSize(10);
        for (var chart : charts) {
            assertThat(chart.group(3)).isEqualTo(chart.group(1) + "-narrow");
            assertThat(Integer.parseInt(chart.group(2))).isIn(Charts.FULL_WIDTH, Charts.HALF_WIDTH);
            assertThat(Integer.parseInt(chart.group(4))).isEqualTo(Charts.NARROW_WIDTH);
        }
    }

    @Test
    void onPaperAStackedPairMayBreakBetweenItsTwoChartsButNotInsideOne() {
        // Letter paper is narrow: the pairs stack there, about 600 px high, and a pair kept whole left half a page
        // blank before it.
        String print = html.substring(html.indexOf("@media print"));
        assertThat(print).contains(".pair>div,").doesNotContainPattern("[{,]\\.pair[,{]");
    }

    @Test
    void onAnEightHundredPixelWindowChartsAreShownAtTheWidthTheyWereDrawnAt() throws Exception {
        // Laid out by a browser: the wide drawings were scaled to two-thirds there, their 12 px labels read as 8 px.
        assertThat(chartScales(1280)).as("wide window").allSatisfy(scale -> assertThat(scale).isBetween(0.9, 1.01));
        assertThat(chartScales(800)).as("800 px window").allSatisfy(scale -> assertThat(scale).isBetween(0.95, 1.1));
    }

    @Test
    void onAWindowNarrowerThanSevenHundredPixelsNothingWidensThePagePastIt() throws Exception {
        // The six KPI tiles and the wide tables made the page 718 px wide in a 600 px window: a phone's browser
        // zooms such a page out as a whole. Tables too wide for the window scroll inside their card instead.
        for (int width : new int[] {600, 500}) {
            String measured = measure(html, width, "[innerWidth, document.documentElement.scrollWidth].join(' ')");
            String[] widths = measured.split(" ");
            assertThat(Integer.parseInt(widths[1])).as("page width in a %s px window", widths[0])
                    .isLessThanOrEqualTo(Integer.parseInt(widths[0]));
        }
    }

    @Test
    void atEightHundredPixelsEachDataIssueOfTheDailyTableTakesOneLine() throws Exception {
        // "zero-revenue orders (1); item prices missing (1)" ran over four lines of a column a sixth of the table
        // wide, breaking inside the names. A day of pq-g14 with two issues and a day without event rows stand in.
        Path work = analyzedWithoutMarch2("work-issues");
        String page = Files.readString(work.resolve(AnalysisStage.REPORT)).replace("<td class=\"txt issues\"></td>",
                "<td class=\"txt issues\">" + HtmlReport.issues("zero-revenue orders (1); item prices missing (1)")
                        + "</td>");
        assertThat(page).contains("<span class=\"issue\">zero-revenue orders (1)</span>");
        String measured = measure(page, 800, "[...document.querySelectorAll('#trend tbody tr')].map(row => {"
                + " const cell = row.lastElementChild, style = getComputedStyle(cell);"
                + " const lines = (cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom))"
                + " / parseFloat(style.lineHeight);"
                + " return Math.round(lines) + ':' + Math.max(1, cell.querySelectorAll('.issue').length); }).join(' ')");
        assertThat(measured.split(" ")).as("lines:issues of each day").hasSizeGreaterThanOrEqualTo(3)
                .contains("2:2").allSatisfy(day -> {
                    String[] linesAndIssues = day.split(":");
                    assertThat(Integer.parseInt(linesAndIssues[0])).as(day)
                            .isLessThanOrEqualTo(Integer.parseInt(linesAndIssues[1]));
                });
    }

    @Test
    void atEightHundredPixelsNoHeaderOfTheDailyTableTakesMoreThanTwoLines() throws Exception {
        // "No client id" stood on three lines ("No / client / id") above figures of five characters, the header row
        // three lines tall. Days of pq-g14's size (revenue "$16,250", 12.0% without a client id) and a day with two
        // issues stand in for its table, whose figures and issue column take the room.
        Path out = dir.resolve("run");
        Path work = dir.resolve("work-headers");
        Files.writeString(out.resolve("transform/daily_metrics.csv"), """
                date,events,sessions,users,conversions,revenue,session_cvr,bot_share,client_id_null_rate,rows_read,rows_missing_client_id,bot_rows,orders_zero_revenue,orders_item_price_missing,orders_collided,direct_revenue_last_click
                2025-03-01,3400,2080,1900,15,15706.25,0.0072,0.13,0.01,3500,35,442,0,0,0,0
                2025-03-02,3300,1714,1650,21,18342.5,0.0123,0.14,0.12,3400,408,462,0,0,0,0
                2025-03-03,3500,2046,1990,11,7414.75,0.0054,0.2,0.009,3600,32,700,1,1,0,0
                """);
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        String page = Files.readString(work.resolve(AnalysisStage.REPORT)).replace("<td class=\"txt issues\"></td>",
                "<td class=\"txt issues\">" + HtmlReport.issues("zero-revenue orders (1); item prices missing (1)")
                        + "</td>");
        String measured = measure(page, 800, "[...document.querySelectorAll('#trend thead th')].map(th => {"
                + " const range = document.createRange(); range.selectNodeContents(th);"
                + " return th.textContent.replace(/\\u00a0/g, ' ') + ':' + new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;"
                + " }).join('|') + '|page:' + (document.documentElement.scrollWidth <= window.innerWidth ? 1 : 9)");
        assertThat(measured.split("\\|")).as("header:lines").contains("No client id:2", "page:1")
                .allSatisfy(header -> assertThat(Integer.parseInt(header.substring(header.lastIndexOf(':') + 1)))
                        .as(header).isLessThanOrEqualTo(2));
    }

    /** The fixture analysed again into {@code workName} with Mar 2 (its middle day) left out of daily_metrics.csv. */
    private Path analyzedWithoutMarch2(String workName) throws Exception {
        Path out = dir.resolve("run");
        Path work = dir.resolve(workName);
        Path daily = out.resolve("transform/daily_metrics.csv");
        Files.writeString(daily, Files.readString(daily).replaceAll("(?m)^2025-03-02,.*\n", ""));
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        return work;
    }

    /** What {@code expression} says of {@code page} laid out by headless Chromium in a window {@code width} wide. */
    private String measure(String page, int width, String expression) throws Exception {
        Path file = dir.resolve("measure-" + width + "-" + Integer.toHexString(expression.hashCode()) + ".html");
        Files.writeString(file, page.replace("</body>", "<script>document.body.setAttribute('data-measured', "
                + expression + ");</script></body>"));
        Path out = chromiumDumpDom(file, file.getFileName().toString(), "--hide-scrollbars",
                "--window-size=" + width + ",900");
        var measured = java.util.regex.Pattern.compile("data-measured=\"([^\"]*)\"").matcher(Files.readString(out));
        assertThat(measured.find()).as("the measuring script ran").isTrue();
        return measured.group(1);
    }

    /** Each visible chart's shown width over its drawn width, as headless Chromium lays the page out. */
    private java.util.List<Double> chartScales(int windowWidth) throws Exception {
        Path page = dir.resolve("measured-" + windowWidth + ".html");
        Files.writeString(page, html.replace("</body>", "<script>document.body.setAttribute('data-scales',"
                + "[...document.querySelectorAll('svg.chart')].filter(s => s.getBoundingClientRect().width > 0)"
                + ".map(s => (s.getBoundingClientRect().width / s.viewBox.baseVal.width).toFixed(3)).join(' '));"
                + "</script></body>"));
        Path out = chromiumDumpDom(page, "scales-" + windowWidth, "--hide-scrollbars",
                "--window-size=" + windowWidth + ",900");
        var scales = java.util.regex.Pattern.compile("data-scales=\"([^\"]*)\"")
                .matcher(Files.readString(out));
        assertThat(scales.find()).as("the measuring script ran").isTrue();
        java.util.List<Double> values = java.util.Arrays.stream(scales.group(1).split(" ")).map(Double::valueOf).toList();
        assertThat(values).as("charts shown").hasSizeGreaterThanOrEqualTo(8);
        return values;
    }

    private static void assertTextInside(String svg, int width) {
        var text = java.util.regex.Pattern.compile(
                "<text x='([-0-9.]+)'[^>]*font-size: ([0-9.]+)px;[^>]*>([^<]*)</text>").matcher(svg);
        int seen = 0;
        while (text.find()) {
            double x = Double.parseDouble(text.group(1));
            double size = Double.parseDouble(text.group(2));
            String label = text.group(3);
            assertThat(x).as("left of %s", label).isGreaterThanOrEqualTo(0);
            assertThat(x + Charts.labelWidthEstimate(label, size)).as("right end of %s", label)
                    .isLessThanOrEqualTo(width);
            seen++;
        }
        assertThat(seen).isGreaterThan(3);
    }

    @Test
    void aColumnNameQuotedInBackticksIsSetAsCodeNotShownWithItsBackticks() throws Exception {
        Path out = dir.resolve("run");
        Path work = dir.resolve("work-drift");
        Path incidents = out.resolve("monitoring/incidents.csv");
        Files.writeString(incidents, Files.readString(incidents) + "I4,SCHEMA_DRIFT,2025-03-01,2025-03-02,2,CRITICAL,"
                + "`referrer` missing on 2025-03-02\n");
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(page).contains("<code>referrer</code> missing on 2025-03-02").doesNotContain("`");
        assertThat(HtmlReport.prose("`a<b>` and `c` but a lone ` stays")).isEqualTo(
                "<code>a&lt;b&gt;</code> and <code>c</code> but a lone ` stays");
    }

    @Test
    void theFooterSaysWhatTheNumbersOfTheCsvTablesAre() {
        String footer = html.substring(html.indexOf("<footer"));
        assertThat(footer).contains("also in this folder as CSV: overview.csv")
                .contains("money is in dollars to the cent").contains("rates and shares are fractions (0.0101 is 1.01%)");
    }

    @Test
    void anIncidentDatedInAnotherYearThanThePeriodSaysItsYear() throws Exception {
        // FRESHNESS is dated on the run's day: "Nov 27" beside a period of March 2025 read as November 2025.
        Path out = dir.resolve("run");
        Path work = dir.resolve("work-fresh");
        Files.writeString(out.resolve("monitoring/incidents.csv"), """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I-20261127-FRESHNESS,FRESHNESS,2026-11-27,2026-11-27,1,CRITICAL,latest partition 2025-03-03 is 634 days old
                I3,ZERO_REVENUE_ORDERS,2025-03-03,2025-03-03,1,WARNING,1 order with revenue 0
                """);
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        String page = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(page).contains("<td class=\"txt\">FRESHNESS</td><td class=\"date\">Nov 27, 2026</td>")
                .contains("<td class=\"txt\">ZERO_REVENUE_ORDERS</td><td class=\"date\">Mar 3</td>");
        assertThat(AnalysisResults.read(work).insights(Insights.ALERTS))
                .anyMatch(line -> line.startsWith("Most severe: FRESHNESS on Nov 27, 2026: "));
    }

    @Test
    void inPrintEachSectionHeadingStaysOnThePageOfTheFirstChartItIntroduces() throws Exception {
        // The heading and sentences of "Daily trend", "Funnel" and "Channels" sat alone at the foot of a printed
        // page, their chart on the next: they now share one block that print keeps whole.
        Document doc = parseStrictly();
        var xpath = XPathFactory.newInstance().newXPath();
        String[][] sections = {{"trend", "chart-revenue"}, {"funnel", "chart-funnel"},
                {"channels", "chart-attribution"}, {"segments", "chart-devices"}, {"path", "chart-time"},
                {"products", "chart-products"}};
        for (String[] section : sections) {
            String lead = "//*[local-name()='section'][@id='" + section[0] + "']/*[local-name()='div'][@class='lead']";
            assertThat((String) xpath.evaluate(lead + "/*[local-name()='h2']", doc, XPathConstants.STRING))
                    .as(section[0]).isNotBlank();
            assertThat(((NodeList) xpath.evaluate(lead + "//*[local-name()='svg'][@id='" + section[1] + "']", doc,
                    XPathConstants.NODESET)).getLength()).as(section[0]).isEqualTo(1);
            assertThat(((NodeList) xpath.evaluate(lead + "//*[local-name()='table']", doc, XPathConstants.NODESET))
                    .getLength()).as("tables may run across pages: %s", section[0]).isZero();
        }
        assertThat(html).contains(".lead{break-inside:avoid}");
    }

    @Test
    void datesInTablesDoNotWrapSoAPrintedDailyTableKeepsOneLinePerDay() {
        // Printed on Letter paper the daily table broke "Feb 23" into two lines and every row grew.
        assertThat(html).contains("<th class=\"date\">Date</th>").contains(".date{text-align:left;white-space:nowrap}");
        String print = html.substring(html.indexOf("@media print{"));
        assertThat(print.substring(0, print.indexOf("}}") + 2)).contains(".insight{break-after:avoid}");
    }

    @Test
    void printingKeepsTheColoursOfTheChartKeysAndSeverityChips() {
        // Browsers print without background colours unless asked ("Background graphics" is off by default): the
        // keys' squares of clean, amber and no-data days printed empty, and the severity chips without their colour.
        String print = html.substring(html.indexOf("@media print{"));
        assertThat(print.substring(0, print.indexOf("}}") + 2)).containsPattern(
                "\\.swatch,\\.chip,[^{]*\\{-webkit-print-color-adjust:exact;print-color-adjust:exact}");
    }

    @Test
    void anEmptyTableSaysSoWithoutOfferingItsCsvFile() throws Exception {
        Path out = dir.resolve("run");
        Path work = dir.resolve("work-empty");
        for (String file : new String[] {"quality/findings.csv", "monitoring/alerts.csv", "monitoring/incidents.csv",
                "transform/order_items.csv"}) {
            Path path = out.resolve(file);
            Files.writeString(path, Files.readString(path).lines().findFirst().orElseThrow() + "\n");
        }
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        String empty = Files.readString(work.resolve(AnalysisStage.REPORT));
        assertThat(empty).contains("<p class=\"empty\">Nothing to show.</p>")
                .doesNotContain("Nothing to show.</p><p class=\"csv\">")
                .doesNotContain("Table as CSV: " + ReportTables.FINDINGS)
                .doesNotContain("Table as CSV: " + ReportTables.INCIDENTS)
                .doesNotContain("Table as CSV: " + ReportTables.PRODUCTS);
        assertThat(html).as("tables with rows keep their note").contains("Table as CSV: " + ReportTables.FINDINGS,
                "Table as CSV: " + ReportTables.INCIDENTS, "Table as CSV: " + ReportTables.PRODUCTS);
        assertThat(empty).as("the alert counts have a row per severity, zeros included")
                .contains("Table as CSV: " + ReportTables.ALERTS);
    }

    @Test
    void textFromTheDataIsEscaped() {
        assertThat(html).doesNotContain("<script");
        assertThat(html).contains("https://evil.example/&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("Topper &lt;b&gt;&quot;Firm&quot;&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;");
        assertThat(html).doesNotContain("<b>\"Firm\"</b>");
    }

    @Test
    void charactersXmlForbidsInTheDataAreReplacedSoTheReportStaysWellFormed() throws Exception {
        Path out = dir.resolve("run");
        Path work = dir.resolve("work-controls");
        // A product name with a control character and a noncharacter (valid UTF-8, e.g. from "\u0001" in the
        // purchase JSON): it is drawn in the top-products chart and written in its table and insight.
        Path items = out.resolve("transform/order_items.csv");
        Files.writeString(items, Files.readString(items).replace("Puffy Lux Mattress", "Lux\u0001Mattress\uFFFF"));
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        html = Files.readString(work.resolve(AnalysisStage.REPORT));
        parseStrictly();
        assertThat(html).contains("Lux\uFFFDMattress\uFFFD").doesNotContain("\u0001").doesNotContain("\uFFFF");
        assertThat(HtmlReport.xmlCharacters("a\uD83D\uDE00b\u0000\uD800c")).isEqualTo("a\uD83D\uDE00b\uFFFD\uFFFDc");
    }

    @Test
    void theReportIsWellFormedXhtmlWithInlineSvgAndNoScript() throws Exception {
        Document doc = parseStrictly();
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(((NodeList) xpath.evaluate("//*[local-name()='script']", doc, XPathConstants.NODESET)).getLength())
                .isZero();
        assertThat(((NodeList) xpath.evaluate("//*[local-name()='svg']", doc, XPathConstants.NODESET)).getLength())
                .as("ten charts, each drawn wide and narrow").isEqualTo(20);
        assertThat(((NodeList) xpath.evaluate("//*[local-name()='table']", doc, XPathConstants.NODESET)).getLength())
                .isEqualTo(12);
        NodeList ids = (NodeList) xpath.evaluate("//@id", doc, XPathConstants.NODESET);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < ids.getLength(); i++) {
            assertThat(seen.add(ids.item(i).getNodeValue())).as("id %s is unique", ids.item(i).getNodeValue())
                    .isTrue();
        }
    }

    @Test
    void theReportNeedsNoNetwork() throws Exception {
        Document doc = parseStrictly();
        var xpath = XPathFactory.newInstance().newXPath();
        NodeList refs = (NodeList) xpath.evaluate("//@src | //@href | //*[local-name()='link']", doc,
                XPathConstants.NODESET);
        for (int i = 0; i < refs.getLength(); i++) {
            assertThat(refs.item(i).getNodeValue()).as("only in-page links").startsWith("#");
        }
        assertThat(html).doesNotContain("@import");
        assertThat(html).as("url() only points into the page (SVG clip paths)").doesNotContainPattern("url\\([^#]");
    }

    @Test
    void chartsFormatMoneyAndDates() {
        assertThat(html).contains("Mar 1").contains("Mar 3");
        assertThat(html).containsPattern(">\\$[0-9,]+<");
    }

    @Test
    void theReportOpensInHeadlessChromiumWithoutErrors() throws Exception {
        Path out = chromiumDumpDom(report, "chromium", "--enable-logging=stderr", "--v=0");
        String dom = Files.readString(out);
        assertThat(dom).contains("id=\"report-end\"").contains("Marketing performance");
        String errors = Files.readString(dir.resolve("chromium.err"));
        assertThat(errors).doesNotContain("Uncaught").doesNotContain("CONSOLE");
    }

    /**
     * The page as headless Chromium leaves it (scripts run), written to {@code name.out} beside {@code name.err};
     * skipped where there is no Chromium or it does not finish in time.
     */
    private Path chromiumDumpDom(Path page, String name, String... options) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "no Chromium on this machine: the pure-Java checks cover the markup");
        Path profile = Files.createDirectories(dir.resolve("profile-" + name));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(chromium.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile));
        command.addAll(java.util.List.of(options));
        command.addAll(java.util.List.of("--dump-dom", page.toUri().toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(dir.resolve(name + ".err").toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assumeTrue(finished, "Chromium did not finish in time on this machine");
        assertThat(process.exitValue()).as("Chromium's exit code").isZero();
        return dir.resolve(name + ".out");
    }
}
