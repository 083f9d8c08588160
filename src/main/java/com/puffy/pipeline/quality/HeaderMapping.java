package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.CanonicalColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * How one file's header maps onto the canonical columns: {@code fieldOf[c]} is the field index of canonical column
 * {@code c} (ordinal of {@link CanonicalColumn}) or -1 when the file lacks it; the other fields are EXTRA columns.
 */
record HeaderMapping(List<String> rawHeaders, List<String> normalized, int[] fieldOf, int[] extraFields,
                     List<String> extraNames) {

    int fieldCount() {
        return rawHeaders.size();
    }

    boolean has(CanonicalColumn column) {
        return fieldOf[column.ordinal()] >= 0;
    }

    /** SPEC §2: an event file has a timestamp, an event name and a client-id column. */
    boolean isEventFile() {
        return has(CanonicalColumn.TIMESTAMP) && has(CanonicalColumn.EVENT_NAME) && has(CanonicalColumn.CLIENT_ID);
    }

    String rawHeaderOf(CanonicalColumn column) {
        int f = fieldOf[column.ordinal()];
        return f < 0 ? null : HeaderNormalizer.trimmed(rawHeaders.get(f));
    }

    /** Canonical columns present, in the order they stand in the file. */
    List<CanonicalColumn> presentInFileOrder() {
        List<CanonicalColumn> present = new ArrayList<>();
        for (int i = 0; i < rawHeaders.size(); i++) {
            for (CanonicalColumn c : CanonicalColumn.values()) {
                if (fieldOf[c.ordinal()] == i) {
                    present.add(c);
                }
            }
        }
        return present;
    }
}
