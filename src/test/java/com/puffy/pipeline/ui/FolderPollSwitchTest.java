package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A look at the folder that was open, finished after another folder was opened, says nothing about the new one. */
class FolderPollSwitchTest {
    @TempDir
    Path dir;

    @Test
    void aLookAtTheFolderOpenBeforeAsksNoRecheckOfTheFolderOpenNow() throws Exception {
        Path before = Files.createDirectories(dir.resolve("before"));
        Files.writeString(before.resolve("events_20250101.csv"), "client_id\n");
        Path now = Files.createDirectories(dir.resolve("now"));
        Files.writeString(now.resolve("events_20250101.csv"), "client_id\n");
        List<Runnable> held = new ArrayList<>();
        MovingClock clock = new MovingClock("2026-11-27T10:00:00Z");
        FolderPoll poll = new FolderPoll(UiThreads.holding(held), clock);
        AtomicInteger rechecks = new AtomicInteger();
        poll.statusesRead(FolderPoll.look(before, null));

        poll.tick(before, null, null, List.of(), counting(rechecks));
        held.remove(0).run();
        clock.advance(FolderPoll.INTERVAL);
        poll.tick(before, null, null, List.of(), counting(rechecks));
        // The analyst opens another folder while that second look is under way; its statuses are read.
        poll.statusesRead(FolderPoll.look(now, null));
        held.remove(0).run();
        for (int look = 0; look < 3; look++) {
            clock.advance(FolderPoll.INTERVAL);
            poll.tick(now, null, null, List.of(), counting(rechecks));
            held.remove(0).run();
        }

        // Neither folder changed: each recheck would read every stage's status again for nothing.
        assertThat(rechecks).hasValue(0);
    }

    /** Every reaction counted alike. */
    private static FolderPoll.Reactions counting(AtomicInteger reactions) {
        return new FolderPoll.Reactions() {
            @Override
            public void folderChanged() {
                reactions.incrementAndGet();
            }

            @Override
            public void outputsRewritten() {
                reactions.incrementAndGet();
            }

            @Override
            public void anotherRunWriting() {
                reactions.incrementAndGet();
            }

            @Override
            public void anotherRunEndedWithoutOutputs() {
                reactions.incrementAndGet();
            }
        };
    }
}
