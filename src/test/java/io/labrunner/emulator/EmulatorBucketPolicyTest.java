package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The emulator's S3 evaluates bucket policies on every request, for the signed root user too, keeps them in
 * its data folder across restarts, and lends them to in-process services through {@link Emulator#bucketPolicies()}.
 */
class EmulatorBucketPolicyTest {
    private static final String DENY_HTTP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lake/*\","
            + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

    @Test
    void aDenyNonTlsPolicyDeniesTheSignedRootUserOverHttpAndSurvivesARestart(@TempDir Path data) {
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("lake"));
            s3.putObject(b -> b.bucket("lake").key("raw/a.csv"), RequestBody.fromString("a"));
            s3.putBucketPolicy(b -> b.bucket("lake").policy(DENY_HTTP));
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("lake").key("raw/a.csv")))
                    .isInstanceOf(S3Exception.class).hasMessageContaining("with an explicit deny in a resource-based"
                            + " policy").extracting(e -> ((S3Exception) e).statusCode()).isEqualTo(403);
            assertThat(emulator.bucketPolicies().of("lake")).isPresent();
        }
        try (Emulator again = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client s3 = Clients.s3(again)) {
            assertThat(s3.getBucketPolicy(b -> b.bucket("lake")).policy()).isEqualTo(DENY_HTTP);
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("lake").key("raw/a.csv")))
                    .isInstanceOf(S3Exception.class);
            assertThat(again.bucketPolicies().of("lake").orElseThrow().document().statements()).hasSize(1);
            s3.deleteBucketPolicy(b -> b.bucket("lake"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("lake").key("raw/a.csv")).asUtf8String()).isEqualTo("a");
            assertThat(again.bucketPolicies().of("lake")).isEmpty();
        }
    }

    @Test
    void sseKmsObjectsAreEncryptedUnderTheEmulatorsOwnKmsKeys(@TempDir Path data) {
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client s3 = Clients.s3(emulator);
             KmsClient kms = KmsClient.builder().endpointOverride(emulator.getEndpoint())
                     .region(Region.of(emulator.getRegion())).credentialsProvider(Clients.credentials(emulator))
                     .build()) {
            String keyArn = kms.createKey(b -> b.description("lake")).keyMetadata().arn();
            kms.createAlias(b -> b.aliasName("alias/lake").targetKeyId(keyArn));
            s3.createBucket(b -> b.bucket("enc"));
            s3.putBucketEncryption(b -> b.bucket("enc").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                            .kmsMasterKeyID("alias/lake")))));
            assertThat(s3.putObject(b -> b.bucket("enc").key("a.csv"), RequestBody.fromString("a")).ssekmsKeyId())
                    .isEqualTo(keyArn);
            assertThat(s3.headObject(b -> b.bucket("enc").key("a.csv")).ssekmsKeyId()).isEqualTo(keyArn);
            String managed = s3.putObject(b -> b.bucket("enc").key("m.csv")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("m")).ssekmsKeyId();
            assertThat(kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().arn()).isEqualTo(managed);
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("enc").key("x.csv")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("alias/missing"),
                    RequestBody.fromString("x"))).isInstanceOf(S3Exception.class)
                    .extracting(e -> ((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("KMS.NotFoundException");
            kms.disableKey(b -> b.keyId(keyArn));
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("enc").key("d.csv"), RequestBody.fromString("d")))
                    .isInstanceOf(S3Exception.class)
                    .extracting(e -> ((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("KMS.DisabledException");
            assertThat(s3.listObjectsV2(b -> b.bucket("enc")).keyCount()).isEqualTo(2);
        }
    }
}
