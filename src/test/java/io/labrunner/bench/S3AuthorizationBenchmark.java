package io.labrunner.bench;

import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.s3.FakeKeyRing;
import io.labrunner.emulator.s3.SecuredS3;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What authorizing S3 requests costs: small PUT + GET round trips through the SDK against a bucket without a
 * policy, then against the same bucket with a four-statement policy (deny non-TLS, deny unencrypted uploads,
 * two allows with conditions). Run with {@code mvn -q -Pbench -DskipTests verify -Dbench=S3AuthorizationBenchmark}.
 * Not a test: nothing here fails.
 */
public final class S3AuthorizationBenchmark {
    private static final int ROUND_TRIPS = 1_000;
    private static final int ROUNDS = 3;

    private S3AuthorizationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("s3-authorization-bench");
        try (SecuredS3 server = new SecuredS3(folder, false, new IamService(), new FakeKeyRing());
             S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("test", "test"))).build()) {
            s3.createBucket(b -> b.bucket("bench"));
            run(s3, "warm-up", ROUND_TRIPS / 4);
            s3.deletePublicAccessBlock(b -> b.bucket("bench"));
            // Alternating rounds, best of each: on a shared machine the noise is larger than the difference.
            double without = Double.MAX_VALUE;
            double with = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                s3.deleteBucketPolicy(b -> b.bucket("bench"));
                without = Math.min(without, run(s3, "no bucket policy", ROUND_TRIPS));
                s3.putBucketPolicy(b -> b.bucket("bench").policy("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                       "Resource": ["arn:aws:s3:::bench", "arn:aws:s3:::bench/*"],
                       "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
                      {"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::bench/*",
                       "Condition": {"StringEquals": {"s3:x-amz-server-side-encryption": "aws:kms:dsse"}}},
                      {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:role/reader"},
                       "Action": ["s3:GetObject", "s3:ListBucket"],
                       "Resource": ["arn:aws:s3:::bench", "arn:aws:s3:::bench/*"]},
                      {"Effect": "Allow", "Principal": {"AWS": "000000000000"}, "Action": "s3:Get*",
                       "Resource": "arn:aws:s3:::bench/public/*",
                       "Condition": {"IpAddress": {"aws:SourceIp": "127.0.0.0/8"}}}]}"""));
                with = Math.min(with, run(s3, "four-statement bucket policy", ROUND_TRIPS));
            }
            System.out.printf("policy overhead: %+.1f %%%n", (with / without - 1) * 100);
        }
    }

    /** Milliseconds per PUT + GET round trip. */
    private static double run(S3Client s3, String label, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String key = "k/" + (i % 50) + ".csv";
            s3.putObject(b -> b.bucket("bench").key(key), RequestBody.fromString("a,b\n1,2\n"));
            s3.getObjectAsBytes(b -> b.bucket("bench").key(key));
        }
        double perTrip = (System.nanoTime() - start) / 1e6 / count;
        System.out.printf("%-30s %,d PUT+GET: %.3f ms each%n", label, count, perTrip);
        return perTrip;
    }
}
