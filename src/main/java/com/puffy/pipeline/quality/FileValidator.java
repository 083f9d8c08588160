package com.puffy.pipeline.quality;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.InputNames;
import com.puffy.pipeline.io.CsvCells;
import com.puffy.pipeline.io.CsvOutput;
import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.EmptyValue;
import com.puffy.pipeline.model.ReasonCode;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Validates one file in one pass: header mapping, the row rules of {@link RowRule}, fingerprints for the
 * cross-file duplicate steps, the value profile, and the spool of rendered rows. Never throws for bad input: an
 * unreadable file becomes an UNREADABLE_FILE finding.
 */
final class FileValidator {
    private static final int COLUMNS = CanonicalColumn.values().length;
    private static final int CLIENT = CanonicalColumn.CLIENT_ID.ordinal();
    private static final int PAGE = CanonicalColumn.PAGE_URL.ordinal();
    private static final int REFERRER = CanonicalColumn.REFERRER.ordinal();
    private static final int TIMESTAMP = CanonicalColumn.TIMESTAMP.ordinal();
    private static final int EVENT = CanonicalColumn.EVENT_NAME.ordinal();
    private static final int DATA = CanonicalColumn.EVENT_DATA.ordinal();
    private static final int AGENT = CanonicalColumn.USER_AGENT.ordinal();

    private final RowRule.Context rules;
    private final HeaderNormalizer headers;
    private final Cancellation cancellation;
    private final LongConsumer bytesRead;
    private final Opener opener;

    /** How a file is opened; tests substitute failures a root user cannot provoke with permissions. */
    @FunctionalInterface
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    // Per-thread scratch, reused row after row.
    private final RowFacts facts = new RowFacts();
    /** The canonical fields of the current row, by column ordinal; {@link #extra} for one EXTRA field at a time. */
    private final FieldValue[] cells = newCells();
    private final FieldValue extra = new FieldValue();
    /** The canonical columns (ordinals) the file being validated has. */
    private int[] presentColumns = new int[0];
    private final Murmur3.Hash128 hash = new Murmur3.Hash128();
    private final Murmur3.Hash128 row = new Murmur3.Hash128();
    private final StringBuilder quarantineRow = new StringBuilder(1024);
    private final StringBuilder findingRows = new StringBuilder(512);
    private final Utf8Line validatedLine = new Utf8Line();
    private final String[] warningValues = new String[8];
    private final long[] columnHi = new long[COLUMNS];
    private final long[] columnLo = new long[COLUMNS];
    private final HashCache<EventName> eventNames = new HashCache<>();
    private final HashCache<Agent> agents = new HashCache<>();
    private static final String[] NO_CELLS = new String[0];
    private static final ReasonCode[] CODES = ReasonCode.values();
    private static final RowRule[] ERROR_RULES = RowRule.ERROR_RULES.toArray(new RowRule[0]);
    private static final RowRule[] WARNING_RULES = RowRule.WARNING_RULES.toArray(new RowRule[0]);
    private static final int NO_PARTITION = Integer.MIN_VALUE;
    /**
     * The decoder reads 8 KiB at a time; straight from the file that was one system call (and one copy through a
     * direct buffer) per 8 KiB. Reading ahead a mebibyte at a time makes those reads copies from memory. The
     * decoder is handed the same bytes in the same pieces, so where it stops on a bad byte does not change.
     */
    private static final int READ_AHEAD = 1 << 20;
    private static final int OUTSIDE_PARTITION = 1 << ReasonCode.TIMESTAMP_OUTSIDE_PARTITION.ordinal();
    private static final int BOT = 1 << ReasonCode.BOT_USER_AGENT.ordinal();

    // The file being validated: its partition date as an epoch day and as rendered in every output row.
    private int partitionDay;
    private String date;
    /** The file name needs neither quotes nor formula protection, alone or as "name:line" in event_id. */
    private boolean plainName;
    private boolean nameAscii;
    /** The fewest fields a record of the file may have: the header's, less its unnamed trailing cells. */
    private int fewestFields;
    /** The file's header cells, normalized, to recognize the header again further down (decision 0202). */
    private String[] headerKeys = new String[0];
    private long repeatedHeaders;
    private long firstRepeatedHeader;

    FileValidator(RowRule.Context rules, HeaderNormalizer headers, Cancellation cancellation, LongConsumer bytesRead) {
        this(rules, headers, cancellation, bytesRead, Files::newInputStream);
    }

    FileValidator(RowRule.Context rules, HeaderNormalizer headers, Cancellation cancellation, LongConsumer bytesRead,
                  Opener opener) {
        this.opener = opener;
        this.rules = rules;
        this.headers = headers;
        this.cancellation = cancellation;
        this.bytesRead = bytesRead;
    }

