package io.labrunner.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Docker engine answers, and if not, why — in one line, before any container is tried.
 * A quick look for the engine's socket comes first, so a machine without Docker gets its answer at
 * once rather than after Testcontainers has tried every strategy it knows.
 */
public interface DockerCheck {

    /** Empty when Docker is usable; otherwise the reason, e.g. "no Docker socket at /var/run/docker.sock (…) and no DOCKER_HOST". */
    Optional<String> whyNotAvailable();

    /** The message a Docker target fails with, exit status 2. */
    static String message(String why) {
        return "Docker is not available: " + why + ". Use --target embedded (the default) or start Docker.";
    }

    /** The real check: sockets and DOCKER_HOST, then Testcontainers' own discovery. */
    static DockerCheck system(Map<String, String> env) {
        return () -> {
            List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock")));
            String home = System.getProperty("user.home");
            sockets.add(Path.of(home, ".docker", "run", "docker.sock"));
            sockets.add(Path.of(home, ".docker", "desktop", "docker.sock"));
            sockets.add(Path.of(home, ".colima", "default", "docker.sock"));
            sockets.add(Path.of(home, ".rd", "docker.sock"));
            String runtime = env.get("XDG_RUNTIME_DIR");
            if (runtime != null && !runtime.isBlank()) {
                sockets.add(Path.of(runtime, "docker.sock"));
                sockets.add(Path.of(runtime, "podman", "podman.sock"));
            }
            String dockerHost = env.get("DOCKER_HOST");
            Optional<Path> socket = sockets.stream().filter(Files::exists).findFirst();
            boolean configured = dockerHost != null || Files.exists(Path.of(home, ".testcontainers.properties"));
            if (!configured && socket.isEmpty()) {
                return Optional.of("no Docker socket at /var/run/docker.sock (nor a Docker Desktop, Colima, Rancher"
                        + " or rootless one) and no DOCKER_HOST");
            }
            if (Containers.dockerAnswers()) {
                return Optional.empty();
            }
            if (dockerHost != null) {
                return Optional.of("nothing answers as a Docker engine at DOCKER_HOST " + dockerHost);
            }
            return Optional.of(socket.map(s -> "the engine behind " + s + " does not answer (is it running?)")
                    .orElse("the Docker host in ~/.testcontainers.properties does not answer"));
        };
    }
}
