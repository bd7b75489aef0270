package io.labrunner.core;

/** The names of one run's resources: they depend only on its id. */
public interface RunNames {

    /** Short id of this run, e.g. {@code k3f9x2}; part of every resource name. */
    String runId();

    /** A resource name unique to this run: {@code lab-<runid>-<suffix>}, lower case, S3-safe. */
    default String name(String suffix) {
        return RunIds.resourceName(runId(), suffix);
    }

    static RunNames of(String runId) {
        return () -> runId;
    }
}
