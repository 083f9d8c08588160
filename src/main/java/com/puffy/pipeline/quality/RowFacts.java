package com.puffy.pipeline.quality;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the row rules look at, computed once per row (one instance per worker thread, reused): verdicts on the
 * canonical fields (a column the file lacks reads as empty), the parsed timestamp, and the parsed payload where
 * needed. The fields themselves stay in the validator's {@link FieldValue}s, as Strings only where needed.
 */
final class RowFacts {
    /** Empty as every stage means it ({@link com.puffy.pipeline.model.EmptyValue}): MISSING_CLIENT_ID. */
    boolean clientIdEmpty;
    boolean standardClientId;
    /** The event name trimmed, and whether it is a configured event name. */
    String eventNameTrimmed;
    boolean eventNameEmpty;
    boolean knownEventName;
    /** The user agent as read, and whether it is a bot's. */
    String userAgent;
    boolean bot;
    /** The event_data text; only set when it is not blank. */
    String eventData;

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
