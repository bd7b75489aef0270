package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ctrl-C for real: {@code lab run} in a child JVM against an emulator in this one, interrupted with
 * SIGINT once its setup has created a bucket. Linux only; bounded to a minute.
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

    @Test
    void ctrlCDuringARunCleansUpBeforeTheSummaryAndLeavesNothing() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "sends SIGINT with kill(1), which this test only does on Linux");
        assumeTrue(sigintReachesChildren(), "SIGINT is ignored in this process, so a child would ignore it too");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, StuckLabMain.class.getName(), home.toString(),
                "--target", "endpoint", "--endpoint", emulator.getEndpoint().toString(), "--no-color", "run", "stuck-lab")
                .redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch created = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.contains("✔ create bucket lab-")) {
                        created.countDown();
                    }
                }
            } catch (IOException ignored) {
                // The child is gone; what it said is in lines.
            }
        }, "child-output");
        reader.start();
        try {
            assertThat(created.await(60, TimeUnit.SECONDS)).as("setup created its bucket: %s", lines).isTrue();

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended after Ctrl-C: %s", lines).isTrue();
        } finally {
            child.destroyForcibly();
        }
        reader.join(10_000);

        String bucket = lines.stream().filter(l -> l.contains("✔ create bucket ")).findFirst().orElseThrow()
                .replaceAll(".*create bucket (lab-[a-z0-9-]+).*", "$1");
        List<String> said = List.copyOf(lines);
        assertThat(said).noneMatch(l -> l.contains("Connection pool shut down"));
        int deleted = indexOf(said, "✔ delete S3 bucket " + bucket);
        int labLine = indexOf(said, "✘ stuck-lab did not complete");
        int summary = indexOf(said, "0 passed, 1 failed, 0 skipped");
        assertThat(deleted).as("%s", said).isNotNegative();
        assertThat(labLine).as("%s", said).isGreaterThan(deleted);
        assertThat(summary).as("%s", said).isGreaterThan(labLine);
        assertThat(child.exitValue()).as("128 + SIGINT").isEqualTo(130);
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(bucket));
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
