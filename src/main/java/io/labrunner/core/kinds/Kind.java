package io.labrunner.core.kinds;

import io.labrunner.core.Capability;
import io.labrunner.core.ResourceKind;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What every kind has: its ledger id, its label, the capability its listing needs; and what reading errors and ARNs takes. */
abstract class Kind implements ResourceKind {
    private final String id;
    private final String label;
    private final Capability capability;

    Kind(String id, String label, Capability capability) {
        this.id = id;
        this.label = label;
        this.capability = capability;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final Capability capability() {
        return capability;
    }

    @Override
    public String toString() {
        return id;
    }

    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
    }

    static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? "" : e.awsErrorDetails().errorMessage();
    }

    /**
     * The name in an ARN of this service whose resource is {@code <type>/<path>/<name>} (or {@code <type>:<name>}):
     * the last part, for the given service and resource type only.
     */
    static Optional<String> last(Arn arn, String service, String type) {
        if (!arn.service().equals(service) || !arn.resource().resourceType().filter(type::equals).isPresent()) {
            return Optional.empty();
        }
        String rest = arn.resourceAsString().substring(type.length() + 1);
        String name = rest.substring(Math.max(rest.lastIndexOf('/'), rest.lastIndexOf(':')) + 1);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