    /**
     * Validates a file into its spool. A file without a date in its name learns its partition date (its earliest
     * timestamp) only at its end, yet every spooled row carries that date and TIMESTAMP_OUTSIDE_PARTITION: such a
     * file (rare: exports are daily and named by date) is read twice, first only to learn the date.
     */
    FileResult validate(InputFile file, Path spoolFile) throws IOException {
        Optional<LocalDate> named = PartitionDates.fromName(file.path().getFileName().toString());
        String companion = systemCompanion(file.path().getFileName().toString());
        if (companion != null) {
            return skipped(file, named, result -> result.name() + " is " + companion
                    + ", not an event file, and was skipped.");
        }
        String packed = InputNames.compressedCsv(file.path().getFileName().toString());
        if (packed != null) {
            return skipped(file, named, result -> compressedSkipped(result, file.path(), packed));
        }
        if (file.size() < 0 && Files.isDirectory(file.path())) {
            // Listed so by a recursive walk that may not open it (InputDiscovery): not a folder skipped on purpose.
            return unreadable(named(file, named), 0, "is a folder that cannot be opened (permission denied), so no CSV"
                    + " file in it was read; check its permissions");
        }
        if (Files.exists(file.path()) && !Files.isRegularFile(file.path()) && !Files.isDirectory(file.path())) {
            return unreadable(named(file, named), 0, "is not a regular file (a named pipe, socket or device), so it was"
                    + " not read; put the CSV file itself in the folder");
        }
        if (Files.isDirectory(file.path())) {
            return skipped(file, named, result -> result.name() + " is a folder, not a file, and was skipped: move the"
                    + " event files inside it up into the folder you opened (the command line reads subfolders with"
                    + " --recursive).");
        }
        if (named.isPresent()) {
            return validate(file, spoolFile, named.get(), true, bytesRead);
        }
        FileResult first = validate(file, spoolFile, null, false, bytes -> { });
        if (!first.isEventFile() || first.partitionDate == null) {
            bytesRead.accept(Math.max(0, first.input.size()));
            return first;
        }
        return validate(file, spoolFile, first.partitionDate, false, bytesRead);
    }

    /** Not read at all: NOT_AN_EVENT_FILE (INFO), as SPEC §2 has every CSV that is not a day of events. */
    private FileResult skipped(InputFile file, Optional<LocalDate> named,
                               Function<FileResult, String> why) {
        FileResult result = named(file, named);
        result.status = FileResult.Status.NOT_AN_EVENT_FILE;
        result.findings.add(new FileFinding(ReasonCode.NOT_AN_EVENT_FILE, 0, "", "", why.apply(result)));
        bytesRead.accept(Math.max(0, file.size()));
        return result;
    }

