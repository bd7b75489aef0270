package io.labrunner.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The note a running {@code lab emulator} leaves in the state directory, so that {@code start},
 * {@code check}, {@code solve} and {@code cleanup} in other terminals talk to it. A note counts only
 * while its process is alive and its port answers: a note left by a killed emulator, or by one
 * whose pid the system has since given to another program, is not followed.
 *
 * @param data the folder it serves (null in notes written before it was recorded)
 * @param log        where its output goes when a command started it in the background; null otherwise
 * @param enforceIam whether it was started with {@code --enforce-iam}
 */
public record RunningEmulator(String endpoint, String region, long pid, String data, String log,
                              boolean enforceIam) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunningEmulator(String endpoint, String region, long pid, String data, String log) {
        this(endpoint, region, pid, data, log, false);
    }

    public RunningEmulator(String endpoint, String region, long pid, String data) {
        this(endpoint, region, pid, data, null);
    }

    /** Writes the note whole or not at all: a reader never sees half of it. */
    public void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ObjectNode node = JSON.createObjectNode();
        node.put("endpoint", endpoint).put("region", region).put("pid", pid).put("data", data);
        if (log != null) {
            node.put("log", log);
        }
        if (enforceIam) {
            node.put("enforceIam", true);
        }
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The note in {@code file}, alive or not; empty if there is none or it cannot be read. */
    public static Optional<RunningEmulator> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.hasNonNull("endpoint") || !node.hasNonNull("pid")) {
                return Optional.empty();
            }
            URI.create(node.get("endpoint").asText());
            return Optional.of(new RunningEmulator(node.get("endpoint").asText(), text(node, "region", "us-east-1"),
                    node.get("pid").asLong(), text(node, "data", null), text(node, "log", null),
                    node.path("enforceIam").asBoolean(false)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The emulator described in {@code file}, if its process is alive and it answers on its port. */
    public static Optional<RunningEmulator> readIfAlive(Path file) {
        return read(file).filter(RunningEmulator::alive);
    }

    /**
     * Removes the note if it still names the process {@code pid}: an emulator that stops must not
     * remove the note of another that has since taken its place.
     */
    public static void deleteIfNames(Path file, long pid) {
        if (read(file).map(note -> note.pid() == pid).orElse(false)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Best effort: a stale note is ignored because its process is gone.
            }
        }
    }

    /** Whether its process is alive and something answers on its port. */
    public boolean alive() {
        return processAlive() && answers();
    }

    /** Whether the process the note names is alive. */
    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether something accepts connections on the note's port. */
    public boolean answers() {
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 300);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field, String otherwise) {
        return node.hasNonNull(field) ? node.get(field).asText() : otherwise;
    }
}
