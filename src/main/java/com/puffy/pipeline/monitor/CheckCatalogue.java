package com.puffy.pipeline.monitor;

import java.util.List;

/** The default checks of SPEC §6, in the order of its table, then the additions (STICKY_REFERRER, decision 0403). */
final class CheckCatalogue {
    private CheckCatalogue() {
    }

    static List<MonitorCheck> defaults() {
        return List.of(
                new FreshnessCheck(),
                new MissingPartitionCheck(),
                new SchemaDriftCheck(),
                new ValueDriftCheck(),
                new VolumeAnomalyCheck(),
                new ClientIdNullRateCheck(),
                new TransactionIdCollisionCheck(),
                new ZeroRevenueOrdersCheck(),
                new ItemPriceMissingCheck(),
                new RevenueAnomalyCheck(),
                new ConversionRateAnomalyCheck(),
                new DirectShareShiftCheck(),
                new BotShareCheck(),
                new ReconciliationCheck(),
                new StickyReferrerCheck());
    }
}
