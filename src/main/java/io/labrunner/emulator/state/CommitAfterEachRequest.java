package io.labrunner.emulator.state;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;

/**
 * Commits the state store after each request a service handles, before the answer goes back: a
 * client told "done" finds it after a restart, even one after kill -9. A request that changed nothing
 * costs no write.
 */
public final class CommitAfterEachRequest implements AwsService {
    private final AwsService service;
    private final StateStore store;

    public CommitAfterEachRequest(AwsService service, StateStore store) {
        this.service = service;
        this.store = store;
    }

    @Override
    public String signingName() {
        return service.signingName();
    }

    @Override
    public Protocol protocol() {
        return service.protocol();
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        try {
            return service.handle(request);
        } finally {
            // A refused request may still have changed state (e.g. a batch that half succeeded).
            store.commit();
        }
    }

    @Override
    public java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return service.accessRequests(request);
    }

    @Override
    public boolean keepsResourcePolicies() {
        return service.keepsResourcePolicies();
    }

    @Override
    public void close() {
        service.close();
    }
}
