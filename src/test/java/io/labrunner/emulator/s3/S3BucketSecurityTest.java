package io.labrunner.emulator.s3;

import static io.labrunner.emulator.iam.IamServiceTest.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.iam.IamService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * S3 security through the SDK v2: bucket policies evaluated on every request (the root user included), Block
 * Public Access, default and per-object encryption with KMS keys, enforcement for role sessions, and all of
 * it surviving a restart.
 */
class S3BucketSecurityTest {
    private static final String DENY_HTTP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyHttp\","
            + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::%1$s\","
            + "\"arn:aws:s3:::%1$s/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
    private static final String DENY_UNENCRYPTED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"KmsOnly\","
            + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::%1$s/*\","
            + "\"Condition\":{\"StringNotEquals\":{\"s3:x-amz-server-side-encryption\":\"aws:kms\"}}}]}";
    private static final String PUBLIC_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::%1$s/*\"}]}";

    @TempDir
    Path folder;
    private SecuredS3 server;
    private S3Client root;
    private S3Client role;

    private void start(boolean enforce) throws Exception {
        start(enforce, new IamService(), new FakeKeyRing());
    }

    private void start(boolean enforce, IamService iam, FakeKeyRing keys) throws Exception {
        server = new SecuredS3(folder, enforce, iam, keys);
        root = client("test");
        role = client(SecuredS3.ROLE_KEY);
    }

    private void restart() throws Exception {
        IamService iam = server.iam();
        FakeKeyRing keys = server.keys();
        stop();
        start(false, iam, keys);
    }

    private S3Client client(String accessKey) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        if (root != null) {
            root.close();
            role.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void createRole(String... inlinePolicy) {
        IamService iam = server.iam();
        iam.handle(form("Action", "CreateRole", "RoleName", "trainer", "AssumeRolePolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        for (int i = 0; i < inlinePolicy.length; i++) {
            allowRole("p" + i, inlinePolicy[i]);
        }
    }

    private void allowRole(String name, String statementJson) {
        server.iam().handle(form("Action", "PutRolePolicy", "RoleName", "trainer", "PolicyName", name,
                "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[" + statementJson + "]}"));
    }

    private static S3Exception s3Error(Runnable call) {
        try {
            call.run();
        } catch (S3Exception e) {
            return e;
        }
        throw new AssertionError("expected an S3 error");
    }

    private Path file(String bucket, String key) {
        return folder.resolve("s3").resolve(bucket).resolve(key);
    }

    @Test
    void aBucketPolicyIsPutReadStatusedAndDeleted() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("pol"));
        String policy = String.format(DENY_UNENCRYPTED, "pol");
        root.putBucketPolicy(b -> b.bucket("pol").policy(policy));
        assertThat(root.getBucketPolicy(b -> b.bucket("pol")).policy()).isEqualTo(policy);
        assertThat(root.getBucketPolicyStatus(b -> b.bucket("pol")).policyStatus().isPublic()).isFalse();

        root.deleteBucketPolicy(b -> b.bucket("pol"));
        S3Exception none = s3Error(() -> root.getBucketPolicy(b -> b.bucket("pol")));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
        assertThat(s3Error(() -> root.getBucketPolicyStatus(b -> b.bucket("pol"))).awsErrorDetails().errorCode())
                .isEqualTo("NoSuchBucketPolicy");
    }

    @Test
    void aMalformedPolicyIsRefusedWithS3sWords() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("mine"));
        S3Exception outside = s3Error(() -> root.putBucketPolicy(b -> b.bucket("mine")
                .policy(String.format(DENY_HTTP, "someone-elses"))));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
        assertThat(outside.awsErrorDetails().errorMessage()).isEqualTo("Policy has invalid resource");

        S3Exception notJson = s3Error(() -> root.putBucketPolicy(b -> b.bucket("mine").policy("[]")));
        assertThat(notJson.awsErrorDetails().errorMessage())
                .isEqualTo("Policies must be valid JSON and the first byte must be '{'");

        S3Exception objectActionOnBucket = s3Error(() -> root.putBucketPolicy(b -> b.bucket("mine").policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::mine\"}]}")));
        assertThat(objectActionOnBucket.awsErrorDetails().errorMessage())
                .isEqualTo("Action does not apply to any resource(s) in statement");

        S3Exception noPrincipal = s3Error(() -> root.putBucketPolicy(b -> b.bucket("mine").policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::mine/*\"}]}")));
        assertThat(noPrincipal.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
        assertThat(s3Error(() -> root.getBucketPolicy(b -> b.bucket("mine"))).statusCode()).isEqualTo(404);
    }

    @Test
    void aPolicySubresourceOnAMissingBucketIsNoSuchBucketAndCreatesNothing() throws Exception {
        start(false);
        S3Exception missing = s3Error(() -> root.putBucketPolicy(b -> b.bucket("ghost")
                .policy(String.format(DENY_HTTP, "ghost"))));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
        assertThat(Files.exists(folder.resolve("s3/ghost"))).isFalse();
        assertThat(root.listBuckets().buckets()).isEmpty();
    }

    @Test
    void denyNonTlsDeniesEveryoneOverPlainHttpButTheRootUserMayStillRemoveThePolicy() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("tls-only"));
        root.putObject(b -> b.bucket("tls-only").key("a.csv"), RequestBody.fromString("x"));
        root.putBucketPolicy(b -> b.bucket("tls-only").policy(String.format(DENY_HTTP, "tls-only")));

        S3Exception get = s3Error(() -> root.getObjectAsBytes(b -> b.bucket("tls-only").key("a.csv")));
        assertThat(get.statusCode()).isEqualTo(403);
        assertThat(get.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(get.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is not"
                + " authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::tls-only/a.csv\" with an explicit"
                + " deny in a resource-based policy");
        S3Exception put = s3Error(() -> root.putObject(b -> b.bucket("tls-only").key("b.csv"),
                RequestBody.fromString("y")));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(Files.exists(file("tls-only", "b.csv"))).isFalse();
        assertThat(s3Error(() -> root.listObjectsV2(b -> b.bucket("tls-only"))).statusCode()).isEqualTo(403);
        assertThat(s3Error(() -> root.deleteObject(b -> b.bucket("tls-only").key("a.csv"))).statusCode())
                .isEqualTo(403);
        assertThat(Files.exists(file("tls-only", "a.csv"))).isTrue();

        root.deleteBucketPolicy(b -> b.bucket("tls-only"));
        assertThat(root.getObjectAsBytes(b -> b.bucket("tls-only").key("a.csv")).asUtf8String()).isEqualTo("x");
    }

    @Test
    void denyUnencryptedUploadsRefusesPutsWithoutSseKmsAndTakesThoseWithIt() throws Exception {
        start(false);
        String keyArn = server.keys().createKey("lab-data", "us-east-1");
        root.createBucket(b -> b.bucket("kms-only"));
        root.putBucketPolicy(b -> b.bucket("kms-only").policy(String.format(DENY_UNENCRYPTED, "kms-only")));

        S3Exception plain = s3Error(() -> root.putObject(b -> b.bucket("kms-only").key("plain.csv"),
                RequestBody.fromString("secret")));
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is not"
                + " authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::kms-only/plain.csv\" with an"
                + " explicit deny in a resource-based policy");
        assertThat(s3Error(() -> root.putObject(b -> b.bucket("kms-only").key("aes.csv")
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("s"))).statusCode())
                .isEqualTo(403);
        assertThat(Files.exists(file("kms-only", "plain.csv"))).isFalse();
        assertThat(Files.exists(file("kms-only", "aes.csv"))).isFalse();

        PutObjectResponse put = root.putObject(b -> b.bucket("kms-only").key("ok.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("alias/lab-data"),
                RequestBody.fromString("fine"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(server.keys().dataKeysFor(keyArn)).isEqualTo(1);
        HeadObjectResponse head = root.headObject(b -> b.bucket("kms-only").key("ok.csv"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(Files.readString(file("kms-only", "ok.csv"))).isEqualTo("fine");
    }

    @Test
    void aKmsWriteWithoutAKeyUsesTheAwsManagedKeyAndAMissingKeyFailsWithNothingWritten() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("keys"));
        PutObjectResponse managed = root.putObject(b -> b.bucket("keys").key("m.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("m"));
        assertThat(managed.ssekmsKeyId()).isEqualTo(server.keys().awsManagedKeyArn("s3", "us-east-1"));

        S3Exception missing = s3Error(() -> root.putObject(b -> b.bucket("keys").key("x.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("alias/nope"),
                RequestBody.fromString("x")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("KMS.NotFoundException");
        assertThat(Files.exists(file("keys", "x.csv"))).isFalse();

        String disabled = server.keys().createKey("off", "us-east-1");
        server.keys().disable(disabled);
        assertThat(s3Error(() -> root.putObject(b -> b.bucket("keys").key("d.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(disabled),
                RequestBody.fromString("d"))).awsErrorDetails().errorCode()).isEqualTo("KMS.DisabledException");
    }

    @Test
    void defaultEncryptionIsSseS3UntilConfiguredThenAppliesToPutCopyAndMultipart() throws Exception {
        start(false);
        String keyArn = server.keys().createKey("bucket-key", "us-east-1");
        root.createBucket(b -> b.bucket("enc"));
        GetBucketEncryptionResponse unset = root.getBucketEncryption(b -> b.bucket("enc"));
        assertThat(unset.serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault()
                .sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(root.putObject(b -> b.bucket("enc").key("before.csv"), RequestBody.fromString("b"))
                .serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

        root.putBucketEncryption(b -> b.bucket("enc").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID("alias/bucket-key")).bucketKeyEnabled(true))));
        GetBucketEncryptionResponse set = root.getBucketEncryption(b -> b.bucket("enc"));
        assertThat(set.serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault()
                .kmsMasterKeyID()).isEqualTo("alias/bucket-key");
        assertThat(set.serverSideEncryptionConfiguration().rules().get(0).bucketKeyEnabled()).isTrue();

        PutObjectResponse put = root.putObject(b -> b.bucket("enc").key("after.csv"), RequestBody.fromString("a"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(put.bucketKeyEnabled()).isTrue();
        assertThat(root.getObject(b -> b.bucket("enc").key("after.csv")).response().ssekmsKeyId()).isEqualTo(keyArn);

        CopyObjectResponse copy = root.copyObject(b -> b.sourceBucket("enc").sourceKey("before.csv")
                .destinationBucket("enc").destinationKey("copy.csv"));
        assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(copy.ssekmsKeyId()).isEqualTo(keyArn);

        String upload = root.createMultipartUpload(b -> b.bucket("enc").key("big.csv")).uploadId();
        String etag = root.uploadPart(b -> b.bucket("enc").key("big.csv").uploadId(upload).partNumber(1),
                RequestBody.fromString("part")).eTag();
        CompleteMultipartUploadResponse done = root.completeMultipartUpload(b -> b.bucket("enc").key("big.csv")
                .uploadId(upload).multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        assertThat(done.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(done.ssekmsKeyId()).isEqualTo(keyArn);

        root.deleteBucketEncryption(b -> b.bucket("enc"));
        assertThat(root.putObject(b -> b.bucket("enc").key("later.csv"), RequestBody.fromString("l"))
                .serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(root.headObject(b -> b.bucket("enc").key("after.csv")).ssekmsKeyId()).isEqualTo(keyArn);
    }

    @Test
    void aBadEncryptionConfigurationIsRefusedAsS3Does() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("enc-bad"));
        S3Exception keyWithAes = s3Error(() -> root.putBucketEncryption(b -> b.bucket("enc-bad")
                .serverSideEncryptionConfiguration(c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d
                        .sseAlgorithm(ServerSideEncryption.AES256).kmsMasterKeyID("alias/x"))))));
        assertThat(keyWithAes.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(keyWithAes.awsErrorDetails().errorMessage()).isEqualTo(
                "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse");
        S3Exception unknown = s3Error(() -> root.putBucketEncryption(b -> b.bucket("enc-bad")
                .serverSideEncryptionConfiguration(c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d
                        .sseAlgorithm("ROT13"))))));
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    }

    @Test
    void newBucketsBlockPublicAccessAndAPublicPolicyIsRefusedUntilTheBlockIsRemoved() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("site"));
        GetPublicAccessBlockResponse block = root.getPublicAccessBlock(b -> b.bucket("site"));
        assertThat(block.publicAccessBlockConfiguration().blockPublicAcls()).isTrue();
        assertThat(block.publicAccessBlockConfiguration().ignorePublicAcls()).isTrue();
        assertThat(block.publicAccessBlockConfiguration().blockPublicPolicy()).isTrue();
        assertThat(block.publicAccessBlockConfiguration().restrictPublicBuckets()).isTrue();

        S3Exception refused = s3Error(() -> root.putBucketPolicy(b -> b.bucket("site")
                .policy(String.format(PUBLIC_READ, "site"))));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is"
                + " not authorized to perform: s3:PutBucketPolicy on resource: \"arn:aws:s3:::site\" because public"
                + " policies are blocked by the BlockPublicPolicy block public access setting.");
        assertThat(s3Error(() -> root.putObject(b -> b.bucket("site").key("index.html").acl("public-read"),
                RequestBody.fromString("<html/>"))).statusCode()).isEqualTo(403);

        root.deletePublicAccessBlock(b -> b.bucket("site"));
        S3Exception none = s3Error(() -> root.getPublicAccessBlock(b -> b.bucket("site")));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration");
        root.putBucketPolicy(b -> b.bucket("site").policy(String.format(PUBLIC_READ, "site")));
        assertThat(root.getBucketPolicyStatus(b -> b.bucket("site")).policyStatus().isPublic()).isTrue();

        root.putPublicAccessBlock(b -> b.bucket("site").publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
        GetPublicAccessBlockResponse partial = root.getPublicAccessBlock(b -> b.bucket("site"));
        assertThat(partial.publicAccessBlockConfiguration().blockPublicPolicy()).isTrue();
        assertThat(partial.publicAccessBlockConfiguration().blockPublicAcls()).isFalse();
    }

    @Test
    void withEnforcementARoleNeedsAnIdentityOrBucketPolicyAllowWhileRootDoesNot() throws Exception {
        start(true);
        createRole();
        root.createBucket(b -> b.bucket("data"));
        root.putObject(b -> b.bucket("data").key("train.csv"), RequestBody.fromString("1,2"));

        S3Exception denied = s3Error(() -> role.getObjectAsBytes(b -> b.bucket("data").key("train.csv")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: " + SecuredS3.SESSION_ARN
                + " is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::data/train.csv\" because"
                + " no identity-based policy allows the s3:GetObject action");
        assertThat(s3Error(() -> role.putObject(b -> b.bucket("data").key("model.tar.gz"),
                RequestBody.fromString("m"))).statusCode()).isEqualTo(403);
        assertThat(Files.exists(file("data", "model.tar.gz"))).isFalse();

        root.putBucketPolicy(b -> b.bucket("data").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"" + SecuredS3.ROLE_ARN + "\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::data/*\"}]}"));
        assertThat(role.getObjectAsBytes(b -> b.bucket("data").key("train.csv")).asUtf8String()).isEqualTo("1,2");
        assertThat(s3Error(() -> role.listObjectsV2(b -> b.bucket("data"))).statusCode()).isEqualTo(403);

        allowRole("list", "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::data\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":\"train*\"}}}");
        assertThat(role.listObjectsV2(b -> b.bucket("data").prefix("train")).keyCount()).isEqualTo(1);
        assertThat(s3Error(() -> role.listObjectsV2(b -> b.bucket("data").prefix("models"))).statusCode())
                .isEqualTo(403);
        assertThat(root.listObjectsV2(b -> b.bucket("data")).keyCount()).isEqualTo(1);
    }

    @Test
    void withEnforcementReadingAnSseKmsObjectNeedsKmsDecryptOnItsKey() throws Exception {
        start(true);
        createRole("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":\"arn:aws:s3:::secure/*\"}");
        String keyArn = server.keys().createKey("data", "us-east-1");
        root.createBucket(b -> b.bucket("secure"));
        root.putObject(b -> b.bucket("secure").key("s.csv").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(keyArn), RequestBody.fromString("s"));
        root.putObject(b -> b.bucket("secure").key("p.csv"), RequestBody.fromString("p"));

        assertThat(role.getObjectAsBytes(b -> b.bucket("secure").key("p.csv")).asUtf8String()).isEqualTo("p");
        S3Exception noDecrypt = s3Error(() -> role.getObjectAsBytes(b -> b.bucket("secure").key("s.csv")));
        assertThat(noDecrypt.statusCode()).isEqualTo(403);
        assertThat(noDecrypt.awsErrorDetails().errorMessage()).isEqualTo("User: " + SecuredS3.SESSION_ARN
                + " is not authorized to perform: kms:Decrypt on resource: " + keyArn
                + " because no identity-based policy allows the kms:Decrypt action");
        assertThat(role.headObject(b -> b.bucket("secure").key("s.csv")).ssekmsKeyId()).isEqualTo(keyArn);
        S3Exception noDataKey = s3Error(() -> role.putObject(b -> b.bucket("secure").key("n.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn), RequestBody.fromString("n")));
        assertThat(noDataKey.awsErrorDetails().errorMessage()).contains("kms:GenerateDataKey");
        assertThat(Files.exists(file("secure", "n.csv"))).isFalse();

        allowRole("kms", "{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],"
                + "\"Resource\":\"" + keyArn + "\"}");
        assertThat(role.getObjectAsBytes(b -> b.bucket("secure").key("s.csv")).asUtf8String()).isEqualTo("s");
        role.putObject(b -> b.bucket("secure").key("n.csv").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(keyArn), RequestBody.fromString("n"));

        server.keys().setPolicy(keyArn, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}");
        assertThat(s3Error(() -> role.getObjectAsBytes(b -> b.bucket("secure").key("s.csv")))
                .awsErrorDetails().errorMessage()).endsWith("with an explicit deny in a resource-based policy");
    }

    @Test
    void policiesBlocksAndEncryptionSurviveARestartAndGoWithTheBucket() throws Exception {
        start(false);
        String keyArn = server.keys().createKey("kept", "us-east-1");
        root.createBucket(b -> b.bucket("kept"));
        root.putBucketPolicy(b -> b.bucket("kept").policy(String.format(DENY_UNENCRYPTED, "kept")));
        root.putPublicAccessBlock(b -> b.bucket("kept").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));
        root.putBucketEncryption(b -> b.bucket("kept").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(keyArn)))));
        root.putObject(b -> b.bucket("kept").key("o.csv").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("o"));

        restart();
        assertThat(root.getBucketPolicy(b -> b.bucket("kept")).policy()).isEqualTo(String.format(DENY_UNENCRYPTED,
                "kept"));
        assertThat(s3Error(() -> root.putObject(b -> b.bucket("kept").key("p.csv"), RequestBody.fromString("p")))
                .statusCode()).isEqualTo(403);
        assertThat(root.getPublicAccessBlock(b -> b.bucket("kept")).publicAccessBlockConfiguration()
                .blockPublicPolicy()).isFalse();
        assertThat(root.getBucketEncryption(b -> b.bucket("kept")).serverSideEncryptionConfiguration().rules()
                .get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(keyArn);
        assertThat(root.headObject(b -> b.bucket("kept").key("o.csv")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AWS_KMS);

        root.deleteBucketPolicy(b -> b.bucket("kept"));
        root.deleteObject(b -> b.bucket("kept").key("o.csv"));
        root.deleteBucket(b -> b.bucket("kept"));
        root.createBucket(b -> b.bucket("kept"));
        assertThat(s3Error(() -> root.getBucketPolicy(b -> b.bucket("kept"))).statusCode()).isEqualTo(404);
        assertThat(root.getPublicAccessBlock(b -> b.bucket("kept")).publicAccessBlockConfiguration()
                .blockPublicPolicy()).isTrue();
        assertThat(root.getBucketEncryption(b -> b.bucket("kept")).serverSideEncryptionConfiguration().rules()
                .get(0).applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(server.frontend().bucketPolicies().of("kept")).isEmpty();
    }

    @Test
    void deleteObjectsIsAuthorizedPerKeyAndDeletesNothingWhenOneKeyIsDenied() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("multi"));
        root.putObject(b -> b.bucket("multi").key("keep/a"), RequestBody.fromString("a"));
        root.putObject(b -> b.bucket("multi").key("tmp/b"), RequestBody.fromString("b"));
        root.putBucketPolicy(b -> b.bucket("multi").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::multi/keep/*\"}]}"));
        assertThatThrownBy(() -> root.deleteObjects(b -> b.bucket("multi").delete(d -> d.objects(
                o -> o.key("keep/a"), o -> o.key("tmp/b"))))).isInstanceOf(S3Exception.class)
                .hasMessageContaining("s3:DeleteObject on resource: \"arn:aws:s3:::multi/keep/a\"");
        assertThat(Files.exists(file("multi", "tmp/b"))).isTrue();
        root.deleteObjects(b -> b.bucket("multi").delete(d -> d.objects(o -> o.key("tmp/b"))));
        assertThat(Files.exists(file("multi", "tmp/b"))).isFalse();
    }

    @Test
    void anSseCWriteOverPlainHttpIsRefusedAsS3RefusesItWithNothingWritten() throws Exception {
        start(false);
        root.createBucket(b -> b.bucket("sse-c"));
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 7);
        String keyBase64 = java.util.Base64.getEncoder().encodeToString(key);
        String keyMd5 = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("MD5").digest(key));
        S3Exception refused = s3Error(() -> root.putObject(b -> b.bucket("sse-c").key("c.csv")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(keyBase64).sseCustomerKeyMD5(keyMd5),
                RequestBody.fromString("c")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Requests specifying Server Side Encryption"
                + " with Customer provided keys must be made over a secure connection.");
        assertThat(Files.exists(file("sse-c", "c.csv"))).isFalse();
    }
}
