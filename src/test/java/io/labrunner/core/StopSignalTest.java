package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the first and the second Ctrl-C do, with the process's exit played by a list. */
class StopSignalTest {
    private final List<String> said = Collections.synchronizedList(new ArrayList<>());
    private final List<String> ended = Collections.synchronizedList(new ArrayList<>());
    private final StopSignal signal = new StopSignal().announcingTo(said::add)
            .patience(Duration.ofSeconds(30), Duration.ofMillis(500));

    private void press() {
        signal.signalled(status -> ended.add("exit " + status), status -> ended.add("halt " + status));
    }

    private Thread pressInBackground(String name) {
        Thread t = new Thread(this::press, "SIG" + name + " handler");
        t.start();
        return t;
    }

    @Test
    void withNothingHeldTheProcessJustEndsWith130AndSaysNothing() {
        press();

        assertThat(said).isEmpty();
        assertThat(ended).containsExactly("exit 130");
        assertThat(signal.stopping()).isTrue();
        assertThat(signal.skipping()).isFalse();
    }

    @Test
    void theFirstSaysItCleansUpInterruptsTheHolderAndEndsOnlyOnceItLetGo() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread command = new Thread(() -> {
            try (StopSignal.Hold hold = signal.hold().cleansUpOnStop("lab cleanup x")) {
                holding.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                awaitQuietly(letGo);
            }
        });
        command.start();
        holding.await();

        Thread handler = pressInBackground("TERM");

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(said).containsExactly("Interrupted — cleaning up… (press Ctrl-C again to skip the cleanup)");
        Thread.sleep(200);
        assertThat(ended).as("the process waits for the cleanup").isEmpty();
        letGo.countDown();
        handler.join(10_000);
        assertThat(ended).containsExactly("exit 130");
        assertThat(signal.exitStatus()).isEqualTo(130);
    }

    @Test
    void theSecondSkipsTheCleanupInterruptsEvenAShieldedHolderAndSaysHowToCleanUpLater() throws Exception {
        CountDownLatch shielded = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Thread command = new Thread(() -> {
            try (StopSignal.Hold hold = signal.hold().cleansUpOnStop("clean it up later with: lab cleanup x")) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    seen.add("first interrupt");
                }
                hold.shield();
                shielded.countDown();
                try {
                    Thread.sleep(60_000); // the cleanup
                    seen.add("cleanup finished");
                } catch (InterruptedException e) {
                    seen.add(signal.skipping() ? "cleanup skipped" : "cleanup cut short by the first");
                }
            }
        });
        command.start();
        while (!command.getState().equals(Thread.State.TIMED_WAITING)) {
            Thread.sleep(10);
        }

        Thread first = pressInBackground("INT");
        assertThat(shielded.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(seen).containsExactly("first interrupt");
        press();
        first.join(10_000);

        assertThat(seen).containsExactly("first interrupt", "cleanup skipped");
        assertThat(said).containsExactly("Interrupted — cleaning up… (press Ctrl-C again to skip the cleanup)",
                "Interrupted again — cleanup skipped; clean it up later with: lab cleanup x");
        assertThat(ended).containsOnly("exit 130");
    }

    @Test
    void aHolderStuckPastTheSecondIsHalted() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = new Thread(() -> {
            try (StopSignal.Hold hold = signal.hold()) {
                holding.countDown();
                awaitQuietly(release);
            }
        });
        stuck.start();
        holding.await();
        Thread first = pressInBackground("INT");
        while (!signal.stopping()) {
            Thread.sleep(10);
        }

        press();

        assertThat(said).containsExactly("Interrupted — stopping…", "Interrupted again — stopping now.");
        assertThat(ended).containsExactly("halt 130");
        release.countDown();
        first.join(10_000);
        stuck.join(10_000);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // Stuck on purpose: only the latch lets go.
            }
        }
    }
}
