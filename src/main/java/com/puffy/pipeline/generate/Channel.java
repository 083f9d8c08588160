package com.puffy.pipeline.generate;

/** The marketing channel a generated session lands from; it decides the landing URL's parameters and referrer. */
enum Channel {
    DIRECT, ORGANIC_SEARCH, PAID_SEARCH, PAID_SOCIAL, EMAIL, AFFILIATE, ORGANIC_SOCIAL, REFERRAL, SMS;

    private static final Channel[] VALUES = values();

    static Channel of(int ordinal) {
        return VALUES[ordinal];
    }
}
