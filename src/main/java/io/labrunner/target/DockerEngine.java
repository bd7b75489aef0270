package io.labrunner.target;

import java.util.List;
import java.util.Optional;

/** What {@code lab doctor} reports of the Docker engine: its version, and which pinned images it already holds. */
public final class DockerEngine {
    private DockerEngine() {
    }

    /** The images the container targets start by default. */
    public static List<String> pinnedImages() {
        return List.of(ContainerTarget.LOCALSTACK_FREE_IMAGE, ContainerTarget.LOCALSTACK_CURRENT_IMAGE,
                ContainerTarget.FLOCI_IMAGE);
    }

    /** The engine's version; empty when no engine answers. */
    public static Optional<String> version() {
        return Containers.dockerVersion();
    }

    /** Whether the engine holds {@code image}, so a target starts it without pulling. */
    public static boolean holds(String image) {
        return Containers.imagePresent(image);
    }
}
