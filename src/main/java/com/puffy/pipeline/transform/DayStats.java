package com.puffy.pipeline.transform;

/** Everything daily_metrics.csv and reconciliation.csv need about one UTC day. */
final class DayStats {
    final int epochDay;
    long rowsRead;
    long rowsMissingClientId;
    long events;
    long botRows;
    long users;
    long rowsInSessions;
    long sessions;
    long convertedSessions;
    long conversions;
    double revenue;
    double purchaseRowRevenue;
    long ordersZeroRevenue;
    long ordersItemPriceMissing;
    long ordersCollided;
    double directRevenueLastClick;
    /** Rows after the first of a non-bot session (decision 0403), and those whose referrer is external. */
    long nonLandingEvents;
    long nonLandingExternalReferrer;
    final double[] attributedRevenue = new double[AttributionModel.values().length];

    DayStats(int epochDay) {
        this.epochDay = epochDay;
    }

    /** A partition day that had event rows in some file, or valid rows: one row of daily_metrics.csv. */
    boolean isPartitionDayWithRows() {
        return rowsRead > 0 || events > 0;
    }
}
