package com.puffy.pipeline.quality;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the row rules look at, computed once per row (one instance per worker thread, reused): the canonical fields
 * as read (a column the file lacks reads as empty), the parsed timestamp, and the parsed payload where needed.
 */
final class RowFacts {
    String clientId;
    String pageUrl;
    String referrer;
    String timestamp;
    String eventName;
    String eventData;
    String userAgent;

    String eventNameTrimmed;
    long epochMillis;
    boolean purchase;
    boolean eventDataEmpty;
    /** Non-empty event_data that is a strict JSON object. */
    boolean eventDataValid;
    JsonNode eventDataObject;
    EventData.Purchase purchaseFacts;

    void clearDerived() {
        eventDataObject = null;
        purchaseFacts = null;
    }
}
