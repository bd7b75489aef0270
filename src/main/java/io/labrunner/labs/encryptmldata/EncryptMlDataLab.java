package io.labrunner.labs.encryptmldata;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.LabBucket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * Security for the data an ML pipeline trains on: a customer managed KMS key with a key policy
 * and rotation; a training-data bucket that encrypts with that key by default, blocks public
 * access, and by its bucket policy refuses uploads not encrypted with SSE-KMS and any request made
 * without TLS; and the feature database's password in Secrets Manager under the same key, read by
 * the pipeline at run time and never printed.
 *
 * <p>Setup provides the bucket as an old script left it (no encryption of its own, no Block Public
 * Access, no policy); the learner makes the key, locks the bucket down, stores the secret and runs
 * the export. The checks try what the policy forbids and expect AccessDenied.
 */
public final class EncryptMlDataLab implements Lab {

    @Override
    public LabInfo info() {
        return new LabInfo(
                "encrypt-ml-data",
                "Encrypt training data with your own KMS key, refuse unencrypted and non-TLS access, keep the"
                        + " database password in Secrets Manager",
                "Churn training data is about to land in an S3 bucket an old script made. Create a customer managed"
                        + " KMS key with a key policy and rotation, make the bucket encrypt with it, block public"
                        + " access, and write a bucket policy that refuses unencrypted uploads and plain HTTP; keep"
                        + " the feature database's password in Secrets Manager under the same key and let the"
                        + " pipeline read it. The checks try what the policy forbids.",
                "4 ML Solution Monitoring, Maintenance, and Security",
                "4.3 Secure AWS resources",
                List.of("AWS KMS", "Amazon S3", "AWS Secrets Manager", "AWS STS"),
                35,
                "< $0.10 (a KMS key is $1 a month, billed by the hour until its deletion is scheduled)",
                Set.of(Capability.S3, Capability.STS, Capability.KMS, Capability.SECRETS_MANAGER,
                        Capability.S3_ENCRYPTION, Capability.S3_BUCKET_POLICIES, Capability.TLS));
    }

    // Every name depends only on the run id, so each phase (and the learner) finds them again.

    static String bucket(RunNames run) {
        return run.name("training-data");
    }

    /** The key's alias: the name the guide, the checks and cleanup know the key by. */
    static String keyAlias(RunNames run) {
        return "alias/" + run.name("training-data");
    }

