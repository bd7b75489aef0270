package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labrunner.core.Ledger;
import io.labrunner.core.StateDirectory;
import io.labrunner.emulator.Emulator;
import io.labrunner.testing.StuckLabMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ctrl-C for real: {@code lab run} in a child JVM against an emulator in this one, sent SIGINT (or
 * SIGTERM) with kill(1) once its setup has created a bucket and waits. Linux only; each case is
 * bounded to a minute or two.
 */
class CtrlCProcessTest {
    private static Emulator emulator;
    private static S3Client s3;

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().port(0).build().start();
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .forcePathStyle(true).build();
    }

    @AfterAll
    static void stopEmulator() {
        s3.close();
        emulator.close();
    }

    @BeforeEach
    void onlyWhereSignalsReachAChild() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "sends signals with kill(1), which this test only does on Linux");
        assumeTrue(sigintReachesChildren(), "SIGINT is ignored in this process, so a child would ignore it too");
    }

    /** Whether a child would get SIGINT at all: not if it is ignored here (children inherit that). */
    private static boolean sigintReachesChildren() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseUnsignedLong(l.substring(7).strip(), 16))
                .noneMatch(mask -> (mask & 0b10) != 0);
    }

    /** {@code lab} with only the stuck lab, in a child JVM, its standard output and error read line by line. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        Child(Path home, List<String> jvmOptions, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    StuckLabMain.class.getName(), home.toString(), "--no-color"));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // The child is gone; what it said is in lines.
                }
            }, "child-output");
            reader.start();
        }

        /** Waits until a line matches; false after {@code seconds}. */
        boolean awaitLine(Predicate<String> matching, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            synchronized (lines) {
                while (lines.stream().noneMatch(matching)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    lines.wait(Math.max(1, left / 1_000_000));
                }
                return true;
            }
        }

        void signal(String name) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        /** Waits for the child to end; what it said, once all of it is read. */
        List<String> ended(int seconds) throws InterruptedException {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("the child ended: %s", lines).isTrue();
            reader.join(10_000);
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static String endpoint() {
        return emulator.getEndpoint().toString();
    }

    private static String bucketIn(List<String> lines) {
        return lines.stream().filter(l -> l.contains("✔ create bucket ")).findFirst().orElseThrow()
                .replaceAll(".*create bucket (lab-[a-z0-9-]+).*", "$1");
    }

    private boolean bucketExists(String bucket) {
        return s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket));
    }

    /** One signal mid-setup: the line at once, the step cut short reads "interrupted", cleanup, then the summary. */
    private List<String> interruptOnce(String signal, int status) throws Exception {
        List<String> said;
        try (Child child = new Child(home, List.of(), "run", "stuck-lab", "--target", "endpoint", "--endpoint", endpoint())) {
            assertThat(child.awaitLine(l -> l.contains("✔ create bucket lab-"), 60)).as("setup created its bucket: %s", child.lines).isTrue();
            child.signal(signal);
            said = child.ended(60);
            assertThat(child.process.exitValue()).as("128 + SIG%s: %s", signal, said).isEqualTo(status);
        }
        String bucket = bucketIn(said);
        int message = indexOf(said, "Interrupted — cleaning up…");
        int cutShort = indexOf(said, "interrupted");
        int deleted = indexOf(said, "✔ delete S3 bucket " + bucket);
        int labLine = indexOf(said, "✘ stuck-lab did not complete: interrupted during setup");
        int summary = indexOf(said, "0 passed, 1 failed, 0 skipped");
        assertThat(message).as("%s", said).isNotNegative();
        assertThat(cutShort).as("%s", said).isGreaterThan(message);
        assertThat(deleted).as("%s", said).isGreaterThan(cutShort);
        assertThat(labLine).as("%s", said).isGreaterThan(deleted);
        assertThat(summary).as("%s", said).isGreaterThan(labLine);
        assertThat(said).noneMatch(l -> l.contains("Connection pool shut down") || l.contains("Thread was interrupted")
                || l.contains("Exception") || l.contains("Interrupted again"));
        assertThat(bucketExists(bucket)).isFalse();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
        return said;
    }

    @Test
    void ctrlCDuringARunSaysSoCleansUpBeforeTheSummaryAndLeavesNothing() throws Exception {
        interruptOnce("INT", 130);
    }

    @Test
    void sigtermDoesTheSameAndAlsoEndsWith130() throws Exception {
        interruptOnce("TERM", 130);
    }

    @Test
    void aSecondCtrlCSkipsTheCleanupKeepsTheLedgerAndSaysHowToCleanUpLater() throws Exception {
        List<String> said;
        long secondSent;
        try (Child child = new Child(home, List.of("-Dstuck.teardown.seconds=120"), "run", "stuck-lab",
                "--target", "endpoint", "--endpoint", endpoint())) {
            assertThat(child.awaitLine(l -> l.contains("✔ create bucket lab-"), 60)).as("setup created its bucket: %s", child.lines).isTrue();
            child.signal("INT");
            assertThat(child.awaitLine(l -> l.contains("Interrupted — cleaning up…"), 30)).as("%s", child.lines).isTrue();
            assertThat(child.awaitLine(l -> l.strip().equals("cleanup"), 30)).as("%s", child.lines).isTrue();
            child.signal("INT");
            secondSent = System.nanoTime();
            said = child.ended(30);
            assertThat(child.process.exitValue()).as("%s", said).isEqualTo(130);
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - secondSent)).as("ended soon after the second Ctrl-C")
                .isLessThan(15);
        String bucket = bucketIn(said);
        List<String> advice = said.stream().filter(l -> l.startsWith("Interrupted again — cleanup skipped;")).toList();
        String cleanLater = "lab cleanup stuck-lab --target endpoint --endpoint " + endpoint();
        assertThat(advice).as("%s", said).singleElement().asString().endsWith(cleanLater);
        assertThat(said).noneMatch(l -> l.contains("delete S3 bucket"));
        assertThat(indexOf(said, "0 passed, 1 failed, 0 skipped")).as("%s", said).isGreaterThan(indexOf(said, advice.get(0)));
        assertThat(bucketExists(bucket)).isTrue();
        List<Ledger> kept = new StateDirectory(home).activeRuns();
        assertThat(kept).singleElement().satisfies(ledger -> assertThat(ledger.remaining()).isNotEmpty());

        // The advice works: the command it gives cleans the run up from its ledger.
        try (Child cleanup = new Child(home, List.of(), cleanLater.substring("lab ".length()).split(" "))) {
            List<String> cleaned = cleanup.ended(60);
            assertThat(cleanup.process.exitValue()).as("%s", cleaned).isZero();
            assertThat(cleaned).anyMatch(l -> l.contains("✔ delete S3 bucket " + bucket));
        }
        assertThat(bucketExists(bucket)).isFalse();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
