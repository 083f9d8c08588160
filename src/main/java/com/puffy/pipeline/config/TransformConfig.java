package com.puffy.pipeline.config;

import java.util.List;

/** Sessionization and attribution settings (SPEC §5). */
public record TransformConfig(
        int sessionGapMinutes,
        int lookbackDays,
        double timeDecayHalfLifeDays,
        List<String> ownDomains) {
}
