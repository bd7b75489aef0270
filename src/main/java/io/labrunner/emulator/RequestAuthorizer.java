package io.labrunner.emulator;

import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.access.Denial;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authorizes a request at the front door, after authentication and before any service acts on it, for every
 * service but S3 (which authorizes its own requests).
 *
 * <p>What IAM authorizes comes from the service ({@link AwsService#accessRequests}), by default
 * {@code <IAM prefix>:<operation>} on {@code *}. With enforcement on, a role session's request needs every one
 * of those allowed; otherwise, and for the root user always, only a resource policy's explicit Deny refuses.
 */
final class RequestAuthorizer {
    /** Services whose IAM action prefix is not their signing name. */
    private static final Map<String, String> IAM_PREFIXES = Map.of("monitoring", "cloudwatch");
    /** Actions AWS never authorizes: "No permissions are required to perform this operation." */
    private static final Set<String> ALWAYS_ALLOWED = Set.of("sts:GetCallerIdentity", "sts:GetSessionToken");

    private final AccessControl access;

    RequestAuthorizer(AccessControl access) {
        this.access = access;
    }

    /** Why the request is denied, or empty when the caller may make it. */
    Optional<Denial> check(AwsService service, AwsRequest request, Caller caller) {
        boolean identity = access.enforcing() && caller.hasIdentityPolicies();
        if (!identity && !service.keepsResourcePolicies()) {
            return Optional.empty(); // nothing could deny it: keep the hot paths (Kinesis, Firehose) unparsed twice
        }
        List<AccessRequest> requests = service.accessRequests(request);
        if (requests.isEmpty()) {
            if (!identity) {
                return Optional.empty();
            }
            requests = List.of(AccessRequest.of(defaultAction(service, request), "*"));
        }
        for (AccessRequest each : requests) {
            if (ALWAYS_ALLOWED.contains(each.action()) || (!identity && each.resourcePolicy() == null)) {
                continue;
            }
            Optional<Denial> denial = access.check(caller, each);
            if (denial.isPresent()) {
                return denial;
            }
        }
        return Optional.empty();
    }

    /** {@code <IAM prefix>:<operation>}; a request that names no operation asks for the whole service. */
    static String defaultAction(AwsService service, AwsRequest request) {
        String prefix = IAM_PREFIXES.getOrDefault(service.signingName(), service.signingName());
        return prefix + ":" + request.operation().orElse("*");
    }
}
