package io.labrunner.labs.encryptmldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.AwsClients;
import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Plausible mistakes made over the reference solution's resources — a bucket policy without its TLS
 * statement, or with it on the objects only, or with Deny statements that lost their conditions; SSE-S3
 * as default encryption; rotation off; Block Public Access half on; the secret under AWS's key; the
 * password written into the bucket: each fails the check that should catch it, and only that one,
 * with a first hint that names the mistake. After each, the reference configuration is put back.
 */
class WrongSolutionsTest {
    private static final String KEY = "customer managed symmetric key";
    private static final String DEFAULT_ENCRYPTION = "encrypts new objects";
    private static final String BLOCK = "Block Public Access";
    private static final String UPLOADS = "upload without SSE-KMS";
    private static final String PLAIN_HTTP = "plain HTTP";
    private static final String SECRET = "database secret";
    private static final String LEAK = "holds the database password";
    private static final EncryptMlDataLab LAB = new EncryptMlDataLab();

    @TempDir
    static Path home;

    private static EmbeddedEmulator emulator;
    private static AwsClients tls;
    private static LabRunner runner;
    private static Ledger ledger;
    private static RunNames run;
    private static String keyArn;

    @BeforeAll
    static void solveOnce() {
        emulator = new EmbeddedEmulator();
        tls = emulator.clients().overTls();
        StateDirectory state = new StateDirectory(home);
        runner = emulator.runner(state);
        run = RunNames.of(runner.start(LAB).runId());
        ledger = state.latestRun(Optional.of(LAB.info().id()), "embedded").orElseThrow();
        LabResult solved = runner.solve(LAB, ledger);
        assertThat(solved.phases()).allMatch(p -> p.ok(), "the reference solution ran: " + solved.message());
        keyArn = tls.kms().describeKey(d -> d.keyId(EncryptMlDataLab.keyAlias(run))).keyMetadata().arn();
    }

    @AfterAll
    static void cleanUp() {
        runner.cleanup(LAB, ledger);
        emulator.close();
    }

    @AfterEach
    void putTheReferenceConfigurationBack() {
        S3Client s3 = tls.s3();
        String bucket = EncryptMlDataLab.bucket(run);
        TrainingBucket.denyUnencryptedAndPlainHttp(s3, bucket);
        TrainingBucket.encryptByDefault(s3, bucket, keyArn);
        TrainingBucket.blockPublicAccess(s3, bucket);
        tls.kms().enableKeyRotation(e -> e.keyId(keyArn));
        s3.listObjectsV2(l -> l.bucket(bucket)).contents().stream()
                .filter(o -> !o.key().equals(FeaturePipeline.TRAINING_OBJECT))
                .forEach(o -> s3.deleteObject(d -> d.bucket(bucket).key(o.key())));
    }

    @Test
    void theReferenceSolutionPassesEveryCheck() {
        assertThat(checks()).allMatch(CheckOutcome::passed);
    }

    @Test
    void aPolicyWithoutItsTlsStatementLetsPlainHttpThrough() {
        putPolicy(policyWithout("DenyRequestsWithoutTls"));

        List<CheckOutcome> checks = checks();

        CheckOutcome plain = only(checks, PLAIN_HTTP);
        assertThat(plain.detail()).contains("ListObjectsV2 over HTTP: accepted (200)");
        assertThat(plain.hint()).contains("S3 answered requests made over plain HTTP");
        assertThat(plain.hints().get(1)).contains("aws:SecureTransport is false");
    }

    @Test
    void aTlsStatementOnTheObjectsOnlyLetsTheBucketBeListedOverHttp() {
        String bucket = EncryptMlDataLab.bucket(run);
        putPolicy(TrainingBucket.policy(bucket).replace(
                "\"Resource\": [\"arn:aws:s3:::" + bucket + "\", \"arn:aws:s3:::" + bucket + "/*\"]",
                "\"Resource\": \"arn:aws:s3:::" + bucket + "/*\""));

        CheckOutcome plain = only(checks(), PLAIN_HTTP);

        assertThat(plain.hint()).contains("Reading an object over HTTP is refused, but listing the bucket is not");
        assertThat(plain.hints().get(1)).contains("different resources");
    }

    @Test
    void aPolicyWithoutItsEncryptionStatementsLetsUnencryptedUploadsIn() {
        putPolicy(policyWithout("DenyUploadsWithoutEncryptionHeader", "DenyUploadsNotEncryptedWithKms"));

        CheckOutcome uploads = only(checks(), UPLOADS);

        assertThat(uploads.detail()).contains("PutObject without x-amz-server-side-encryption: accepted (200)");
        assertThat(uploads.hints().get(1)).contains("Null: true").contains("StringNotEquals");
        assertThat(tls.s3().listObjectsV2(l -> l.bucket(EncryptMlDataLab.bucket(run))).contents())
                .as("the trial uploads that got through were deleted again").hasSize(1);
    }

