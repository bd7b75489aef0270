package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The note of a running emulator counts only while its process lives and its port answers. */
class RunningEmulatorTest {
    @TempDir
    Path dir;

    @Test
    void aNoteWhoseProcessEndedIsNotFollowedEvenIfItsPortAnswers() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
        try (ServerSocket someoneElse = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Path note = dir.resolve("emulator.json");
            new RunningEmulator("http://127.0.0.1:" + someoneElse.getLocalPort(), "us-east-1", ended.pid(), "/data").writeTo(note);

            assertThat(RunningEmulator.readIfAlive(note)).isEmpty();
            assertThat(RunningEmulator.read(note)).isPresent();
        }
    }

    @Test
    void aNoteWhoseProcessLivesButWhosePortIsClosedIsNotFollowed() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path note = dir.resolve("emulator.json");
        new RunningEmulator("http://127.0.0.1:" + closed, "us-east-1", ProcessHandle.current().pid(), "/data").writeTo(note);

        assertThat(RunningEmulator.readIfAlive(note)).isEmpty();
    }

    @Test
    void aLiveNoteIsFollowedAndKeepsItsLog() throws Exception {
        try (ServerSocket serving = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Path note = dir.resolve("emulator.json");
            new RunningEmulator("http://127.0.0.1:" + serving.getLocalPort(), "us-east-1", ProcessHandle.current().pid(),
                    "/data", "/home/emulator.log").writeTo(note);

            assertThat(RunningEmulator.readIfAlive(note)).get().extracting(RunningEmulator::log).isEqualTo("/home/emulator.log");
        }
    }

    @Test
    void aNoteIsRemovedOnlyByTheProcessItNames() throws Exception {
        Path note = dir.resolve("emulator.json");
        new RunningEmulator("http://127.0.0.1:1", "us-east-1", 4242, "/data").writeTo(note);

        RunningEmulator.deleteIfNames(note, 4343);
        assertThat(note).exists();

        RunningEmulator.deleteIfNames(note, 4242);
        assertThat(note).doesNotExist();
    }

    @Test
    void anUnreadableNoteIsNoEmulator() throws Exception {
        Path note = Files.writeString(dir.resolve("emulator.json"), "{ \"endpoint\": ");

        assertThat(RunningEmulator.read(note)).isEmpty();
        assertThat(RunningEmulator.readIfAlive(note)).isEmpty();
    }
}
