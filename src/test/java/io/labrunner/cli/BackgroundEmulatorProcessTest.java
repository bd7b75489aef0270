package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.target.RunningEmulator;
import io.labrunner.testing.BucketLab;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code lab start} with no emulator serving, for real: a child JVM starts the lab, which starts a
 * {@code lab emulator} of its own that is still serving when the child has exited; {@code lab
 * emulator stop} ends it. Two starts at once in one home share one emulator.
 */
class BackgroundEmulatorProcessTest {
    @TempDir
    Path home;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        Optional<RunningEmulator> left = RunningEmulator.read(new StateDirectory(home).emulatorPidFile());
        left.flatMap(e -> ProcessHandle.of(e.pid())).ifPresent(ProcessHandle::destroyForcibly);
        for (Process child : children) {
            child.destroyForcibly();
        }
    }

    private Process lab(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                BackgroundLabMain.class.getName(), home.toString(), "--no-color"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        children.add(child);
        return child;
    }

    private int inProcess(StringWriter out, String... args) {
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(BucketLab.good())), new StateDirectory(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void startLeavesAnEmulatorServingAfterItExitsAndEmulatorStopEndsIt() throws Exception {
        Path said = home.resolve("start.out");
        Process start = lab(said, "start", "bucket-lab");
        assertThat(start.waitFor(150, TimeUnit.SECONDS)).as("lab start ended").isTrue();
        String output = Files.readString(said, StandardCharsets.UTF_8);
        assertThat(start.exitValue()).as(output).isZero();

        RunningEmulator serving = RunningEmulator.readIfAlive(new StateDirectory(home).emulatorPidFile())
                .orElseThrow(() -> new AssertionError("no emulator serves after lab start: " + output));
        assertThat(serving.pid()).isNotEqualTo(start.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(output).contains("Starting the lab emulator in the background")
                .contains("Lab emulator serving on " + serving.endpoint() + " (pid " + serving.pid() + ", log "
                        + new StateDirectory(home).emulatorLog())
                .contains("'lab emulator stop' ends it").contains("Set up run ");
        assertThat(serving.data()).isEqualTo(new StateDirectory(home).emulatorData().toString());
        String bucket = "lab-" + new StateDirectory(home).activeRuns().get(0).runId() + "-data";
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(serving.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .forcePathStyle(true).build()) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
        }
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            assertThat(sessionOf(serving.pid())).as("a session of its own, out of reach of the terminal's Ctrl-C")
                    .isEqualTo(serving.pid());
        }

        StringWriter status = new StringWriter();
        assertThat(inProcess(status, "status")).isZero();
        assertThat(status.toString()).contains("Lab emulator: serving on " + serving.endpoint() + " (pid " + serving.pid());

        StringWriter stop = new StringWriter();
        long begun = System.nanoTime();
        assertThat(inProcess(stop, "emulator", "stop")).as(stop.toString()).isZero();
        System.out.println("lab emulator stop took " + (System.nanoTime() - begun) / 1_000_000 + " ms");

        assertThat(stop.toString().strip()).isEqualTo("Stopped the lab emulator (pid " + serving.pid() + ") that served "
                + serving.endpoint() + "; its data stays in " + serving.data() + ".");
        assertThat(ProcessHandle.of(serving.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(new StateDirectory(home).emulatorPidFile()).doesNotExist();
        StringWriter again = new StringWriter();
        assertThat(inProcess(again, "emulator", "stop")).isZero();
        assertThat(again.toString().strip()).isEqualTo("No lab emulator is running for " + home + ".");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoStartsAtOnceInOneHomeShareOneEmulator() throws Exception {
        Process first = lab(home.resolve("first.out"), "start", "bucket-lab", "--new");
        Process second = lab(home.resolve("second.out"), "start", "bucket-lab", "--new");
        assertThat(first.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(150, TimeUnit.SECONDS)).isTrue();
        String both = Files.readString(home.resolve("first.out")) + Files.readString(home.resolve("second.out"));

        assertThat(first.exitValue()).as(both).isZero();
        assertThat(second.exitValue()).as(both).isZero();
        assertThat(both.split("Starting the lab emulator", -1)).as(both).hasSize(2);
        assertThat(new StateDirectory(home).activeRuns()).hasSize(2);
        assertThat(RunningEmulator.readIfAlive(new StateDirectory(home).emulatorPidFile())).isPresent();
    }

    /** The session id of a process, from /proc (Linux). */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }
}
