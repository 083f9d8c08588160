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
     * The credit each model gave each touchpoint session of one order, as table rows: session, channel, start,
     * then one credit per model ("" where the model gave none).
     */
    public CsvTable credits(String orderKey) {
        int order = attribution.column("order_key");
        int model = attribution.column("model");
        int session = attribution.column("session_id");
        int channel = attribution.column("channel");
        int credit = attribution.column("credit");
        int start = attribution.column("session_start");
        int revenue = attribution.column("revenue_credit");
        Map<String, String[]> bySession = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(List.of("session_id", "channel", "session_start"));
        for (String m : MODELS) {
            columns.add(m);
        }
        if (order < 0 || model < 0 || session < 0 || credit < 0) {
            return new CsvTable(columns, new ArrayList<>(), null);
        }
        for (String[] row : attribution.rows()) {
            if (!row[order].equals(orderKey)) {
                continue;
            }
            String[] line = bySession.computeIfAbsent(row[session], k -> {
                String[] fresh = new String[columns.size()];
                java.util.Arrays.fill(fresh, "");
                fresh[0] = row[session];
                fresh[1] = channel < 0 ? "" : row[channel];
                fresh[2] = start < 0 ? "" : row[start];
                return fresh;
            });
            int m = MODELS.indexOf(row[model]);
            if (m >= 0) {
                double credited = revenue < 0 ? Double.NaN : CsvTable.number(row[revenue]);
                String money = Double.isNaN(credited) ? "" : " (" + com.puffy.pipeline.ui.Formats.money(credited) + ")";
                line[3 + m] = percent(row[credit]) + money;
            }
        }
        List<String[]> rows = new ArrayList<>(bySession.values());
        rows.sort(java.util.Comparator.comparing(r -> r[2]));
        return new CsvTable(columns, rows, null);
    }

    private static String percent(String fraction) {
        double value = CsvTable.number(fraction);
        return Double.isNaN(value) ? fraction : String.format(java.util.Locale.ROOT, "%.0f%%", value * 100);
    }
}
