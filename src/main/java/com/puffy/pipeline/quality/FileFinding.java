package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.ReasonCode;

/** A file-level finding of SPEC §4 (line 0 when it is about the whole file). */
record FileFinding(ReasonCode code, long line, String column, String value, String message) {
}