    static String secret(RunNames run) {
        return run.name("feature-db");
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("KEY_ALIAS", keyAlias(run));
        names.put("SECRET", secret(run));
        return names;
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket + " as an old script would: no encryption of its own, public access"
                + " not blocked, no policy", () -> {
            ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags()));
            // New buckets have Block Public Access on since April 2023: the old script turned it off.
            ctx.s3().deletePublicAccessBlock(delete -> delete.bucket(bucket));
        });
        // The learner makes these. Recording their names now lets cleanup delete them whoever made
        // them; deleting one that was never made is no error. The key has no name of its own until
        // KMS makes it: cleanup finds a hand-made one by its alias.
        ctx.step("Reserve names for the key's alias and the secret", () -> {
            ctx.create(Resource.kmsAlias(keyAlias(ctx)), () -> keyAlias(ctx));
            ctx.create(Resource.secret(secret(ctx)), () -> secret(ctx));
        });
        ctx.note("bucket " + bucket + "   key alias " + keyAlias(ctx) + "   secret " + secret(ctx));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        String[] keyArn = new String[1];
        ctx.step("Create a customer managed key with a key policy and rotation, alias " + keyAlias(ctx), () -> {
            String account = ctx.sts().getCallerIdentity().account();
            String arn = TrainingDataKey.create(ctx.kms(), TrainingDataKey.policy(account), ctx.tags());
            // KMS chooses the key's id, so the ledger can record the key only once it exists.
            ctx.create(Resource.kmsKey(arn), () -> arn);
            TrainingDataKey.rotateYearly(ctx.kms(), arn);
            ctx.create(Resource.kmsAlias(keyAlias(ctx)), () -> TrainingDataKey.name(ctx.kms(), arn, keyAlias(ctx)));
            keyArn[0] = arn;
            ctx.note("key " + arn);
        });
        ctx.step("Encrypt new objects with the key by default (SSE-KMS, S3 Bucket Key on)", () ->
                TrainingBucket.encryptByDefault(ctx.s3(), bucket, keyArn[0]));
        ctx.step("Block all public access to the bucket", () -> TrainingBucket.blockPublicAccess(ctx.s3(), bucket));
        ctx.step("Deny uploads without SSE-KMS and every request without TLS", () ->
                TrainingBucket.denyUnencryptedAndPlainHttp(ctx.s3(), bucket));
        ctx.step("Store the feature database's credentials in secret " + secret(ctx) + ", encrypted with the key",
                () -> ctx.create(Resource.secret(secret(ctx)), () -> DatabaseSecret.create(ctx.secretsManager(),
                        secret(ctx), keyArn[0], DbCredentials.forFeatureDatabase(newPassword(ctx)), ctx.tags())));
        ctx.step("Run the export: read the secret, connect, upload the training rows with SSE-KMS", () -> {
            FeaturePipeline.Export export = FeaturePipeline.run(ctx.secretsManager(), secret(ctx), ctx.s3(), bucket,
                    keyArn[0]);
            ctx.note("connected as " + export.connectedTo());
            ctx.note(String.format("%,d rows, %,d bytes → s3://%s/%s", export.rows(), export.bytes(), bucket,
                    FeaturePipeline.TRAINING_OBJECT));
        });
        ctx.step("Try what the bucket now refuses", () -> {
            ctx.note("upload without encryption: " + Attempts.unencryptedUpload(ctx.s3(), bucket).outcome());
            ctx.note("read over plain HTTP:      " + Attempts.plainHttpRead(ctx.s3OverPlainHttp(), bucket).outcome());
        });
    }

    /** A password Secrets Manager generates; it goes straight into the secret and is never shown. */
    private static String newPassword(LabContext ctx) {
        return ctx.secretsManager().getRandomPassword(generate -> generate.passwordLength(32L)
                .excludePunctuation(true)).randomPassword();
    }

    /**
     * Schedules the deletion of a key the learner made by hand, found by its alias, after the
     * shortest wait KMS allows (7 days): a deleted key cannot be brought back, and neither can
     * anything encrypted under it. The ledger deletes the rest: the alias, the secret (at once,
     * without a recovery window), the bucket, and a key the reference solution made.
     */
    @Override
    public void cleanup(LabContext ctx) {
        TrainingDataKey.describe(ctx.kms(), keyAlias(ctx))
                .filter(key -> key.keyState() != KeyState.PENDING_DELETION)
                .ifPresent(key -> ctx.kms().scheduleKeyDeletion(schedule -> schedule.keyId(key.arn())
                        .pendingWindowInDays(7)));
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("The key is a customer managed symmetric key, enabled, with rotation on",
                        EncryptionChecks::keyIsCustomerManagedAndRotates),
                Check.of("The bucket encrypts new objects with SSE-KMS under the lab's key by default",
                        EncryptionChecks::bucketEncryptsWithTheKey),
                Check.of("Block Public Access is on for the bucket, all four settings",
                        EncryptionChecks::publicAccessIsBlocked),
                Check.of("An upload without SSE-KMS is refused, one with it is accepted",
                        EncryptionChecks::unencryptedUploadsAreRefused),
                Check.of("A request over plain HTTP is refused, the same request over TLS is not",
                        EncryptionChecks::plainHttpIsRefused),
                Check.of("The training data is encrypted with SSE-KMS under the lab's key",
                        EncryptionChecks::trainingDataUsesTheKey),
                Check.of("The database secret is encrypted with the lab's key",
                        EncryptionChecks::secretUsesTheKey),
                Check.of("No object in the bucket holds the database password",
                        EncryptionChecks::passwordIsWrittenNowhere));
    }
}