    @Test
    void onlyTheMissingHeaderDeniedLetsAnSseS3UploadIn() {
        putPolicy(policyWithout("DenyUploadsNotEncryptedWithKms"));

        CheckOutcome uploads = only(checks(), UPLOADS);

        assertThat(uploads.detail()).contains("PutObject without x-amz-server-side-encryption: AccessDenied (403)")
                .contains("AES256: accepted (200)");
        assertThat(uploads.hints().get(1)).contains("SSE-S3 (AES256) got through");
    }

    @Test
    void denyStatementsThatLostTheirConditionsRefuseThePipelineToo() {
        putPolicy(edited(statements -> statements.forEach(statement -> {
            if (statement.get("Sid").asText().startsWith("DenyUploads")) {
                ((ObjectNode) statement).remove("Condition");
            }
        })));

        CheckOutcome uploads = only(checks(), UPLOADS);

        assertThat(uploads.hint()).contains("refuses the upload it should let through");
    }

    @Test
    void sseS3AsDefaultEncryptionIsToldItIsNotTheLabsKey() {
        tls.s3().putBucketEncryption(p -> p.bucket(EncryptMlDataLab.bucket(run)).serverSideEncryptionConfiguration(
                c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));

        CheckOutcome encryption = only(checks(), DEFAULT_ENCRYPTION);

        assertThat(encryption.detail()).isEqualTo("default encryption: AES256");
        assertThat(encryption.hint()).contains("SSE-S3 (AES256)");
    }

    @Test
    void rotationOffFailsTheKeyCheck() {
        tls.kms().disableKeyRotation(d -> d.keyId(keyArn));

        CheckOutcome key = only(checks(), KEY);

        assertThat(key.hint()).contains("Automatic rotation is off");
    }

    @Test
    void blockPublicAccessHalfOnNamesTheSettingsThatAreOff() {
        tls.s3().putPublicAccessBlock(p -> p.bucket(EncryptMlDataLab.bucket(run)).publicAccessBlockConfiguration(
                b -> b.blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(false)));

        CheckOutcome block = only(checks(), BLOCK);

        assertThat(block.detail()).isEqualTo("off: [BlockPublicPolicy, RestrictPublicBuckets]");
    }

    @Test
    void aPasswordWrittenIntoTheBucketIsFoundWithoutBeingShown() {
        String password = DatabaseSecret.read(tls.secretsManager(), EncryptMlDataLab.secret(run)).password();
        String bucket = EncryptMlDataLab.bucket(run);
        tls.s3().putObject(p -> p.bucket(bucket).key("training/churn/connection.txt")
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn),
                RequestBody.fromString("postgresql://ml_pipeline:" + password + "@features.db.internal:5432/features"));

        CheckOutcome leak = only(checks(), LEAK);

        assertThat(leak.detail()).contains("training/churn/connection.txt");
        assertThat(leak.hint()).contains("training/churn/connection.txt");
        assertThat(String.join(" ", leak.hints()) + leak.detail()).doesNotContain(password);
    }

    @Test
    void aSecretUnderAwsManagedKeyIsToldSo() {
        String name = EncryptMlDataLab.secret(run);
        String value = tls.secretsManager().getSecretValue(g -> g.secretId(name)).secretString();
        tls.secretsManager().deleteSecret(d -> d.secretId(name).forceDeleteWithoutRecovery(true));
        tls.secretsManager().createSecret(c -> c.name(name).secretString(value));
        try {
            CheckOutcome secret = only(checks(), SECRET);

            assertThat(secret.detail()).contains("aws/secretsmanager");
            assertThat(secret.hint()).contains("AWS managed key aws/secretsmanager");
        } finally {
            tls.secretsManager().deleteSecret(d -> d.secretId(name).forceDeleteWithoutRecovery(true));
            tls.secretsManager().createSecret(c -> c.name(name).kmsKeyId(keyArn).secretString(value));
        }
    }

    private static String policyWithout(String... sids) {
        return edited(statements -> {
            for (int i = statements.size() - 1; i >= 0; i--) {
                if (List.of(sids).contains(statements.get(i).get("Sid").asText())) {
                    statements.remove(i);
                }
            }
        });
    }

    /** The reference bucket policy with its statements edited. */
    private static String edited(Consumer<ArrayNode> edit) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode policy = (ObjectNode) json.readTree(TrainingBucket.policy(EncryptMlDataLab.bucket(run)));
            edit.accept((ArrayNode) policy.get("Statement"));
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putPolicy(String policy) {
        tls.s3().putBucketPolicy(p -> p.bucket(EncryptMlDataLab.bucket(run)).policy(policy));
    }

    private static List<CheckOutcome> checks() {
        List<CheckOutcome> checks = runner.check(LAB, ledger).checks();
        checks.forEach(c -> System.out.println((c.passed() ? "✔ " : "✘ ") + c.name() + " — " + c.detail()
                + (c.passed() ? "" : "\n    hints: " + c.hints())));
        return checks;
    }

    /** The one check that failed, which must be the one named; every other check passed. */
    private static CheckOutcome only(List<CheckOutcome> checks, String nameContains) {
        assertThat(checks.stream().filter(c -> !c.passed()).map(CheckOutcome::name).toList())
                .as("the checks that failed").singleElement().asString().contains(nameContains);
        return checks.stream().filter(c -> c.name().contains(nameContains)).findFirst().orElseThrow();
    }
}
