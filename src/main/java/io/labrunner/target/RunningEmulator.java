package io.labrunner.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The note a running {@code lab emulator} leaves in the state directory, so that {@code start},
 * {@code check}, {@code solve} and {@code cleanup} in other terminals talk to it. {@code data} is
 * the folder it serves (null in notes written before it was recorded).
 */
public record RunningEmulator(String endpoint, String region, long pid, String data) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), this);
    }

    /** The emulator described in {@code file}, if the file exists and the emulator still answers. */
    public static Optional<RunningEmulator> readIfAlive(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunningEmulator running = JSON.readValue(file.toFile(), RunningEmulator.class);
            return running.answers() ? Optional.of(running) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    boolean answers() {
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
