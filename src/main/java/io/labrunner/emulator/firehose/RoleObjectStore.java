package io.labrunner.emulator.firehose;

import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.access.ServiceAccess;
import java.util.Optional;

/**
 * The destination bucket as a delivery stream writes to it: with the destination's role, so each object needs
 * {@code s3:PutObject}. A refused write throws {@link DeliveryDenied}, which the deliverer treats as any failed
 * delivery: the records stay buffered and are retried.
 */
final class RoleObjectStore implements ObjectStore {
    /**
     * The session Firehose assumes a destination's role under. AWS does not document it; CloudTrail shows a
     * generated one, so any fixed name serves to tell the stream's writes apart.
     */
    static final String SESSION = "AWSFirehoseDelivery";

    private final ObjectStore store;
    private final ServiceAccess access;
    private final String roleArn;

    RoleObjectStore(ObjectStore store, ServiceAccess access, String roleArn) {
        this.store = store;
        this.access = access;
        this.roleArn = roleArn;
    }

    @Override
    public boolean bucketExists(String bucket) {
        return store.bucketExists(bucket);
    }

    @Override
    public void put(String bucket, String key, byte[] body) {
        Optional<Denial> denial = access.s3Object(roleArn, SESSION, "s3:PutObject", bucket, key);
        if (denial.isPresent()) {
            throw new DeliveryDenied(denial.get());
        }
        store.put(bucket, key, body);
    }

    /**
     * A delivery S3 refused, in the words of Firehose's delivery error S3.AccessDenied
     * (https://docs.aws.amazon.com/firehose/latest/dev/data-not-delivered-errors.html).
     */
    static final class DeliveryDenied extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final String CODE = "S3.AccessDenied";

        DeliveryDenied(Denial denial) {
            super(CODE + ": Access was denied. Ensure that the trust policy for the provided IAM role allows Firehose "
                    + "to assume the role, and the access policy allows access to the S3 bucket. ("
                    + denial.message(true) + ")");
        }
    }
}
