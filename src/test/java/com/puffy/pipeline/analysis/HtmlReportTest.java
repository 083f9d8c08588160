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
        assertThat(print).contains("svg.chart", "tr", "break-inside:avoid", "h2,h3{break-after:avoid}",
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
        Path out = dir.resolve("run");
        Path work = dir.resolve("work-no-orders");
        Path daily = out.resolve("transform/daily_metrics.csv");
        Files.writeString(daily, Files.readString(daily).replace("2025-03-02,4,2,3,1,50,", "2025-03-02,4,2,3,0,0,"));
        new AnalysisStage().run(AnalysisFixture.context(out, work), Progress.NONE, Cancellation.none());
        assertThat(Files.readString(work.resolve(AnalysisStage.REPORT))).contains("<td class=\"txt\">Mar 2</td>"
                + "<td class=\"num\">$0</td><td class=\"num\">0</td><td class=\"num\">\u2013</td>");
        assertThat(html).contains("<td class=\"txt\">Mar 1</td><td class=\"num\">$100</td><td class=\"num\">1</td>"
                + "<td class=\"num\">$100</td>");
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
                .isEqualTo(10);
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
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "no Chromium on this machine: the pure-Java checks cover validity");
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                report.toUri().toString())
                .redirectError(dir.resolve("chromium.err").toFile())
                .redirectOutput(dir.resolve("chromium.out").toFile())
                .start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assumeTrue(finished, "Chromium did not finish in time on this machine");
        assertThat(process.exitValue()).isZero();
        String dom = Files.readString(dir.resolve("chromium.out"));
        assertThat(dom).contains("id=\"report-end\"").contains("Marketing performance");
        String errors = Files.readString(dir.resolve("chromium.err"));
        assertThat(errors).doesNotContain("Uncaught").doesNotContain("CONSOLE");
    }
}
