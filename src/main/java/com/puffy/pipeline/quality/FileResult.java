package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.ReasonCode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one file contributes: filled by {@link FileValidator} (file by file, in parallel), then by the
 * cross-file steps (duplicates, collisions, drift) in processing order.
 */
final class FileResult {
    enum Status { EVENT_FILE, NOT_AN_EVENT_FILE, NO_HEADER, UNREADABLE }

    /** A purchase that passed the ERROR rules: the input of replay and collision detection. */
    record PurchaseRef(int candidate, int line, String transactionId, long keyHi, long keyLo) {
    }

    final InputFile input;
    Status status = Status.EVENT_FILE;
    LocalDate partitionDate;
    boolean dateFromName;
    String header = "";
    HeaderMapping mapping;
    final List<FileFinding> findings = new ArrayList<>();
    String sha256 = "";
    boolean fromCache;

    long rowsRead;
    long rowsQuarantined;
    long rowsMissingClientId;
    final long[] quarantinedByCode = new long[ReasonCode.values().length];
    long parsedRows;
    int minEpochDay = Integer.MAX_VALUE;

    int candidates;
    long[] fpHi = new long[256];
    long[] fpLo = new long[256];
    int[] candidateLine = new int[256];
    final List<PurchaseRef> purchases = new ArrayList<>();
    final Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
    Path spool;

    // Filled by DuplicateResolver.
    BitSet dropped = new BitSet();
    final Map<Integer, String> dropNote = new java.util.HashMap<>();
    final Map<Integer, Boolean> dropIsPurchase = new java.util.HashMap<>();
    long rowsDuplicate;
    long duplicateEvents;
    long duplicatePurchases;
    /** Candidate index → order key, for purchases whose transaction id collides. */
    final Map<Integer, String> collisionKeys = new java.util.HashMap<>();

    FileResult(InputFile input) {
        this.input = input;
    }

    String name() {
        return input.name();
    }

    boolean isEventFile() {
        return status == Status.EVENT_FILE;
    }

    long rowsValid() {
        return rowsRead - rowsQuarantined - rowsDuplicate;
    }

    void addCandidate(long hi, long lo, int line) {
        if (candidates == fpHi.length) {
            int size = fpHi.length * 2;
            fpHi = java.util.Arrays.copyOf(fpHi, size);
            fpLo = java.util.Arrays.copyOf(fpLo, size);
            candidateLine = java.util.Arrays.copyOf(candidateLine, size);
        }
        fpHi[candidates] = hi;
        fpLo[candidates] = lo;
        candidateLine[candidates] = line;
        candidates++;
    }

    /** Forgets the rows of a file found unreadable part-way: none of them is counted or written. */
    void discardRows() {
        rowsRead = 0;
        rowsQuarantined = 0;
        rowsMissingClientId = 0;
        java.util.Arrays.fill(quarantinedByCode, 0);
        parsedRows = 0;
        candidates = 0;
        purchases.clear();
        profiles.clear();
        minEpochDay = Integer.MAX_VALUE;
    }
}
