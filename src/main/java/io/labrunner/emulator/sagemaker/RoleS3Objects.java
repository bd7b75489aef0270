package io.labrunner.emulator.sagemaker;

import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.access.ServiceAccess;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's S3 as SageMaker reaches it on a job's behalf: with the job's execution role, so each list, get,
 * put and delete needs what the role would need on AWS ({@code s3:ListBucket}, {@code s3:GetObject},
 * {@code s3:PutObject}, {@code s3:DeleteObject}); a refused one throws {@link S3AccessDenied} and touches nothing.
 */
public final class RoleS3Objects implements S3Objects {
    /** The session SageMaker assumes an execution role under, as CloudTrail shows it on AWS. */
    public static final String SESSION = "SageMaker";

    private final S3Objects s3;
    private final ServiceAccess access;
    private final String roleArn;

    private RoleS3Objects(S3Objects s3, ServiceAccess access, String roleArn) {
        this.s3 = s3;
        this.access = access;
        this.roleArn = roleArn;
    }

    /** {@code s3} as the role {@code roleArn} may use it. */
    public static S3Objects actingAs(S3Objects s3, ServiceAccess access, String roleArn) {
        return new RoleS3Objects(s3, access, roleArn);
    }

    @Override
    public boolean bucketExists(String bucket) {
        return s3.bucketExists(bucket);
    }

    @Override
    public List<S3Object> list(String bucket, String prefix) {
        require(access.s3List(roleArn, SESSION, bucket, prefix), "s3://" + bucket + "/" + prefix);
        return s3.list(bucket, prefix);
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        require(access.s3Object(roleArn, SESSION, "s3:GetObject", bucket, key), "s3://" + bucket + "/" + key);
        return s3.get(bucket, key);
    }

    @Override
    public void put(String bucket, String key, byte[] body) {
        require(access.s3Object(roleArn, SESSION, "s3:PutObject", bucket, key), "s3://" + bucket + "/" + key);
        s3.put(bucket, key, body);
    }

    @Override
    public void delete(String bucket, String key) {
        require(access.s3Object(roleArn, SESSION, "s3:DeleteObject", bucket, key), "s3://" + bucket + "/" + key);
        s3.delete(bucket, key);
    }

    private static void require(Optional<Denial> denial, String uri) {
        if (denial.isPresent()) {
            throw new S3AccessDenied(uri, denial.get());
        }
    }

    /** S3 refused a request made with the role: AccessDenied, as S3 answers it. */
    public static final class S3AccessDenied extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String uri;
        private final transient Denial denial;

        S3AccessDenied(String uri, Denial denial) {
            super(denial.message(true));
            this.uri = uri;
            this.denial = denial;
        }

        /** The object or prefix the request was for, as an {@code s3://} URI. */
        public String uri() {
            return uri;
        }

        public Denial denial() {
            return denial;
        }
    }
}
