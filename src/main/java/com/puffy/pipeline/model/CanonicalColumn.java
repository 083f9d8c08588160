package com.puffy.pipeline.model;

import java.util.Optional;

/** The canonical event columns of SPEC §2, in their canonical order. */
public enum CanonicalColumn {
    CLIENT_ID("client_id"),
    PAGE_URL("page_url"),
    REFERRER("referrer"),
    TIMESTAMP("timestamp"),
    EVENT_NAME("event_name"),
    EVENT_DATA("event_data"),
    USER_AGENT("user_agent");

    private final String columnName;

    CanonicalColumn(String columnName) {
        this.columnName = columnName;
    }

    public String columnName() {
        return columnName;
    }

    public static Optional<CanonicalColumn> byName(String normalizedName) {
        for (CanonicalColumn c : values()) {
            if (c.columnName.equals(normalizedName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