    private FileResult validate(InputFile file, Path spoolFile, LocalDate partitionDate, boolean dateFromName,
                                LongConsumer progress) throws IOException {
        FileResult result = new FileResult(file);
        result.partitionDate = partitionDate;
        result.dateFromName = dateFromName;
        partitionDay = partitionDate == null ? NO_PARTITION : (int) partitionDate.toEpochDay();
        plainName = cell(file.name()).equals(file.name()) && !CsvOutput.mayProtect(file.name().charAt(0));
        nameAscii = Utf8Line.isAscii(file.name());
        date = partitionDate == null ? "" : partitionDate.toString();
        MessageDigest sha = sha256();
        InputStream raw;
        try {
            raw = opener.open(file.path());
        } catch (AccessDeniedException e) {
            return unreadable(result, 0, "cannot be opened: permission denied; check its permissions");
        } catch (NoSuchFileException e) {
            return unreadable(result, 0, brokenLink(file.path()));
        } catch (IOException e) {
            return unreadable(result, 0, "cannot be opened (" + e.getMessage() + "); check the file");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        result.spool = spoolFile;
        try (CountingStream counting = new CountingStream(raw, sha, progress);
             CsvRecordReader reader = new CsvRecordReader(
                     ClassicMacLineEnds.normalize(new BufferedInputStream(counting, READ_AHEAD)), decoder);
             Spool.Writer spool = new Spool.Writer(spoolFile)) {
            try {
                readAll(result, reader, spool, counting);
            } catch (CharacterCodingException e) {
                result.discardRows();
                Utf8Check.Verdict verdict = Utf8Check.diagnose(file.path());
                return unreadable(result, verdict.line(), verdict.why());
            } catch (IOException e) {
                if (e instanceof java.nio.file.FileSystemException || e.getClass() == IOException.class) {
                    result.discardRows();
                    return unreadable(result, 0, "cannot be read (" + e.getMessage() + "); check the file");
                }
                throw e;
            }
            if (reader.sawNul()) {
                result.discardRows();
                Utf8Check.Verdict verdict = Utf8Check.diagnose(file.path());
                return unreadable(result, verdict.line(), verdict.why());
            }
            counting.drain();
        }
        result.sha256 = HexFormat.of().formatHex(sha.digest());
        finishPartition(result);
        return result;
    }

    /**
     * Why a listed file could not be opened as missing: a link whose target is gone (a disk not mounted, a moved
     * archive) is not fixed by running again, which is what the message said.
     */
    static String brokenLink(Path path) {
        if (Files.isSymbolicLink(path)) {
            try {
                return "is a link to " + Files.readSymbolicLink(path) + ", which does not exist; restore the target, "
                        + "or remove the link";
            } catch (IOException | UnsupportedOperationException e) {
                return "is a link whose target does not exist; restore the target, or remove the link";
            }
        }
        return "disappeared while the folder was being read; run again";
    }

    private void readAll(FileResult result, CsvRecordReader reader, Spool.Writer spool, CountingStream counting)
            throws IOException {
        if (!reader.next()) {
            result.status = FileResult.Status.NO_HEADER;
            result.findings.add(new FileFinding(ReasonCode.EMPTY_FILE, 0, "", "",
                    result.name() + " is empty (" + (counting.count() == 0 ? "0 bytes" : "no header") + "); "
                            + "check the export of that day."));
            return;
        }
        if (reader.sawNul()) {
            return;
        }
        List<String> headerFields = List.copyOf(reader.fields());
        result.header = reader.rawText();
        if (reader.kind() == CsvRecordReader.Kind.MALFORMED) {
            headerFields = List.of(reader.rawText().split(",", -1));
        }
        HeaderMapping mapping = headers.map(headerFields);
        String dialect = mapping.isEventFile() ? null : notCsv(result.header);
        if (dialect == null && !mapping.isEventFile()) {
            dialect = otherDialect(headerFields);
        }
        if (dialect != null) {
            unreadable(result, reader.line(), dialect);
            return;
        }
        result.mapping = mapping;
        if (!mapping.isEventFile()) {
            result.status = FileResult.Status.NOT_AN_EVENT_FILE;
            result.findings.add(new FileFinding(ReasonCode.NOT_AN_EVENT_FILE, reader.line(), "", "",
                    result.name() + " is not an event file (it has no " + missingKeyColumns(mapping)
                            + " column) and was skipped." + likelyRenamedHint(mapping)));
            return;
        }
        // Unnamed cells at the end of the header ("...,user_agent,") are padding some exports add to the header line
        // only: a row may leave them out. Every row was COLUMN_COUNT_MISMATCH for one trailing comma on the header.
        int padding = 0;
        while (padding < headerFields.size() - 1
                && EmptyValue.isEmpty(headerFields.get(headerFields.size() - 1 - padding))) {
            padding++;
        }
        fewestFields = mapping.fieldCount() - padding;
        headerKeys = headerFields.stream().map(HeaderNormalizer::normalize).toArray(String[]::new);
        reader.expectFields(fewestFields, mapping.fieldCount());
        readRows(result, reader, spool, mapping);
    }

    /**
     * The rows after the header. The per-file set-up (profiles, present columns) is done in a method of its own,
     * not in the one that holds the loop: a first null profile lookup or missing column there deoptimized the
     * compiled loop, and C2 compiled it again.
     */
    private void readRows(FileResult result, CsvRecordReader reader, Spool.Writer spool, HeaderMapping mapping)
            throws IOException {
        ColumnProfile[] canonicalProfiles = new ColumnProfile[COLUMNS];
        ColumnProfile[] extraProfiles = new ColumnProfile[mapping.extraFields().length];
        prepareFile(result, mapping, canonicalProfiles, extraProfiles);
        long malformed = 0;
        long firstMalformed = 0;
        repeatedHeaders = 0;
        firstRepeatedHeader = 0;
        int rows = 0;
        while (reader.next()) {
            if ((++rows & 1023) == 0) {
                cancellation.throwIfCancelled();
                if (reader.sawNul()) {
                    return;
                }
            }
            result.rowsRead++;
            int line = (int) reader.line();
            if (reader.kind() == CsvRecordReader.Kind.MALFORMED) {
                malformed++;
                if (firstMalformed == 0) {
                    firstMalformed = line;
                }
                quarantine(result, spool, line, 1 << ReasonCode.MALFORMED_CSV.ordinal(), reader.problem(),
                        new String[COLUMNS], reader.rawText());
                continue;
            }
            if (reader.fieldCount() > mapping.fieldCount() || reader.fieldCount() < fewestFields) {
                List<String> fields = reader.fields();
                String[] raw = new String[COLUMNS];
                for (int c = 0; c < COLUMNS; c++) {
                    int f = mapping.fieldOf()[c];
                    raw[c] = f >= 0 && f < fields.size() ? fields.get(f) : "";
                }
                quarantine(result, spool, line, 1 << ReasonCode.COLUMN_COUNT_MISMATCH.ordinal(),
                        fields.size() + " fields where the header has " + mapping.fieldCount(), raw, reader.rawText());
                continue;
            }
            evaluate(result, mapping, line, reader, spool, canonicalProfiles, extraProfiles);
        }
        if (malformed > 0) {
            result.findings.add(new FileFinding(ReasonCode.MALFORMED_CSV_FILE, firstMalformed, "", "",
                    result.name() + " has " + malformed + " record" + (malformed == 1 ? "" : "s")
                            + " that cannot be parsed as CSV (first at line " + firstMalformed
                            + "); they are quarantined and the rows around them were read."));
        }
        if (reader.loneCarriageReturns() > 0) {
            long lone = reader.loneCarriageReturns();
            result.findings.add(new FileFinding(ReasonCode.MALFORMED_CSV_FILE, reader.firstLoneCarriageReturn(), "", "",
                    result.name() + ": line " + reader.firstLoneCarriageReturn() + " ends in a carriage return "
                            + "without a line feed (a lone CR" + (lone == 1 ? "" : "; " + lone + " lines in all")
                            + "); it is read as a line end, as spreadsheets read it, so the rows on each side are "
                            + "checked one by one, and later line numbers count it (grep -n, which counts only line "
                            + "feeds, shows them " + lone + " lower); if a row there looks cut, export the day again."));
        }
        if (repeatedHeaders > 0) {
            result.findings.add(new FileFinding(ReasonCode.MALFORMED_CSV_FILE, firstRepeatedHeader, "", "",
                    result.name() + ": line " + firstRepeatedHeader + " repeats the header"
                            + (repeatedHeaders == 1 ? "" : " (" + repeatedHeaders + " lines in all)")
                            + "; were files joined with cat? Such lines are skipped, not counted as rows; "
                            + "export each day on its own or remove the repeated header lines."));
        }
        if (result.rowsRead == 0) {
            result.findings.add(new FileFinding(ReasonCode.EMPTY_FILE, 0, "", "",
                    result.name() + " has a header but no rows; check the export of that day."));
        }
    }

    /**
     * The file's profiles, the canonical columns it has ({@link #presentColumns}, each with a profile) and empty
     * cells for those it lacks, which stay empty for the whole file.
     */
    private void prepareFile(FileResult result, HeaderMapping mapping, ColumnProfile[] canonicalProfiles,
                             ColumnProfile[] extraProfiles) {
        for (CanonicalColumn c : mapping.presentInFileOrder()) {
            result.profiles.put(c.columnName(), new ColumnProfile(c == CanonicalColumn.CLIENT_ID));
        }
        for (CanonicalColumn c : CanonicalColumn.values()) {
            canonicalProfiles[c.ordinal()] = result.profiles.get(c.columnName());
        }
        for (int i = 0; i < extraProfiles.length; i++) {
            // A column whose name is already profiled (a second `client_id`, an extra named twice) gets a profile of
            // its own that no drift check reads: in the first one's, its values moved the first column's shares.
            ColumnProfile profile = new ColumnProfile(false);
            ColumnProfile earlier = result.profiles.putIfAbsent(mapping.extraNames().get(i), profile);
            extraProfiles[i] = earlier == null ? profile : new ColumnProfile(false);
        }
        int[] fieldOf = mapping.fieldOf();
        presentColumns = java.util.stream.IntStream.range(0, COLUMNS).filter(c -> fieldOf[c] >= 0).toArray();
        for (FieldValue cell : cells) {
            cell.setEmpty();
        }
    }

    /*
     * evaluate has no loop of its own: each loop over the columns or the rules lives in a method of its own. A loop
     * in evaluate made C2 compile it "on stack replacement" (for the loop alone) several times before the whole
     * method, each time about as long as a whole compilation (1.6 s of C2 time at 5M events).
     */
    private void evaluate(FileResult result, HeaderMapping mapping, int line, CsvRecordReader reader,
                          Spool.Writer spool, ColumnProfile[] canonicalProfiles, ColumnProfile[] extraProfiles)
            throws IOException {
        readCells(reader, mapping.fieldOf());
        hashCells();
        FieldValue[] cells = this.cells;
        EventName event = eventNames.get(columnHi[EVENT], columnLo[EVENT]);
        if (event == null) {
            event = new EventName(cells[EVENT].text(), rules);
            eventNames.put(columnHi[EVENT], columnLo[EVENT], event);
        }
        Agent agent = agents.get(columnHi[AGENT], columnLo[AGENT]);
        if (agent == null) {
            agent = new Agent(cells[AGENT].text(), rules);
            agents.put(columnHi[AGENT], columnLo[AGENT], agent);
        }
        RowFacts f = facts;
        f.clearDerived();
        f.eventNameTrimmed = event.trimmed;
        f.eventNameEmpty = event.empty;
        f.knownEventName = event.known;
        f.userAgent = agent.userAgent;
        f.bot = agent.bot;
        f.epochMillis = Timestamps.parse(cells[TIMESTAMP]);
        if (f.epochMillis == Timestamps.INVALID && repeatsHeader(reader)) {
            skipRepeatedHeader(result, line);
            return;
        }
        f.purchase = event.purchase;
        f.eventDataEmpty = cells[DATA].isEmpty();
        f.eventData = f.eventDataEmpty ? "" : cells[DATA].text();
        f.eventDataValid = false;
        if (!f.eventDataEmpty) {
            if (f.purchase) {
                readPurchase(f);
            } else {
                f.eventDataValid = EventData.isObject(f.eventData);
            }
        }
        f.clientIdEmpty = cells[CLIENT].isEmpty();
        f.standardClientId = !f.clientIdEmpty && rules.isStandardClientId(cells[CLIENT]);

        // Profile every parsed row, quarantined or not (SPEC §3).
        result.parsedRows++;
        if (f.clientIdEmpty) {
            result.rowsMissingClientId++;
        }
        if (f.epochMillis != Timestamps.INVALID) {
            result.minEpochDay = Math.min(result.minEpochDay, Timestamps.epochDayOf(f.epochMillis));
        }
        profile(canonicalProfiles, f.standardClientId);
        if (extraProfiles.length > 0) {
            profileExtras(reader, mapping.extraFields(), extraProfiles);
        }
        if (f.purchaseFacts != null && canonicalProfiles[DATA] != null) {
            canonicalProfiles[DATA].purchaseItems += f.purchaseFacts.items();
            canonicalProfiles[DATA].purchaseItemsWithoutPrice += f.purchaseFacts.itemsWithoutPrice();
        }

        int errors = errorMask(f);
        if (errors != 0) {
            quarantine(result, spool, line, errors, "", cellTexts(), reader.rawText());
            return;
        }
        trimClientId(f);
        int warnings = warningMask(f);
        int candidate = result.candidates;
        result.addCandidate(row.h1, row.h2, line);
        String revenue = "";
        String tx = "";
        if (f.purchase) {
            tx = f.purchaseFacts.transactionId();
            revenue = plain(f.purchaseFacts.revenue());
            addPurchase(result, f, cells[CLIENT].text(), candidate, line);
        }
        if (partitionDay != NO_PARTITION && Timestamps.epochDayOf(f.epochMillis) != partitionDay) {
            warnings |= OUTSIDE_PARTITION;
        }
        findingRows.setLength(0);
        appendValidated(validatedLine, result, line, warnings, event, agent, tx, revenue, reader.readsAsciiBytes());
        String[] extraCells = mapping.extraFields().length == 0 ? NO_CELLS
                : appendExtraCells(validatedLine, reader, mapping.extraFields());
        validatedLine.append('\n');
        spool.candidate(line, warnings, validatedLine, findingRows, tx, revenue, extraCells);
    }

    /**
     * Whether the record is the file's header again (a header cannot hold a valid timestamp, so only rows without
     * one are asked): files joined with {@code cat} repeat it, a byte-order mark included, at each join.
     */
    private boolean repeatsHeader(CsvRecordReader reader) {
        if (reader.fieldCount() != headerKeys.length) {
            return false;
        }
        for (int i = 0; i < headerKeys.length; i++) {
            String cell = reader.field(i);
            if (i == 0) {
                cell = unquoteAfterBom(cell);
            }
            if (!HeaderNormalizer.normalize(cell).equals(headerKeys[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A quoted header joined mid-file keeps its byte-order mark in front of the opening quote, so the parser reads
     * the first cell as the mark followed by the literal text {@code "client_id"} (a quote only opens a field at its
     * start); at the top of a file the reader drops the mark before parsing, so there it was read as a quoted cell.
     */
    private static String unquoteAfterBom(String cell) {
        if (cell.length() >= 3 && cell.charAt(0) == '\uFEFF' && cell.charAt(1) == '"'
                && cell.charAt(cell.length() - 1) == '"') {
            return cell.substring(2, cell.length() - 1).replace("\"\"", "\"");
        }
        return cell;
    }

    /** A repeated header is no row (decision 0202): it leaves rows_read, and the file's finding names its line. */
    private void skipRepeatedHeader(FileResult result, int line) {
        result.rowsRead--;
        repeatedHeaders++;
        if (firstRepeatedHeader == 0) {
            firstRepeatedHeader = line;
        }
    }

    /**
     * A valid row's client id loses surrounding blanks, as its event name does: " 1740268798-lvfV1k5nHCN8 " made
     * another user, with its own sessions, beside the same id unpadded. Blanks are those of {@link EmptyValue}
     * (decision 0825): "1740268798-lvfV1k5nHCN8\u00A0" was a third user, and a purchase replayed under it a
     * TRANSACTION_ID_COLLISION rather than a DUPLICATE_PURCHASE. The row's fingerprint (DUPLICATE_EVENT compares raw
     * text), its profile and a quarantined row's raw fields keep the id as read.
     */
    private void trimClientId(RowFacts f) {
        FieldValue id = cells[CLIENT];
        if (id.hasBlankEnd()) {
            id.setText(EmptyValue.trim(id.text()));
            f.standardClientId = rules.isStandardClientId(id);
        }
    }

    /** Sets {@link #cells} to the canonical fields of the current record (those the file lacks stay empty). */
    private void readCells(CsvRecordReader reader, int[] fieldOf) {
        for (int c : presentColumns) {
            reader.field(fieldOf[c], cells[c]);
        }
    }

    /** The field hashes (shared by the fingerprint and the distinct counts) and the row fingerprint. */
    private void hashCells() {
        row.h1 = 0x12345678L;
        row.h2 = 0x9abcdef0L;
        for (int c = 0; c < COLUMNS; c++) {
            cells[c].hash(hash);
            columnHi[c] = hash.h1;
            columnLo[c] = hash.h2;
            Murmur3.combine(row, hash.h1, hash.h2);
        }
    }

    private void profile(ColumnProfile[] canonicalProfiles, boolean standardClientId) {
        for (int c : presentColumns) {
            canonicalProfiles[c].add(cells[c], columnHi[c], standardClientId);
        }
    }

    private void profileExtras(CsvRecordReader reader, int[] extraFields, ColumnProfile[] extraProfiles) {
        for (int i = 0; i < extraFields.length; i++) {
            reader.field(extraFields[i], extra);
            extra.hash(hash);
            extraProfiles[i].add(extra, hash.h1, false);
        }
    }

    private int errorMask(RowFacts f) {
        int errors = 0;
        for (RowRule rule : ERROR_RULES) {
            if (rule.fires(f, rules)) {
                errors |= 1 << rule.code().ordinal();
            }
        }
        return errors;
    }

    /** The WARNING rules that fire, with their finding values in {@link #warningValues}. */
    private int warningMask(RowFacts f) {
        int warnings = 0;
        int valueCount = 0;
        for (RowRule rule : WARNING_RULES) {
            if (rule.fires(f, rules)) {
                warnings |= 1 << rule.code().ordinal();
                warningValues[valueCount++] = warningValue(rule, f);
            }
        }
        return warnings;
    }

    private String[] cellTexts() {
        String[] texts = new String[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            texts[c] = cells[c].text();
        }
        return texts;
    }

    /** The validated_events.csv line up to its EXTRA cells, and the row's findings into {@link #findingRows}. */
    private void appendValidated(Utf8Line out, FileResult result, int line, int warnings, EventName event,
                                 Agent agent, String tx, String revenue, boolean ascii) {
        // ascii: the reader has seen only ASCII bytes so far, so the cells are ASCII; the others are encoded (and a
        // transaction id, which may hold a JSON escape, is checked).
        FieldValue[] cells = this.cells;
        String name = result.name();
        out.clear();
        out.appendText(cells[CLIENT], ascii);
        out.append(',').appendText(cells[PAGE], ascii);
        out.append(',').appendText(cells[REFERRER], ascii);
        out.append(',');
        boolean exportForm = Timestamps.isExportForm(cells[TIMESTAMP]);
        if (exportForm) {
            out.append(cells[TIMESTAMP], ascii);
        } else {
            out.append(Timestamps.format(facts.epochMillis), ascii);
        }
        out.append(',').append(event.cell, event.cellAscii);
        out.append(',').appendText(cells[DATA], ascii);
        out.append(',').append(agent.cell, agent.cellAscii);
        out.append(',');
        if (plainName) {
            out.append(name, nameAscii).append(':').append(line).append(',').append(name, nameAscii);
        } else {
            out.appendText(name + ":" + line, nameAscii);
            out.append(',').appendText(name, nameAscii);
        }
        out.append(',').append(line);
        out.append(',').append(date, true).append(',').append((warnings & BOT) != 0 ? "true" : "false", true);
        out.append(',');
        if (warnings != 0) {
            String timestamp = (warnings & OUTSIDE_PARTITION) == 0 ? ""
                    : exportForm ? cells[TIMESTAMP].text() : Timestamps.format(facts.epochMillis);
            appendFlags(out, warnings, result, line, timestamp, tx, agent);
        }
        out.append(',').appendText(tx, tx.isEmpty() || Utf8Line.isAscii(tx));
        out.append(',').appendQuoted(revenue, true);
    }

    private String[] appendExtraCells(Utf8Line out, CsvRecordReader reader, int[] extraFields) {
        boolean ascii = reader.readsAsciiBytes();
        String[] extraCells = new String[extraFields.length];
        for (int i = 0; i < extraFields.length; i++) {
            extraCells[i] = cell(reader.field(extraFields[i]));
            out.append(',').append(extraCells[i], ascii);
        }
        return extraCells;
    }

    /*
     * The rare paths of evaluate live in methods of their own: C2 compiles evaluate again each time a branch it had
     * never seen taken is taken (a first purchase, a first flag, a drifted file), and a smaller evaluate makes each
     * of those compilations cheaper (eight of about 0.3 s each were measured at 5M events).
     */

    private static void readPurchase(RowFacts f) {
        f.eventDataObject = EventData.parseObject(f.eventData);
        f.eventDataValid = f.eventDataObject != null;
        if (f.eventDataValid) {
            f.purchaseFacts = EventData.purchase(f.eventDataObject);
        }
    }

    private void addPurchase(FileResult result, RowFacts f, String clientId, int candidate, int line) {
        EventData.Purchase p = f.purchaseFacts;
        String tx = p.transactionId();
        Murmur3.hash(tx + '\u0001' + clientId + '\u0001' + p.canonicalPayload(), 0, hash);
        result.purchases.add(new FileResult.PurchaseRef(candidate, line, tx, hash.h1, hash.h2));
    }

    /** The flags cell of a valid row, and one finding per flag. */
    private void appendFlags(Utf8Line out, int warnings, FileResult result, int line, String timestamp, String tx,
                             Agent agent) {
        String name = result.name();
        int valueIndex = 0;
        boolean first = true;
        for (ReasonCode code : CODES) {
            if ((warnings & (1 << code.ordinal())) == 0) {
                continue;
            }
            if (!first) {
                out.append(';');
            }
            first = false;
            out.append(code.code(), true);
            String value = code == ReasonCode.TIMESTAMP_OUTSIDE_PARTITION ? timestamp : warningValues[valueIndex++];
            if (code == ReasonCode.BOT_USER_AGENT && plainName) {
                findingRows.append(name).append(',').append(line).append(agent.botFinding).append(date).append('\n');
            } else {
                RowText.finding(findingRows, name, line, code, value,
                        RowText.warningMessage(code, value, result.partitionDate, tx), date);
            }
        }
    }


    /** The verdicts on an event name and its output cell, computed once per distinct value. */
    private static final class EventName {
        final String trimmed;
        /**
         * Trimmed as every value is ({@link EmptyValue#trim}, decision 0825): "page_viewed\u00A0" is page_viewed,
         * not an UNKNOWN_EVENT_NAME. MISSING_EVENT_NAME: nothing is left, as for "\u3000".
         */
        final boolean empty;
        final boolean purchase;
        final boolean known;
        final String cell;
        final boolean cellAscii;

        EventName(String raw, RowRule.Context rules) {
            trimmed = EmptyValue.trim(raw);
            empty = trimmed.isEmpty();
            purchase = rules.purchaseNames.contains(trimmed);
            known = rules.eventNames.contains(trimmed);
            cell = cell(trimmed);
            cellAscii = Utf8Line.isAscii(cell);
        }
    }

    /** The bot verdict on a user agent and its output cell, computed once per distinct value. */
    private static final class Agent {
        final String userAgent;
        final boolean bot;
        final String cell;
        final boolean cellAscii;
        /** The middle of its BOT_USER_AGENT finding ({@link RowText#findingMiddle}); null when not a bot. */
        final String botFinding;

        Agent(String userAgent, RowRule.Context rules) {
            this.userAgent = userAgent;
            bot = rules.isBot(userAgent);
            cell = cell(userAgent);
            cellAscii = Utf8Line.isAscii(cell);
            botFinding = bot ? RowText.findingMiddle(ReasonCode.BOT_USER_AGENT, userAgent,
                    RowText.warningMessage(ReasonCode.BOT_USER_AGENT, userAgent, null, "")) : null;
        }
    }

    private static FieldValue[] newCells() {
        FieldValue[] cells = new FieldValue[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            cells[c] = new FieldValue();
        }
        return cells;
    }

    private static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        CsvCells.appendText(out, text);
        return out.toString();
    }

    LongConsumer bytesRead() {
        return bytesRead;
    }

    private String warningValue(RowRule rule, RowFacts f) {
        return switch (rule) {
            case UNKNOWN_EVENT_NAME -> f.eventNameTrimmed;
            case BOT_USER_AGENT -> f.userAgent;
            case NON_STANDARD_CLIENT_ID -> cells[CLIENT].text();
            case PURCHASE_ZERO_REVENUE -> f.purchaseFacts.revenueText();
            case PURCHASE_ITEM_PRICE_MISSING -> f.purchaseFacts.itemsWithoutPrice() + " of "
                    + f.purchaseFacts.items() + " items";
            case PURCHASE_REVENUE_MISMATCH -> "revenue " + plain(f.purchaseFacts.revenue()) + ", items sum "
                    + plain(f.purchaseFacts.itemPriceSum());
            default -> "";
        };
    }

    static String plain(java.math.BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private void quarantine(FileResult result, Spool.Writer spool, int line, int mask, String detail,
                            String[] raw, String rawRecord) throws IOException {
        result.rowsQuarantined++;
        for (ReasonCode code : ReasonCode.values()) {
            if ((mask & (1 << code.ordinal())) != 0) {
                result.quarantinedByCode[code.ordinal()]++;
            }
        }
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null) {
                raw[i] = "";
            }
        }
        quarantineRow.setLength(0);
        findingRows.setLength(0);
        RowText.quarantined(quarantineRow, findingRows, result.name(), line, mask, detail == null ? "" : detail, raw,
                rawRecord, date);
        spool.quarantined(quarantineRow, findingRows);
    }

    /**
     * A file with two of the three key columns is most likely a day's export whose third column is spelled in a way
     * no rule maps: say how to map it, since the day is otherwise only missed by monitoring.
     */
    private static String likelyRenamedHint(HeaderMapping mapping) {
        long present = List.of(CanonicalColumn.TIMESTAMP, CanonicalColumn.EVENT_NAME, CanonicalColumn.CLIENT_ID)
                .stream().filter(mapping::has).count();
        return present == 2 ? " If it is a day's export, its " + missingKeyColumns(mapping) + " column has a header no"
                + " rule maps: add that header under quality.header_aliases in a configuration file (see eventpipe"
                + " config --print-defaults) and run again." : "";
    }

    /**
     * A file under a .csv name whose first line is an HTML page (a download that got an error or login page instead
     * of the export) or JSON: it was "not an event file" with an INFO finding, and the day it stood for went missing
     * without an error.
     */
    private static String notCsv(String firstLine) {
        String start = firstLine.replace("\uFEFF", "").stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return "is an HTML page, not CSV (a download that returned an error or sign-in page?); download the export "
                    + "again";
        }
        if (start.startsWith("{\"") || start.startsWith("[{") || start.startsWith("[ {") || start.equals("[")) {
            return "is JSON, not CSV; export the events as CSV";
        }
        return null;
    }

    /**
     * A header that is one cell which, split on a semicolon, a tab or (the whole line quoted) a comma, names an event
     * file: an event export in another CSV dialect. It was skipped as "not an event file (it has no timestamp,
     * event_name, client_id column)" with an INFO finding, under a header that plainly names them, and the day went
     * missing. It is an event file this reader cannot read, so UNREADABLE_FILE (ERROR) says how to export it.
     */
    private String otherDialect(List<String> headerFields) {
        if (headerFields.size() != 1) {
            return null;
        }
        String header = headerFields.get(0);
        String[][] dialects = {
                {";", "is separated by semicolons, not commas (Excel does so in some languages); export it again as CSV "
                        + "with commas"},
                {"\t", "is separated by tabs, not commas; export it again as CSV with commas"},
                {",", "has each whole line in quotes, so every row reads as one cell; export it again with quotes only "
                        + "around the fields that need them"},
        };
        for (String[] dialect : dialects) {
            if (header.contains(dialect[0])
                    && headers.map(List.of(header.split(java.util.regex.Pattern.quote(dialect[0]), -1))).isEventFile()) {
                return dialect[1];
            }
        }
        return null;
    }

    private static String missingKeyColumns(HeaderMapping mapping) {
        StringBuilder missing = new StringBuilder();
        for (CanonicalColumn c : List.of(CanonicalColumn.TIMESTAMP, CanonicalColumn.EVENT_NAME, CanonicalColumn.CLIENT_ID)) {
            if (!mapping.has(c)) {
                if (missing.length() > 0) {
                    missing.append(", ");
                }
                missing.append(c.columnName());
            }
        }
        return missing.toString();
    }

    private static void finishPartition(FileResult result) {
        if (result.isEventFile() && !result.dateFromName) {
            if (result.minEpochDay != Integer.MAX_VALUE && result.partitionDate == null) {
                result.partitionDate = LocalDate.ofEpochDay(result.minEpochDay);
            }
            String notADate = PartitionDates.impossibleDateInName(result.input.path().getFileName().toString());
            result.findings.add(new FileFinding(ReasonCode.NO_DATE_IN_NAME, 0, "", "",
                    result.name() + (notADate == null ? " has no YYYYMMDD date in its name"
                            : "'s name holds " + notADate + ", which is not a calendar date (check the name)")
                            + "; its partition date "
                            + (result.partitionDate == null ? "is unknown (no valid timestamp)"
                            : "is taken from its earliest timestamp, " + result.partitionDate) + "."));
        }
    }

    /**
     * Files the operating system or Office writes beside a CSV and names after it: macOS's AppleDouble companion
     * ({@code ._events_20250223.csv}, on USB sticks and network shares) and Office's owner file
     * ({@code ~$events_20250223.csv}, while the file is open in Excel). Both are a few hundred binary bytes: read,
     * they were an UNREADABLE_FILE error for a day whose real file was fine.
     */
    static String systemCompanion(String fileName) {
        if (fileName.startsWith("._")) {
            return "a macOS metadata file (the companion of " + fileName.substring(2) + ")";
        }
        if (fileName.startsWith("~$")) {
            return "an Office lock file (written while a workbook is open in Excel)";
        }
        return null;
    }

    /** A compressed day is listed only to be named: the pipeline reads CSV text; its day is missing until unpacked. */
    private static String compressedSkipped(FileResult result, Path file, String packed) {
        String how = InputNames.compressionName(file.getFileName().toString());
        if (Files.isRegularFile(file.resolveSibling(packed))) {
            return result.name() + " is a " + how + "-compressed copy of " + packed + ", which was read; the copy was"
                    + " skipped.";
        }
        return result.name() + " is compressed (" + how + "), not a CSV file, and was skipped: unpack it into the same"
                + " folder, so that " + packed + " lies there, and run again.";
    }

    /** A result not read at all, with the partition date its name gives, if any. */
    private static FileResult named(InputFile file, Optional<LocalDate> named) {
        FileResult result = new FileResult(file);
        result.partitionDate = named.orElse(null);
        result.dateFromName = named.isPresent();
        return result;
    }

    private static FileResult unreadable(FileResult result, long line, String why) {
        result.status = FileResult.Status.UNREADABLE;
        result.findings.clear();
        result.findings.add(new FileFinding(ReasonCode.UNREADABLE_FILE, line, "", "",
                result.name() + " " + why + "."));
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts and hashes the bytes as they are read, so the file is read once for all three. */
    static final class CountingStream extends FilterInputStream {
        private final MessageDigest digest;
        private final LongConsumer progress;
        private long count;
        private long unreported;

        CountingStream(InputStream in, MessageDigest digest, LongConsumer progress) {
            super(in);
            this.digest = digest;
            this.progress = progress;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            unreported += n;
            if (unreported >= (4 << 20)) {
                progress.accept(unreported);
                unreported = 0;
            }
        }

        /** The bytes left as raw.available() said when last asked, and {@link #count} then. */
        private long availableThen = -1;
        private long countThen;

        /**
         * What the stream below says is left, asked again only when the bytes read since the last answer use it up.
         * The decoder asks before every 8 KiB it reads; for a file, each answer cost two system calls (file size and
         * position: 340,000 of them at 5M events). The answer is the same as long as the file does not change while
         * it is read, and it is asked again before saying 0.
         */
        @Override
        public int available() throws IOException {
            long left = availableThen - (count - countThen);
            if (availableThen < 0 || left <= 0) {
                availableThen = super.available();
                countThen = count;
                left = availableThen;
            }
            return (int) Math.min(Integer.MAX_VALUE, left);
        }

        /** Reads what the parser left (a skipped non-event file) so the checksum covers the whole file. */
        void drain() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // Only the digest and the count need these bytes.
            }
        }

        @Override
        public void close() throws IOException {
            if (unreported > 0) {
                progress.accept(unreported);
                unreported = 0;
            }
            super.close();
        }
    }
}
