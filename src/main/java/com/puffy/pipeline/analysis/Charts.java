package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.AttributionShift;
import com.puffy.pipeline.analysis.AnalysisResult.DailyTrend;
import com.puffy.pipeline.analysis.AnalysisResult.FunnelStep;
import com.puffy.pipeline.analysis.AnalysisResult.PathBucket;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import com.puffy.pipeline.analysis.AnalysisResult.TopProduct;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart into inline SVG with JFreeSVG (docs/decisions/0500-charts.md): one
 * palette, light grid lines on the value axis only, no titles inside the charts (the page has headings), money as
 * {@code $12,345}, dates as {@code Feb 23}, all in UTC so the output does not depend on the machine.
 */
final class Charts {
    static final Color NAVY = new Color(0x1F3A5F);
    static final Color SKY = new Color(0x8DB3D9);
    static final Color TEAL = new Color(0x2A9D8F);
    static final Color AMBER = new Color(0xE9A23B);
    static final Color GRID = new Color(0xE3E7ED);
    static final Color TEXT = new Color(0x3D4A5C);
    static final Color NO_DATA = new Color(0xEEF0F3);
    private static final Font TICK = new Font("SansSerif", Font.PLAIN, 12);
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 11);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    static final int FULL_WIDTH = 1040;
    static final int HALF_WIDTH = 510;
    /**
     * Every chart's width on a page of about 800 px and on paper, where the wide drawings were scaled to two-thirds
     * and their 12 px labels read as 8 px: drawn again at the width they are shown, text keeps its size.
     */
    static final int NARROW_WIDTH = 680;
    /** About what a value axis' labels and title take of a chart's width ("$25,000" and "Revenue" turned up). */
    static final int VALUE_AXIS_ROOM = 80;

    static {
        // JFreeChart draws rotated text (the value axes' labels) through a TextLayout by default, which JFreeSVG
        // writes as glyph outlines: unsearchable, unread by screen readers, in the JDK's font. Plain drawString
        // writes a rotated <text>; the workaround was for old JDKs' rotated-text bugs, not for SVG.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Charts() {
    }

    /** Daily revenue bars; days touched by a data-quality finding are amber. */
    static Drawing dailyRevenue(List<DailyTrend> days, String id) {
        TimeSeries series = dailySeries("Revenue", days, DailyTrend::revenue);
        Set<Day> flagged = days.stream().filter(DailyTrend::hasIssues).map(d -> day(d.date()))
                .collect(Collectors.toSet());
        XYBarRenderer renderer = new XYBarRenderer(0.25) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return flagged.contains(series.getTimePeriod(column)) ? AMBER : NAVY;
            }
        };
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        NumberAxis axis = labelled(moneyAxis(), "Revenue");
        ticks(axis, days.stream().mapToDouble(DailyTrend::revenue).toArray(), 5, true, 0);
        XYPlot plot = new XYPlot(new TimeSeriesCollection(series, UTC), dateAxis(days), axis, renderer);
        markNoData(plot, days);
        return new Drawing(chart(plot, false), FULL_WIDTH, 300, id, "Revenue per day");
    }

    /** One daily series as a line: sessions (count) or session conversion rate (percent). */
    static Drawing dailyLine(List<DailyTrend> days, boolean conversionRate, String id) {
        TimeSeries series = dailySeries(conversionRate ? "Conversion rate" : "Sessions", days,
                d -> conversionRate ? d.sessionCvr() : d.sessions());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, days.size() <= 31) {
            // Past a month the line has no dots, and a day with data between two days without has no segment
            // either: it was not drawn at all. Such a day keeps its dot.
            @Override
            public boolean getItemShapeVisible(int row, int column) {
                return super.getItemShapeVisible(row, column) || alone(series, column);
            }
        };
        renderer.setSeriesPaint(0, conversionRate ? TEAL : NAVY);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        NumberAxis axis = conversionRate ? labelled(percentAxis(), "Conversion rate") : labelled(countAxis(), "Sessions");
        ticks(axis, days.stream().mapToDouble(d -> conversionRate ? d.sessionCvr() : d.sessions()).toArray(), 4,
                !conversionRate, 0);
        TimeSeriesCollection data = new TimeSeriesCollection(series, UTC);
        // A day's dot in the middle of its day, under its date label: at the day's start (the collection's default)
        // each dot stood half a day left of its label, halfway to the day before's.
        data.setXPosition(org.jfree.data.time.TimePeriodAnchor.MIDDLE);
        XYPlot plot = new XYPlot(data, dateAxis(days), axis, renderer);
        markNoData(plot, days);
        return new Drawing(chart(plot, false), HALF_WIDTH, 260, id, conversionRate ? "Session conversion rate per day"
                : "Sessions per day");
    }

    /** Whether the item has a value and neither neighbour has one, so the line draws no segment to it. */
    static boolean alone(TimeSeries series, int item) {
        return series.getValue(item) != null && (item == 0 || series.getValue(item - 1) == null)
                && (item == series.getItemCount() - 1 || series.getValue(item + 1) == null);
    }

    /**
     * A day's value for every day with data and an empty value for each day of the period without: the line
     * renderer draws no segment to or from an empty value and the bar renderer no bar, where a series of only the
     * days with data joined the days either side of a missing file with a straight line.
     */
    static TimeSeries dailySeries(String name, List<DailyTrend> days, java.util.function.ToDoubleFunction<DailyTrend>
            value) {
        TimeSeries series = new TimeSeries(name);
        for (DailyTrend d : days) {
            series.addOrUpdate(day(d.date()), value.applyAsDouble(d));
        }
        for (String missing : com.puffy.pipeline.core.DayGaps.missingDays(days.stream().map(DailyTrend::date)
                .toList())) {
            series.addOrUpdate(day(missing), null);
        }
        return series;
    }

    /**
     * A grey band over each run of days without event rows, and "no data" written in it where it fits: a gap alone
     * reads like a day of zero revenue among the bars.
     */
    private static void markNoData(XYPlot plot, List<DailyTrend> days) {
        List<long[]> bands = new java.util.ArrayList<>();
        for (List<String> run : runs(com.puffy.pipeline.core.DayGaps.missingDays(days.stream().map(DailyTrend::date)
                .toList()))) {
            long start = day(run.get(0)).getFirstMillisecond();
            long end = day(run.get(run.size() - 1)).getLastMillisecond() + 1;
            org.jfree.chart.plot.IntervalMarker marker = new org.jfree.chart.plot.IntervalMarker(start, end);
            marker.setPaint(NO_DATA);
            marker.setAlpha(1f);
            plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
            bands.add(new long[] {start, end});
        }
        if (!bands.isEmpty()) {
            plot.addAnnotation(new NoDataLabels(bands), false);
        }
    }

    static final String NO_DATA_LABEL = "no data";

    /**
     * "no data" in each band: across it where the label fits (a band of a day or more on a wide chart), up it where
     * only the label's height fits (a day on a half-width chart, as the app writes it), and not at all in a band
     * narrower still, where the legend under the chart names the days. The marker's own label was written across
     * the band whatever its width, on a dark grey box: on the half-width charts (a day about 31 px, the label 42 px
     * and more in a browser's font) it ran out of the band over the neighbouring days, where a point near the top
     * of the plot sits under it. Drawn once the plot area is laid out, since the band's width in pixels is known
     * only then.
     */
    static final class NoDataLabels extends org.jfree.chart.annotations.AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        /** Room between the label and the band's edges, and below the plot's top. */
        static final double INSET = 3;
        private final List<long[]> bands;

        NoDataLabels(List<long[]> bands) {
            this.bands = List.copyOf(bands);
        }

        @Override
        public void draw(java.awt.Graphics2D g2, XYPlot plot, java.awt.geom.Rectangle2D dataArea,
                         org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                         int rendererIndex, org.jfree.chart.plot.PlotRenderingInfo info) {
            java.awt.FontMetrics metrics = g2.getFontMetrics(LABEL);
            // The browser's sans-serif may be wider than the JDK's, as for the value axes' end labels.
            double length = Math.max(metrics.stringWidth(NO_DATA_LABEL), labelWidthEstimate(NO_DATA_LABEL,
                    LABEL.getSize()));
            double height = metrics.getAscent() + metrics.getDescent();
            RectangleEdge edge = plot.getDomainAxisEdge();
            g2.setFont(LABEL);
            g2.setPaint(TEXT);
            for (long[] band : bands) {
                double a = domainAxis.valueToJava2D(band[0], dataArea, edge);
                double b = domainAxis.valueToJava2D(band[1], dataArea, edge);
                double left = Math.max(Math.min(a, b), dataArea.getMinX());
                double right = Math.min(Math.max(a, b), dataArea.getMaxX());
                double centre = (left + right) / 2;
                double top = dataArea.getMinY() + INSET;
                // Placed by where the text starts, the browser's side of it: a wider font runs on towards the
                // band's far edge, within the room kept for the wider estimate.
                if (right - left >= length + 2 * INSET) {
                    org.jfree.chart.text.TextUtils.drawAlignedString(NO_DATA_LABEL, g2, (float) (centre - length / 2),
                            (float) top, TextAnchor.TOP_LEFT);
                } else if (right - left >= height + 2 * INSET && dataArea.getHeight() >= length + 2 * INSET) {
                    org.jfree.chart.text.TextUtils.drawRotatedString(NO_DATA_LABEL, g2, (float) centre,
                            (float) (top + length), TextAnchor.CENTER_LEFT, -Math.PI / 2, TextAnchor.CENTER_LEFT);
                }
            }
        }
    }

    /** Consecutive ISO days grouped: [Mar 1, Mar 2], [Mar 5]. */
    static List<List<String>> runs(List<String> isoDays) {
        List<List<String>> runs = new java.util.ArrayList<>();
        LocalDate previous = null;
        for (String iso : isoDays) {
            LocalDate date = LocalDate.parse(iso);
            if (previous == null || !date.equals(previous.plusDays(1))) {
                runs.add(new java.util.ArrayList<>());
            }
            runs.get(runs.size() - 1).add(iso);
            previous = date;
        }
        return runs;
    }

    /** Sessions at each funnel step, labelled with the share of the first step. */
    static Drawing funnel(List<FunnelStep> steps, String id) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FunnelStep s : steps) {
            data.addValue(s.sessions(), "Sessions", s.label());
        }
        BarRenderer renderer = barRenderer(NAVY);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                FunnelStep s = steps.get(column);
                return Fmt.count(s.sessions()) + "  (" + Fmt.rate(s.rateFromStart()) + ")";
            }
        });
        itemLabelsOutside(renderer, true);
        NumberAxis axis = labelled(countAxis(), "Sessions");
        ticks(axis, steps.stream().mapToDouble(FunnelStep::sessions).toArray(), 6, true, 0.22);
        CategoryPlot plot = horizontal(new CategoryPlot(data, categoryAxis(true), axis, renderer));
        return new Drawing(chart(plot, false), FULL_WIDTH, 60 + 44 * Math.max(1, steps.size()), id, "Conversion funnel");
    }

    /** Channel revenue under first click and last click, side by side. */
    static Drawing attribution(List<AttributionShift> channels, String id) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AttributionShift s : channels) {
            data.addValue(s.firstClickRevenue(), "First click", s.channel());
            data.addValue(s.lastClickRevenue(), "Last click", s.channel());
        }
        BarRenderer renderer = barRenderer(SKY);
        renderer.setSeriesPaint(1, NAVY);
        renderer.setItemMargin(0.05);
        NumberAxis axis = labelled(moneyAxis(), "Revenue");
        ticks(axis, channels.stream().flatMapToDouble(s -> java.util.stream.DoubleStream.of(s.firstClickRevenue(),
                s.lastClickRevenue())).toArray(), 6, true, 0);
        CategoryPlot plot = horizontal(new CategoryPlot(data, categoryAxis(true), axis, renderer));
        return new Drawing(chart(plot, true), FULL_WIDTH, 90 + 46 * Math.max(1, channels.size()), id,
                "Channel revenue, first click versus last click");
    }

    /** Conversion rate per segment (device, new/returning), labelled. */
    static Drawing segmentCvr(List<Segment> segments, String id, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Segment s : segments) {
            data.addValue(s.cvr(), "Conversion rate", s.segment());
        }
        BarRenderer renderer = barRenderer(TEAL);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return Fmt.rate(segments.get(column).cvr());
            }
        });
        itemLabelsOutside(renderer, false);
        NumberAxis axis = labelled(percentAxis(), "Conversion rate");
        ticks(axis, segments.stream().mapToDouble(Segment::cvr).toArray(), 4, false, 0.18);
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), axis, renderer);
        return new Drawing(chart(plot, false), HALF_WIDTH, 260, id, title);
    }

    /** Orders per bucket of time or sessions from first touch to purchase. */
    static Drawing pathBuckets(List<PathBucket> buckets, String id, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PathBucket b : buckets) {
            data.addValue(b.orders(), "Orders", b.bucket());
        }
        BarRenderer renderer = barRenderer(NAVY);
        renderer.setMaximumBarWidth(0.14);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return Fmt.percent(buckets.get(column).share());
            }
        });
        itemLabelsOutside(renderer, false);
        NumberAxis axis = labelled(countAxis(), "Orders");
        ticks(axis, buckets.stream().mapToDouble(PathBucket::orders).toArray(), 4, true, 0.18);
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), axis, renderer);
        return new Drawing(chart(plot, false), HALF_WIDTH, 260, id, title);
    }

    /** Revenue of the top products. */
    static Drawing topProducts(List<TopProduct> products, String id) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TopProduct p : products) {
            String name = p.itemName().length() > 42 ? p.itemName().substring(0, 41) + "\u2026" : p.itemName();
            data.addValue(p.revenue(), "Revenue", p.rank() + ". " + name);
        }
        BarRenderer renderer = barRenderer(NAVY);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return Fmt.money(products.get(column).revenue());
            }
        });
        itemLabelsOutside(renderer, true);
        NumberAxis axis = labelled(moneyAxis(), "Revenue");
        ticks(axis, products.stream().mapToDouble(TopProduct::revenue).toArray(), 6, true, 0.15);
        CategoryPlot plot = horizontal(new CategoryPlot(data, categoryAxis(true), axis, renderer));
        return new Drawing(chart(plot, false), FULL_WIDTH, 60 + 34 * Math.max(1, products.size()), id, "Top products");
    }

    private static CategoryPlot horizontal(CategoryPlot plot) {
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        return plot;
    }

    /**
     * About {@code target} round ticks (1, 2, 2.5 or 5 times a power of ten), from 0 (or a tick below the lowest
     * value) to the first tick at or above the highest value plus {@code labelRoom} (a share of it, for the labels
     * printed above bars): every bar and point sits under a labelled gridline. JFreeChart's automatic range ended at
     * the maximum plus 5 %, between two ticks, so the last gridline could lie below the tallest bar. Without data, or
     * with only zeros, the axis runs from 0 to 1.
     */
    static void ticks(NumberAxis axis, double[] values, int target, boolean integer, double labelRoom) {
        double max = 0;
        double min = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        double span = Math.max(max, -min) > 0 ? Math.max(max, -min) : 1;
        double step = Ticks.niceStep(span, target, integer);
        double upper = max > 0 ? Ticks.axisTop(max * (1 + labelRoom), step) : min < 0 ? 0 : Ticks.axisTop(1, step);
        double lower = min < 0 ? -Ticks.axisTop(-min, step) : 0;
        NumberFormat format = labelFormat(axis.getNumberFormatOverride(), step);
        axis.setNumberFormatOverride(format);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step, format));
        // A hair beyond the end tick: JFreeChart drops a tick or gridline whose computed value (0.1 * 3 =
        // 0.30000000000000004) lies outside the range by rounding.
        axis.setRange(lower - step * 1e-9, upper + step * 1e-9);
    }

    /**
     * The axis' format with the decimals its step has, the same on every label: a rate axis stepping by 0.25 %
     * labelled its 1.25 % tick "1.2%", below the 1.23 % it was meant to cover, and one stepping by 0.1 % read
     * "0.9%, 1%, 1.1%", each label dropping its own trailing zero (Ticks.decimals).
     */
    static NumberFormat labelFormat(NumberFormat format, double step) {
        if (format instanceof ZeroBare already) {
            format = already.others;
        }
        if (!(format instanceof DecimalFormat decimal)) {
            return format;
        }
        int digits = Ticks.decimals(step * decimal.getMultiplier());
        DecimalFormat even = (DecimalFormat) decimal.clone();
        even.setMinimumFractionDigits(digits);
        even.setMaximumFractionDigits(digits);
        DecimalFormat bare = (DecimalFormat) decimal.clone();
        bare.setMinimumFractionDigits(0);
        bare.setMaximumFractionDigits(0);
        return new ZeroBare(even, bare, step);
    }

    /**
     * An axis' format whose zero tick is written bare ("0%", as the app's axes, {@link Ticks#isZeroTick}) and every
     * other tick with the decimals of the step: the conversion line's axis read "0.00%, 0.25% … 1.00%" (decision 0833).
     */
    static final class ZeroBare extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat others;
        private final DecimalFormat zero;
        private final double step;

        ZeroBare(DecimalFormat others, DecimalFormat zero, double step) {
            this.others = others;
            this.zero = zero;
            this.step = step;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return Ticks.isZeroTick(number, step) ? zero.format(0, toAppendTo, pos)
                    : others.format(number, toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition parsePosition) {
            return others.parse(source, parsePosition);
        }
    }

    private static String twoDecimals(double value) {
        double rounded = Math.round(value * 100.0) / 100.0;
        return rounded == Math.rint(rounded) && Math.abs(rounded) < 1e9 ? Long.toString((long) rounded)
                : Double.toString(rounded);
    }

    private static Day day(String isoDate) {
        return new UtcDay(LocalDate.parse(isoDate));
    }

    /**
     * A day whose first and last millisecond are those of its UTC date, whatever calendar asks for them. The
     * collection that places a series' days on the axis asks with a calendar of the machine's default locale: under
     * th_TH a Buddhist one read 2025 as the Buddhist era's (Gregorian 1482), under ja_JP_JP an imperial one as an
     * era's year, so the bars stood on dates none of the axis' day labels fell among and the report's daily charts
     * had no dates at all (decision 0817).
     */
    static final class UtcDay extends Day {
        private static final long serialVersionUID = 1L;

        UtcDay(LocalDate date) {
            super(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), UTC, Locale.US);
        }

        @Override
        public long getFirstMillisecond(java.util.Calendar calendar) {
            return utcDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }

        @Override
        public long getLastMillisecond(java.util.Calendar calendar) {
            return utcDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        }

        private LocalDate utcDate() {
            return LocalDate.of(getYear(), getMonth(), getDayOfMonth());
        }
    }

    private static DateAxis dateAxis(List<DailyTrend> days) {
        DateAxis axis = days.isEmpty() ? new DateAxis() : new DaysAxis(day(days.get(0).date()).getFirstMillisecond(),
                day(days.get(days.size() - 1).date()).getLastMillisecond());
        axis.setTimeZone(UTC);
        axis.setLocale(Locale.US);
        boolean yearly = !days.isEmpty() && Fmt.spansYears(days.get(0).date(), days.get(days.size() - 1).date());
        SimpleDateFormat format = new SimpleDateFormat(yearly ? "MMM d, yyyy" : "MMM d", Locale.US);
        format.setTimeZone(UTC);
        axis.setDateFormatOverride(format);
        // Ticks a day apart at the least: over one or two days the axis chose six-hour ticks, each labelled with
        // its date ("Feb 22 Feb 22 Feb 22 Feb 23 ...").
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        for (int step : new int[] {1, 2, 7, 14}) {
            units.add(new org.jfree.chart.axis.DateTickUnit(org.jfree.chart.axis.DateTickUnitType.DAY, step, format));
        }
        for (int step : new int[] {1, 3, 6}) {
            units.add(new org.jfree.chart.axis.DateTickUnit(org.jfree.chart.axis.DateTickUnitType.MONTH, step, format));
        }
        units.add(new org.jfree.chart.axis.DateTickUnit(org.jfree.chart.axis.DateTickUnitType.YEAR, 1, format));
        axis.setStandardTickUnits(units);
        // Points sit in the middle of their day; so do the date labels.
        axis.setTickMarkPosition(org.jfree.chart.axis.DateTickMarkPosition.MIDDLE);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarksVisible(false);
        axis.setLowerMargin(days.size() <= 1 ? 0.3 : 0.02);
        axis.setUpperMargin(days.size() <= 1 ? 0.3 : 0.02);
        return axis;
    }

    /**
     * A date axis whose labels name days on it, chosen by the app's rule ({@link Ticks#dayTicks}): ticks of a few days
     * counted from the first day (Feb 23, Mar 2, ...) or the first days of months, none outside the days drawn.
     * JFreeChart counts a tick of seven days from the month's 7th, 14th, 21st and 28th, wherever the data starts, and
     * keeps a tick the axis's margin reaches: the report's first label read "Feb 21" under bars starting Feb 23
     * (decision 0810); its month ticks stood in the middle of their months (0815).
     */
    static final class DaysAxis extends DateAxis {
        private static final long DAY = 86_400_000L;
        private final long firstMillisecond;
        private final long lastMillisecond;

        DaysAxis(long firstMillisecond, long lastMillisecond) {
            this.firstMillisecond = firstMillisecond;
            this.lastMillisecond = lastMillisecond;
        }

        /**
         * Labels its days as an axis {@code plotLength} pixels long would, whatever its own length: every daily chart of
         * one page is given the length of the narrowest of them, so the wide revenue bars and the half-width lines
         * under them name the same days. Each chosen for its own width, 120 days read weekly "Jan 10, Jan 17, …" on
         * the bars above month starts "Feb 1, Mar 1, …" on the lines (decision 0824).
         */
        void labelAs(double plotLength) {
            labelLength = plotLength;
        }

        private double labelLength = Double.NaN;

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                                 java.awt.geom.Rectangle2D dataArea, RectangleEdge edge) {
            List<org.jfree.chart.axis.Tick> placed = super.refreshTicks(g2, state, dataArea, edge);
            org.jfree.chart.axis.DateTick like = placed.stream()
                    .filter(org.jfree.chart.axis.DateTick.class::isInstance)
                    .map(org.jfree.chart.axis.DateTick.class::cast).findFirst().orElse(null);
            TextAnchor anchor = like == null ? TextAnchor.TOP_CENTER : like.getTextAnchor();
            TextAnchor rotation = like == null ? TextAnchor.TOP_CENTER : like.getRotationAnchor();
            double angle = like == null ? 0 : like.getAngle();
            long first = Math.floorDiv(firstMillisecond, DAY);
            long last = Math.floorDiv(lastMillisecond, DAY);
            double length = Double.isNaN(labelLength) ? dataArea.getWidth() : labelLength;
            List<org.jfree.chart.axis.Tick> ticks = new java.util.ArrayList<>();
            // The rule of the app's day axes (Ticks.dayTicks): every 1, 2, 3, 7, 14 days from the first day or the
            // first days of months; a tick in the middle of its day, as the points and bars are.
            for (long day : Ticks.dayTicks(first, last, length, widestLabel(g2, first, last))) {
                Date middle = new Date(day * DAY + DAY / 2);
                ticks.add(new org.jfree.chart.axis.DateTick(middle, getDateFormatOverride().format(middle), anchor,
                        rotation, angle));
            }
            return ticks;
        }

        /** The widest of the days' labels, in the JDK's font or the browser's wider estimate. */
        private double widestLabel(java.awt.Graphics2D g2, long first, long last) {
            java.awt.FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
            double widest = 0;
            // Month names differ in width ("May" against "Mar"): a year of days holds every one of them.
            for (long day = first; day <= Math.min(last, first + 366); day++) {
                String label = getDateFormatOverride().format(new Date(day * DAY + DAY / 2));
                widest = Math.max(widest, Math.max(metrics.stringWidth(label),
                        labelWidthEstimate(label, getTickLabelFont().getSize())));
            }
            return widest;
        }
    }

    private static NumberAxis moneyAxis() {
        NumberAxis axis = valueAxis();
        DecimalFormat money = new DecimalFormat("$#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        axis.setNumberFormatOverride(money);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.US));
        return axis;
    }

    private static NumberAxis countAxis() {
        NumberAxis axis = valueAxis();
        axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.US));
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.US));
        return axis;
    }

    private static NumberAxis percentAxis() {
        NumberAxis axis = valueAxis();
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.US);
        percent.setMaximumFractionDigits(1);
        axis.setNumberFormatOverride(percent);
        return axis;
    }

    /**
     * The value axis names what it counts: the page's heading names the chart, but "0 50 100 150" beside bars
     * labelled with percentages left open whether the bars were orders or percent.
     */
    private static NumberAxis labelled(NumberAxis axis, String label) {
        axis.setLabel(label);
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(TEXT);
        return axis;
    }

    private static NumberAxis valueAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    private static CategoryAxis categoryAxis() {
        return categoryAxis(false);
    }

    /** Horizontal charts may give labels a third of the width; vertical ones the whole category, so none is cut. */
    private static CategoryAxis categoryAxis(boolean horizontal) {
        CategoryAxis axis = new CategoryAxis();
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarksVisible(false);
        axis.setCategoryMargin(0.25);
        axis.setLowerMargin(0.04);
        axis.setUpperMargin(0.04);
        axis.setMaximumCategoryLabelWidthRatio(horizontal ? 0.35f : 1.0f);
        axis.setMaximumCategoryLabelLines(2);
        return axis;
    }

    private static BarRenderer barRenderer(Color color) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, color);
        return renderer;
    }

    private static void itemLabelsOutside(BarRenderer renderer, boolean horizontal) {
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABEL);
        renderer.setDefaultItemLabelPaint(TEXT);
        renderer.setDefaultPositiveItemLabelPosition(horizontal
                ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        renderer.setItemLabelAnchorOffset(5.0);
    }

    private static JFreeChart chart(org.jfree.chart.plot.Plot plot, boolean legend) {
        if (plot instanceof XYPlot xy) {
            xy.setRangeGridlinePaint(GRID);
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            xy.setDomainGridlinesVisible(false);
            xy.setBackgroundPaint(Color.WHITE);
            xy.setOutlineVisible(false);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(1f));
            cat.setDomainGridlinesVisible(false);
            cat.setBackgroundPaint(Color.WHITE);
            cat.setOutlineVisible(false);
            cat.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
        JFreeChart chart = new JFreeChart(null, TICK, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(8, 4, 4, rightPadding(plot)));
        if (legend) {
            LegendTitle title = chart.getLegend();
            title.setFrame(BlockBorder.NONE);
            title.setItemFont(TICK);
            title.setItemPaint(TEXT);
            title.setPosition(RectangleEdge.TOP);
            title.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    /**
     * Room on the right for half the label of the last value tick of a horizontal bar chart: its value axis runs
     * along the bottom and the label is centred on a tick that may sit at the plot's right edge, so "$18,000,000"
     * (channel revenue at 10M events) was cut to "$18,000,00" by the chart's edge. Measured with the JDK's font
     * and with a wider estimate, as the browser may draw sans-serif wider than Java measures it.
     */
    static double rightPadding(org.jfree.chart.plot.Plot plot) {
        double minimum = 12;
        if (!(plot instanceof CategoryPlot cat) || cat.getOrientation() != PlotOrientation.HORIZONTAL
                || !(cat.getRangeAxis() instanceof NumberAxis axis)) {
            return minimum;
        }
        double step = axis.getTickUnit().getSize();
        double upper = axis.getUpperBound();
        if (!(step > 0) || !(upper > 0) || Double.isInfinite(upper)) {
            return minimum;
        }
        String label = axis.getTickUnit().valueToString(Math.floor(upper / step + 1e-9) * step);
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        double measured;
        try {
            measured = g.getFontMetrics(TICK).stringWidth(label);
        } finally {
            g.dispose();
        }
        double width = Math.max(measured, labelWidthEstimate(label, TICK.getSize()));
        return Math.max(minimum, Math.ceil(width / 2) + 6);
    }

    /** A generous width of a tick label in a browser's sans-serif: digits and "$" are about 0.6 em wide. */
    static double labelWidthEstimate(String label, double fontSize) {
        return label.length() * 0.62 * fontSize;
    }

    /**
     * One chart, ready to be drawn at its width on a wide page and again at {@link #NARROW_WIDTH}: JFreeChart lays
     * out ticks, labels and bands for the size it draws at, which scaling a drawing cannot do.
     */
    record Drawing(JFreeChart chart, int width, int height, String id, String label) {
        /** The chart at its width on a wide page (the pairs side by side). */
        String wide() {
            labelDaysAs(HALF_WIDTH);
            return svg(chart, width, height, id, label);
        }

        /** The chart across a narrow page's column, its id suffixed so the page's ids stay unique. */
        String narrow() {
            labelDaysAs(NARROW_WIDTH);
            return svg(chart, NARROW_WIDTH, height, id + "-narrow", label);
        }

        /**
         * A daily chart labels its days as the narrowest daily chart of its page would (the half-width lines on a
         * wide page), its plot that chart's width less the room of a value axis: one choice of days for all of them.
         */
        private void labelDaysAs(int narrowestChart) {
            if (chart.getPlot() instanceof XYPlot xy && xy.getDomainAxis() instanceof DaysAxis days) {
                days.labelAs(narrowestChart - VALUE_AXIS_ROOM);
            }
        }
    }

    private static String svg(JFreeChart chart, int width, int height, String id, String label) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // The default prefix is time-based; a fixed one per chart keeps the report byte-identical between runs
        // and the clip-path ids unique across the several charts of one page.
        g2.setDefsKeyPrefix(id + "-");
        // Two decimals are finer than a pixel and halve the page size; Double.toString ignores the locale.
        g2.setGeomDoubleConverter(Charts::twoDecimals);
        g2.setTransformDoubleConverter(Charts::twoDecimals);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        String element = g2.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
        return element.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\"" + HtmlReport.escape(label)
                + "\" class=\"chart\" ");
    }
}
