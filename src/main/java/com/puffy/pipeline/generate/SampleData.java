package com.puffy.pipeline.generate;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The app's "Open sample data": two weeks like the real export of DATA.md (3,500 events a day) with its real-world
 * faults, generated once into the user's data folder. The seed is fixed, so every user sees the same sample.
 */
public final class SampleData {
    public static final int DAYS = 14;
    public static final int EVENTS_PER_DAY = 3500;
    public static final LocalDate START = LocalDate.of(2025, 2, 23);
    public static final long SEED = 20250223L;
    /**
     * The date the sample is judged on: the day after its last file, as if it had just arrived. Judged on today's
     * date instead, two-year-old sample data would greet every new user with a CRITICAL freshness alert.
     */
    public static final LocalDate AS_OF = START.plusDays(DAYS);

    private SampleData() {
    }

    public static GenerateSettings settings(Path dir) {
        return new GenerateSettings(dir, DAYS, EVENTS_PER_DAY, START, SEED, FaultKind.common());
    }

    /**
     * Makes sure {@code dir} holds the sample folder and returns it. A complete earlier sample (it has its
     * faults.json, written last) is kept as is; otherwise the sample is generated into a sibling work folder and
     * moved into place, so an interrupted first run never leaves half a sample behind. Synchronized: the app may
     * ask from two background tasks at once.
     */
    public static synchronized Path ensure(Path dir) {
        if (Files.isRegularFile(dir.resolve(FaultLedger.FILE_NAME))) {
            return dir;
        }
        Path work = dir.resolveSibling(dir.getFileName() + ".work");
        try {
            deleteTree(work);
            EventGenerator.generate(settings(work), Progress.NONE, Cancellation.none());
            deleteTree(dir);
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The sample data could not be written to " + dir
                    + " (" + e.getMessage() + "): check the free space and permissions of that folder.", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
