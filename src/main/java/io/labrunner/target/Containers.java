package io.labrunner.target;

import java.util.Optional;

/**
 * Everything that touches Testcontainers, kept in one class so that the embedded and endpoint
 * targets never load it.
 */
final class Containers {
    private Containers() {
    }

    /** Testcontainers keeps quiet unless something is wrong. */
    static void quietLogs() {
        for (String logger : new String[] {"org.testcontainers", "tc", "com.github.dockerjava"}) {
            if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) {
                System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
            }
        }
    }

    /** Empty when Testcontainers reaches a Docker engine; otherwise its reason, first line only. */
    static Optional<String> testcontainersProblem() {
        quietLogs();
        try {
            if (org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            org.testcontainers.DockerClientFactory.instance().client();
            return Optional.of("Testcontainers found no working Docker environment");
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int newline = message.indexOf('\n');
            message = (newline < 0 ? message : message.substring(0, newline)).strip();
            return Optional.of(message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
        }
    }
}
