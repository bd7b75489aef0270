package io.labrunner.target;

import io.labrunner.core.Capability;
import io.labrunner.core.Location;
import io.labrunner.core.TlsEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where a lab runs: decides endpoints, credentials and capabilities. The runner decides lifecycle.
 */
public interface Target extends AutoCloseable {

    /** Short name as given to {@code --target}. */
    String name();

    /** The endpoint every client talks to, or empty for AWS's own endpoints. */
    Optional<URI> endpoint();

    Region region();

    AwsCredentialsProvider credentials();

    Set<Capability> capabilities();

    /**
     * How to reach this target over TLS when {@link #endpoint()} is plain HTTP: the embedded emulator's https
     * endpoint and certificate. Empty when the endpoint is TLS already (AWS, an https endpoint) or when TLS is
     * whatever the endpoint offers (LocalStack, Floci, an http endpoint).
     */
    default Optional<TlsEndpoint> tlsEndpoint() {
        return Optional.empty();
    }

    /**
     * Where resources made through this target live, for the ledger: a later command compares it
     * with its own before it deletes anything. By default the kind, endpoint and region.
     */
    default Location location() {
        return Location.of(name(), endpoint(), region().id());
    }

    /**
     * What this backend is known to get wrong, by the capability it therefore lacks, one line each (see
     * {@link TargetKind#knownFaults()}); empty where nothing is known.
     */
    default Map<Capability, String> knownFaults() {
        return Map.of();
    }

    /** Whether this target is a real AWS account (tags, guard, cost confirmation apply). */
    default boolean isRealAccount() {
        return false;
    }

    /**
     * Lines the user should read before labs run: which account, which image, which labs a
     * target leaves out. Empty for the embedded target.
     */
    default List<String> notices() {
        return List.of();
    }

    @Override
    void close();
}
