package com.puffy.pipeline.ui.transform;

import com.puffy.pipeline.ui.table.CsvTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client's journey as the stages wrote it: their row of users.csv, their sessions, their valid events, their
 * conversions and the attribution rows of those conversions.
 */
public record Journey(String clientId, CsvTable user, CsvTable sessions, CsvTable events, CsvTable conversions,
                      CsvTable attribution) {

    /** The six models in the order the product presents them. */
    public static final List<String> MODELS = List.of("first_click", "last_click", "last_non_direct", "linear",
            "position_based", "time_decay");

    public String userValue(String column) {
        int c = user.column(column);
        return c < 0 || user.size() == 0 ? "" : user.rows().get(0)[c];
    }

    public List<String> orderKeys() {
        List<String> keys = new ArrayList<>();
        int c = conversions.column("order_key");
        for (String[] row : conversions.rows()) {
            keys.add(row[c]);
        }
        return keys;
    }

    /**
     * The credit each model gave each touchpoint session of one order, as table rows: a row per model ("Last click"),
     * then a column per touchpoint in time order, named by its channel and start ("Paid Search · Feb 23 18:34"),
     * each cell the share and the revenue credited ("60% ($779.70)"). A model that credited the order but not this
     * touchpoint gave it 0 %; a model with no rows for the order is left blank. Six models across and a session id
     * first ran 1,100 px wide, the last four models out of view at 1024 px; touchpoints are few (one to four mostly).
     */
    public CsvTable credits(String orderKey) {
        int order = attribution.column("order_key");
        int model = attribution.column("model");
        int session = attribution.column("session_id");
        int channel = attribution.column("channel");
        int credit = attribution.column("credit");
        int start = attribution.column("session_start");
        int revenue = attribution.column("revenue_credit");
        List<String> columns = new ArrayList<>(List.of("model"));
        if (order < 0 || model < 0 || session < 0 || credit < 0) {
            return new CsvTable(columns, new ArrayList<>(), null);
        }
        Map<String, String> startOf = new LinkedHashMap<>();
        Map<String, String> channelOf = new LinkedHashMap<>();
        Map<String, Map<String, String>> cellsByModel = new LinkedHashMap<>();
        for (String[] row : attribution.rows()) {
            if (!row[order].equals(orderKey) || !MODELS.contains(row[model])) {
                continue;
            }
            startOf.putIfAbsent(row[session], start < 0 ? "" : row[start]);
            channelOf.putIfAbsent(row[session], channel < 0 ? "" : row[channel]);
            double credited = revenue < 0 ? Double.NaN : CsvTable.number(row[revenue]);
            String money = Double.isNaN(credited) ? "" : " (" + com.puffy.pipeline.ui.Formats.money(credited) + ")";
            cellsByModel.computeIfAbsent(row[model], k -> new LinkedHashMap<>())
                    .put(row[session], percent(row[credit]) + money);
        }
        List<String> touchpoints = new ArrayList<>(startOf.keySet());
        touchpoints.sort(java.util.Comparator.comparing(startOf::get));
        boolean yearly = !touchpoints.isEmpty() && com.puffy.pipeline.ui.Formats.spansYears(
                startOf.get(touchpoints.get(0)), startOf.get(touchpoints.get(touchpoints.size() - 1)));
        for (String touchpoint : touchpoints) {
            String title = channelOf.get(touchpoint) + " · " + touchpointTitle(startOf.get(touchpoint), yearly);
            // Two sessions starting in the same minute on the same channel: the session id tells them apart.
            columns.add(columns.contains(title) ? title + " · " + touchpoint : title);
        }
        List<String[]> rows = new ArrayList<>();
        for (String m : MODELS) {
            Map<String, String> cells = cellsByModel.get(m);
            String[] line = new String[columns.size()];
            line[0] = com.puffy.pipeline.analysis.Fmt.model(m);
            for (int t = 0; t < touchpoints.size(); t++) {
                line[1 + t] = cells == null ? "" : cells.getOrDefault(touchpoints.get(t), "0%");
            }
            rows.add(line);
        }
        return new CsvTable(columns, rows, null);
    }

    private static String touchpointTitle(String isoStart, boolean yearly) {
        try {
            // The hint above the table says the times are UTC: " UTC" in each title cut the third touchpoint at 1024 px.
            return com.puffy.pipeline.ui.Formats.moment(java.time.Instant.parse(isoStart), yearly).replace(" UTC", "");
        } catch (java.time.format.DateTimeParseException e) {
            return isoStart;
        }
    }

    private static String percent(String fraction) {
        double value = CsvTable.number(fraction);
        return Double.isNaN(value) ? fraction : String.format(java.util.Locale.ROOT, "%.0f%%", value * 100);
    }
}
