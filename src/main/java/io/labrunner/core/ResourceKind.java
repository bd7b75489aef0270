package io.labrunner.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One kind of resource a run can create, described once: how it is listed, tagged, deleted and recognised in an
 * ARN. Ledger, cleanup, leftovers, sweep and tagger all read it; {@link ResourceKinds} lists the kinds there are.
 */
public interface ResourceKind {

    /** How people read it, e.g. {@code S3 bucket}. */
    String label();

    /**
     * How a ledger file names it, e.g. {@code S3_BUCKET}. Never changed: ledgers written by earlier versions name
     * their kinds so.
     */
    String id();

    /** What the target must offer before this kind is listed there. */
    Capability capability();

    /**
     * What of this kind is on the target under names the filter keeps: for a job that AWS keeps after it ends,
     * only one still running.
     */
    List<Listed> list(AwsClients clients, NameFilter names);

    /** Puts the tags on the resource with this id, with its service's own tagging call. */
    void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags);

    /**
     * Deletes the resource with this id once (a job that cannot be deleted: stops it). An error that
     * {@link #isNotFound} recognises means there was nothing to delete; {@link ResourceDeleter} retries the rest
     * where they are transient.
     */
    ResourceDeleter.Deletion delete(AwsClients clients, String id) throws InterruptedException;

    /**
     * Whether the service says the resource itself does not exist, also when the SDK has no class for the error on
     * that operation. Only the code that names the kind's own resource counts: a NoSuchUpload while emptying a
     * bucket says nothing about the bucket.
     */
    boolean isNotFound(AwsServiceException e);

    /** Whether this error of this kind's service passes if the delete is tried again a little later. */
    default boolean isTransient(AwsServiceException e) {
        return false;
    }

    /** The id of the resource of this kind the ARN names, if it names one. */
    Optional<String> fromArn(Arn arn);

    /**
     * True for jobs that AWS keeps for good after they end (training, transform, tuning and processing jobs): an
     * ended one is no leftover, and its tags say nothing about whether it still runs.
     */
    default boolean keptAfterEnding() {
        return false;
    }

    /**
     * One resource a listing found.
     *
     * @param resource what to delete
     * @param name     how a person finds it: its name (an alias's full {@code alias/...} name)
     * @param created  when it was made, if the service says
     * @param state    a job's status while it runs ({@code InProgress}); empty for other kinds
     */
    record Listed(Resource resource, String name, Optional<Instant> created, String state) {

        public static Listed of(ResourceKind kind, String id, String name, Instant created) {
            return new Listed(new Resource(kind, id), name, Optional.ofNullable(created), "");
        }

        public static Listed named(ResourceKind kind, String name, Instant created) {
            return of(kind, name, name, created);
        }
    }
}
