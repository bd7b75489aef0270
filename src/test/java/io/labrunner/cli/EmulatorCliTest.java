package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.target.RunningEmulator;
import io.labrunner.testing.FakeLab;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lab emulator}'s usage errors are one line and exit 2 with nothing created; SIGTERM always stops it. */
class EmulatorCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(Path home, String... args) {
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(new FakeLab("s3-data-formats"))), new StateDirectory(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aPortAbove65535IsOneLineAndExitTwoWithNothingCreated() {
        Path home = dir.resolve("home");

        assertThat(lab(home, "emulator", "--port", "70000", "--data", dir.resolve("data").toString())).isEqualTo(2);

        assertThat(err.toString()).contains("--port must be 0 to 65535").doesNotContain("unexpected");
        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(home).doesNotExist();
    }

    @Test
    void aNegativePortIsOneLineAndExitTwo() {
        assertThat(lab(dir.resolve("home"), "emulator", "--port", "-1")).isEqualTo(2);

        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(err.toString()).contains("-1");
    }

    @Test
    void aBusyPortIsOneLineAndExitTwoAndCreatesNoDataFolder() throws Exception {
        Path data = dir.resolve("not-yet").resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(lab(dir.resolve("home"), "emulator", "--port", String.valueOf(taken.getLocalPort()),
                    "--data", data.toString())).isEqualTo(2);
        }

        assertThat(err.toString()).contains("in use");
        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("not-yet")).doesNotExist();
    }

    @Test
    void aLabRunnerHomeThatIsAFileIsOneLineAndExitTwoForEveryCommand() throws Exception {
        Path file = Files.writeString(dir.resolve("home-file"), "not a folder");

        assertThat(lab(file, "cleanup", "--all")).isEqualTo(2);

        assertThat(err.toString()).contains("LAB_RUNNER_HOME").contains("is a file");
        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("Nothing to clean up");
    }

    @Test
    void aSecondEmulatorInTheSameHomeIsRefusedNamingTheFirst() throws Exception {
        Path home = dir.resolve("home");
        Process otherLab = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket otherPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + otherPort.getLocalPort();
            new RunningEmulator(endpoint, "us-east-1", otherLab.pid(), dir.resolve("other-data").toString()).writeTo(new StateDirectory(home).emulatorPidFile());
            String noteBefore = Files.readString(new StateDirectory(home).emulatorPidFile());

            assertThat(lab(home, "emulator", "--port", "0")).isEqualTo(2);

            assertThat(err.toString()).contains("pid " + otherLab.pid()).contains(endpoint);
            assertThat(err.toString().lines().count()).isEqualTo(1);
            assertThat(Files.readString(new StateDirectory(home).emulatorPidFile())).isEqualTo(noteBefore);
            assertThat(new StateDirectory(home).emulatorData()).doesNotExist();
        } finally {
            otherLab.destroyForcibly();
        }
    }

    @Test
    void sigtermStopsARunningEmulatorWithinSecondsEvenWithStalledClients() throws Exception {
        Path home = dir.resolve("home");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "emulator", "--port", "0").redirectErrorStream(true);
        builder.environment().put("LAB_RUNNER_HOME", home.toString());
        Process emulator = builder.start();
        List<Socket> stalled = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            URI endpoint = null;
            for (String line = lines.readLine(); line != null && endpoint == null; line = lines.readLine()) {
                if (line.startsWith("Emulator serving on ")) {
                    endpoint = URI.create(line.substring("Emulator serving on ".length()).split(" ")[0]);
                }
            }
            assertThat(endpoint).isNotNull();
            assertThat(new StateDirectory(home).emulatorPidFile()).exists();
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", endpoint.getPort()), 2000);
                OutputStream partial = socket.getOutputStream();
                partial.write(("PUT /b/k HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nabc")
                        .getBytes(StandardCharsets.UTF_8));
                partial.flush();
                stalled.add(socket);
            }

            long start = System.nanoTime();
            emulator.destroy(); // SIGTERM
            boolean exited = emulator.waitFor(15, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("lab emulator stopped " + millis + " ms after SIGTERM, with 20 stalled clients");

            assertThat(exited).isTrue();
            assertThat(millis).isLessThan(12_000);
            assertThat(new StateDirectory(home).emulatorPidFile()).doesNotExist();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
            emulator.destroyForcibly();
        }
    }

    @Test
    void anEmulatorThatStopsLeavesANoteThatNamesAnotherAlone() throws Exception {
        Path home = dir.resolve("home");
        Path note = new StateDirectory(home).emulatorPidFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "emulator", "--port", "0").redirectErrorStream(true)
                .redirectOutput(dir.resolve("emulator.out").toFile());
        builder.environment().put("LAB_RUNNER_HOME", home.toString());
        Process emulator = builder.start();
        Process other = new ProcessBuilder("sleep", "60").start();
        try (ServerSocket otherPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (RunningEmulator.readIfAlive(note).map(n -> n.pid() != emulator.pid()).orElse(true)) {
                assertThat(emulator.isAlive()).as(Files.readString(dir.resolve("emulator.out"))).isTrue();
                assertThat(System.nanoTime()).as("the emulator wrote its note").isLessThan(deadline);
                Thread.sleep(50);
            }
            // Another emulator took over the home meanwhile (its note replaced this one's).
            new RunningEmulator("http://127.0.0.1:" + otherPort.getLocalPort(), "us-east-1", other.pid(), "/other").writeTo(note);

            emulator.destroy();
            assertThat(emulator.waitFor(15, TimeUnit.SECONDS)).isTrue();

            assertThat(RunningEmulator.readIfAlive(note)).get().extracting(RunningEmulator::pid).isEqualTo(other.pid());
        } finally {
            emulator.destroyForcibly();
            other.destroyForcibly();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aSecondEmulatorIsRefusedEvenWhenTheFirstsNoteIsGoneBecauseTheFirstHoldsTheHome() throws Exception {
        Path home = dir.resolve("home");
        Path note = new StateDirectory(home).emulatorPidFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "emulator", "--port", "0").redirectErrorStream(true)
                .redirectOutput(dir.resolve("emulator.out").toFile());
        builder.environment().put("LAB_RUNNER_HOME", home.toString());
        Process first = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (RunningEmulator.readIfAlive(note).isEmpty()) {
                assertThat(first.isAlive()).as(Files.readString(dir.resolve("emulator.out"))).isTrue();
                assertThat(System.nanoTime()).as("the emulator wrote its note").isLessThan(deadline);
                Thread.sleep(50);
            }
            Files.delete(note); // as a second checkout's older Lab Runner might have done

            assertThat(lab(home, "emulator", "--port", "0", "--data", dir.resolve("second").toString())).isEqualTo(2);

            assertThat(err.toString().strip()).doesNotContain("\n").startsWith("lab: Another lab emulator holds this home");
            assertThat(dir.resolve("second")).doesNotExist();
        } finally {
            first.destroy();
            first.waitFor(15, TimeUnit.SECONDS);
            first.destroyForcibly();
        }
    }
}
