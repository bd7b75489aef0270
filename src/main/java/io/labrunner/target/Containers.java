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

    /** The Docker engine's version, e.g. {@code 28.2.2}; empty when no engine answers. */
    static java.util.Optional<String> dockerVersion() {
        if (!dockerAnswers()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(org.testcontainers.DockerClientFactory.instance().client().versionCmd()
                    .exec().getVersion());
        } catch (RuntimeException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the engine holds {@code image} already, so starting it needs no pull. */
    static boolean imagePresent(String image) {
        try {
            org.testcontainers.DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
