package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.kms.KeyRing;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What S3 needs from the rest of the emulator to authorize requests and encrypt objects. Suppliers, because
 * S3 starts before the services that provide them.
 *
 * @param accessControl decides every request: bucket policies always, identity policies when enforcing
 * @param keyRing       the emulator's KMS keys for SSE-KMS; may supply null when KMS is not running, and then
 *                      an SSE-KMS request is refused as not implemented
 * @param region        the region S3 serves (for KMS key ARNs and kms:ViaService)
 */
public record S3Security(Supplier<AccessControl> accessControl, Supplier<KeyRing> keyRing, String region) {

    /** Bucket policies only, no identity policies and no KMS: S3 on its own, as in tests of S3 alone. */
    public static S3Security bucketPoliciesOnly() {
        IamService noRoles = new IamService();
        AccessControl control = new AccessControl(false, noRoles.directory(), noRoles.rolePolicies(),
                Clock.systemUTC());
        return new S3Security(() -> control, () -> null, "us-east-1");
    }
}
