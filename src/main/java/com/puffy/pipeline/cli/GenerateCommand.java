package com.puffy.pipeline.cli;

import com.puffy.pipeline.bench.MemoryProbe;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventpipe generate}: synthetic daily event files with planted faults (SPEC §9, docs/generator.md). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate realistic synthetic daily event files with planted faults, one events_YYYYMMDD.csv a day.",
                "The same seed gives the same files; faults.json lists each fault with its file and lines."})
final class GenerateCommand implements Callable<Integer>, WritesAFolder {
    private Path folderWritten;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Folder to write (new, empty, or generated before).")
    Path out;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14", description = "Number of daily files (default: ${DEFAULT-VALUE}).")
    long days;

    @Option(names = "--events-per-day", paramLabel = "N", defaultValue = "3500",
            description = "Events a day before planted fault rows (default: ${DEFAULT-VALUE}).")
    long eventsPerDay;

    @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", defaultValue = "2025-02-23",
            converter = OptionValueErrors.DateConverter.class,
            description = "Date of the first file (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--faults", paramLabel = "LIST", defaultValue = "none",
            description = "none, common, all, or a comma-separated list of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FaultNames.class)
    String faults;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    static final class FaultNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FaultKind.ids().iterator();
        }
    }

    @Override
    public Path folderWritten() {
        return folderWritten;
    }

    @Override
    public Integer call() {
        if (out.toString().isBlank()) {
            // "" is the working folder: `--out "$DIR"` with DIR unset filled whatever folder the shell was in.
            throw PipelineException.usage("--out is empty (a variable left unset?): give the folder to write.");
        }
        if (faults.replace(",", "").isBlank()) {
            // Like an empty --out: `--faults "$FAULTS"` with FAULTS unset silently generated clean data.
            throw PipelineException.usage("--faults is empty (a variable left unset?): give none, common, all or a "
                    + "comma-separated list of fault names.");
        }
        Set<FaultKind> kinds;
        try {
            kinds = FaultKind.parse(faults);
        } catch (IllegalArgumentException e) {
            throw PipelineException.usage("--faults: " + e.getMessage() + ".");
        }
        if (start.getYear() < 2002 || start.getYear() > GenerateSettings.LAST_START_YEAR) {
            throw PipelineException.usage("--start-date " + start + " is out of range: client ids carry 10-digit Unix "
                    + "seconds, so pick a date from 2002 to " + GenerateSettings.LAST_START_YEAR + ".");
        }
        if (days < 0 || eventsPerDay < 0) {
            throw PipelineException.usage((days < 0 ? "--days " + days : "--events-per-day " + eventsPerDay)
                    + " is negative: give a positive number.");
        }
        if (days > GenerateSettings.MAX_DAYS) {
            // Typed long so that a number too large for an int gets this sentence, not picocli's "is not an int".
            throw PipelineException.usage("--days " + days + " is out of range: give a number of days from 1 to "
                    + GenerateSettings.MAX_DAYS + ".");
        }
        if (eventsPerDay > Integer.MAX_VALUE) {
            throw PipelineException.usage("--events-per-day " + eventsPerDay + " is more than one day can hold: give "
                    + "a number up to a few million (a real shop's day is about 3500).");
        }
        GenerateSettings settings = new GenerateSettings(out, (int) days, (int) eventsPerDay, start, seed, kinds);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        MemoryProbe memory = new MemoryProbe();
        memory.reset();
        long started = System.nanoTime();
        Cancellation cancellation = new Cancellation();
        EventGenerator.Result result;
        try (StopOnSignal ignored = StopOnSignal.install(cancellation, err, "the days written so far stay in "
                + out + "; the same command starts it afresh")) {
            result = EventGenerator.generate(settings, (done, total, message) -> {
                err.println(String.format(Locale.ROOT, "generate: %d/%d %s", done, total, message));
                err.flush();
            }, cancellation);
        }
        folderWritten = result.folder();
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        stdout.println(String.format(Locale.ROOT, "Generated %d files, %,d rows, %.1f MB in %s",
                result.files().size(), result.rows(), result.bytes() / 1e6, result.folder().toAbsolutePath()));
        stdout.println(String.format(Locale.ROOT, "Faults planted: %s (listed in %s)",
                kinds.isEmpty() ? "none" : String.join(",", kinds.stream().map(FaultKind::id).toList()),
                result.faultsFile().getFileName()));
        StringBuilder figures = new StringBuilder(String.format(Locale.ROOT,
                "Throughput: %.1f s, %,.0f events/s, %.1f MB/s; peak heap %s", seconds, result.rows() / seconds,
                result.bytes() / 1e6 / seconds, MemoryProbe.mib(memory.peakHeapBytes())));
        memory.peakRssBytes().ifPresent(rss -> figures.append(", peak RSS ").append(MemoryProbe.mib(rss)));
        stdout.println(figures);
        stdout.flush();
        return 0;
    }
}
