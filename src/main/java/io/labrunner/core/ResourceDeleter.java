package io.labrunner.core;

import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Deletes one ledger resource of any kind, as its {@link ResourceKind} says. Deleting what is already gone succeeds
 * and says so, so cleanup is safe to run twice or after a crash; conflicts that eventual consistency causes
 * are retried. Every kind tells "deleted" from "there was nothing to delete": a cleanup on a
 * fresh emulator, or after another one, must not claim deletes it did not make.
 */
public final class ResourceDeleter {
    private static final int ATTEMPTS = 6;

    /** What a delete found. */
    public enum Deletion {
        /** It was there and is deleted (a job: stopped) now. */
        DELETED(""),
        /** A job that cannot be deleted was there, but had ended already: nothing to stop. */
        ALREADY_ENDED("had already ended"),
        /** There was nothing of that name to delete. */
        ALREADY_GONE("already gone");

        private final String remark;

        Deletion(String remark) {
            this.remark = remark;
        }

        /** How a cleanup line says it: empty for a delete, else {@code already gone} or {@code had already ended}. */
        public String remark() {
            return remark;
        }

        /** Whether the resource was found at all. */
        public boolean found() {
            return this != ALREADY_GONE;
        }
    }

    private final AwsClients clients;

    public ResourceDeleter(AwsClients clients) {
        this.clients = clients;
    }

    /** Deletes the resource, retrying transient failures, and tells whether it was there at all. */
    public Deletion delete(Resource resource) throws InterruptedException {
        ResourceKind kind = resource.kind();
        Duration backoff = Duration.ofMillis(200);
        for (int attempt = 1; ; attempt++) {
            try {
                return kind.delete(clients, resource.id());
            } catch (AwsServiceException e) {
                if (kind.isNotFound(e)) {
                    return Deletion.ALREADY_GONE;
                }
                if (attempt == ATTEMPTS || !isTransient(kind, e)) {
                    throw e;
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static boolean isTransient(ResourceKind kind, AwsServiceException e) {
        return kind.isTransient(e)
                || e.isThrottlingException()
                || e.statusCode() >= 500
                || e.statusCode() == 409;
    }
}
