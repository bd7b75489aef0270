package io.labrunner.target;

/**
 * Everything that touches Testcontainers, kept in one class so that the embedded and endpoint
 * targets never load it.
 */
final class Containers {
    private Containers() {
    }

    /**
     * Testcontainers and docker-java stay silent: a target that cannot start says why in one line,
     * and their multi-line diagnostics would bury it. {@code -Dorg.slf4j.simpleLogger.log.org.testcontainers=info}
     * brings them back.
     */
    static void quietLogs() {
        for (String logger : new String[] {"org.testcontainers", "tc", "com.github.dockerjava"}) {
            if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) {
                System.setProperty("org.slf4j.simpleLogger.log." + logger, "off");
            }
        }
    }

    /** Whether Testcontainers reaches a Docker engine by any of its strategies. */
    static boolean dockerAnswers() {
        quietLogs();
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
