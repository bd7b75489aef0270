package io.labrunner.labs.mlpipeline;

import io.labrunner.core.LabContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A role made seconds ago may not have reached the service that is to assume it (IAM is eventually consistent), and
 * the service then refuses saying it cannot assume the role — Glue's "unable to assume", Step Functions' "is not
 * authorized to assume the provided role". Trying again for a while is the documented remedy.
 */
final class Roles {
    private Roles() {
    }

    static <T> T whenAssumable(LabContext ctx, String service, Supplier<T> call) {
        return ctx.waitFor(service + " to accept the new role", Duration.ofMinutes(2), Duration.ofSeconds(3), () -> {
            try {
                return Optional.of(call.get());
            } catch (AwsServiceException e) {
                String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage()
                        : e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("assume")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}
