package io.labrunner.labs.encryptmldata;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The judgements of {@link EncryptMlDataLab}. Each reads the state from AWS — KMS, the bucket's
 * configuration, Secrets Manager — or makes the request the policy should refuse and looks at the
 * answer; nothing the solution reported about itself is taken on trust.
 */
final class EncryptionChecks {
    static final String KEY_STEP = "Step 3 of the guide: KEY_ARN=$(aws $ENDPOINT kms create-key --policy"
            + " file://key-policy.json --description \"Training data\" --query KeyMetadata.Arn --output text); aws"
            + " $ENDPOINT kms enable-key-rotation --key-id $KEY_ARN; aws $ENDPOINT kms create-alias --alias-name"
            + " $KEY_ALIAS --target-key-id $KEY_ARN";
    static final String DEFAULT_ENCRYPTION_STEP = "Step 4 of the guide: aws $ENDPOINT s3api put-bucket-encryption"
            + " --bucket $BUCKET --server-side-encryption-configuration file://default-encryption.json (SSEAlgorithm"
            + " aws:kms, KMSMasterKeyID $KEY_ARN, BucketKeyEnabled true)";
    static final String BLOCK_STEP = "Step 5 of the guide: aws $ENDPOINT s3api put-public-access-block --bucket"
            + " $BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
            + "BlockPublicPolicy=true,RestrictPublicBuckets=true";
    static final String POLICY_STEP = "Step 6 of the guide: aws $ENDPOINT s3api put-bucket-policy --bucket $BUCKET"
            + " --policy file://bucket-policy.json (DenyUploadsWithoutEncryptionHeader, DenyUploadsNotEncryptedWithKms,"
            + " DenyRequestsWithoutTls)";
    static final String SECRET_STEP = "Step 7 of the guide: aws $ENDPOINT secretsmanager create-secret --name $SECRET"
            + " --kms-key-id $KEY_ARN --secret-string file://db-secret.json (or, for an existing secret, aws $ENDPOINT"
            + " secretsmanager update-secret --secret-id $SECRET --kms-key-id $KEY_ARN)";
    static final String EXPORT_STEP = "Step 8 of the guide: python3 export.py — it reads the secret and uploads"
            + " training/churn/train.csv with ServerSideEncryption=aws:kms and SSEKMSKeyId=$KEY_ARN";

    private EncryptionChecks() {
    }

    static CheckResult keyIsCustomerManagedAndRotates(LabContext ctx) {
        String alias = EncryptMlDataLab.keyAlias(ctx);
        Optional<KeyMetadata> found = TrainingDataKey.describe(ctx.kms(), alias);
        if (found.isEmpty()) {
            return CheckResult.fail("no key behind " + alias,
                    "There is no KMS key with the alias " + alias + " yet: the checks find the lab's key by it.",
                    "Create the key with your key policy, then give it the alias: an alias is a name you can use"
                            + " wherever KMS takes a key id, and can later point at another key.",
                    KEY_STEP);
        }
        KeyMetadata key = found.get();
        String detail = key.arn() + ": " + key.keyManagerAsString() + ", " + key.keySpecAsString() + ", "
                + key.keyStateAsString();
        if (key.keyManager() != KeyManagerType.CUSTOMER) {
            return CheckResult.fail(detail, alias + " points at an AWS managed key, not one you own.",
                    "AWS managed keys (aws/s3, aws/secretsmanager) have a key policy you cannot change and"
                            + " rotation you cannot control; the lab wants a customer managed key.", KEY_STEP);
        }
        if (key.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            return CheckResult.fail(detail, "The key is " + key.keySpecAsString() + ": S3 and Secrets Manager"
                    + " encrypt only with symmetric keys (SYMMETRIC_DEFAULT).", KEY_STEP);
        }
        if (key.keyState() != KeyState.ENABLED) {
            return CheckResult.fail(detail, "The key is " + key.keyStateAsString() + ": a key that is not Enabled"
                            + " cannot encrypt or decrypt, so nothing under it can be read.",
                    key.keyState() == KeyState.PENDING_DELETION
                            ? "aws $ENDPOINT kms cancel-key-deletion --key-id " + key.keyId() + "; aws $ENDPOINT kms"
                            + " enable-key --key-id " + key.keyId()
                            : "aws $ENDPOINT kms enable-key --key-id " + key.keyId());
        }
        boolean rotates = ctx.kms().getKeyRotationStatus(get -> get.keyId(key.keyId())).keyRotationEnabled();
        if (!rotates) {
            return CheckResult.fail(detail + ", rotation off",
                    "Automatic rotation is off for " + alias + ".",
                    "With rotation on, KMS makes new key material every year (or the period you set) and keeps the"
                            + " old material to decrypt what it encrypted: the key id, ARN and policy stay the same,"
                            + " so nothing that uses the key changes.",
                    "aws $ENDPOINT kms enable-key-rotation --key-id $KEY_ALIAS (or the key's id)");
        }
        return CheckResult.pass(detail + ", rotation on");
    }

    static CheckResult bucketEncryptsWithTheKey(LabContext ctx) {
        String bucket = EncryptMlDataLab.bucket(ctx);
        Optional<KeyMetadata> key = TrainingDataKey.describe(ctx.kms(), EncryptMlDataLab.keyAlias(ctx));
        List<ServerSideEncryptionRule> rules;
        try {
            rules = ctx.s3().getBucketEncryption(get -> get.bucket(bucket)).serverSideEncryptionConfiguration().rules();
        } catch (S3Exception e) {
            if (!"ServerSideEncryptionConfigurationNotFoundError".equals(errorCode(e))) {
                throw e;
            }
            rules = List.of();
        }
        Optional<ServerSideEncryptionByDefault> sse = rules.stream()
                .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault).filter(d -> d != null).findFirst();
        if (sse.isEmpty() || sse.get().sseAlgorithm() != ServerSideEncryption.AWS_KMS) {
            String algorithm = sse.map(ServerSideEncryptionByDefault::sseAlgorithmAsString).orElse("none");
            return CheckResult.fail("default encryption: " + algorithm,
                    "The bucket's default encryption is " + (algorithm.equals("AES256")
                            ? "SSE-S3 (AES256): S3's own keys, which you cannot restrict or audit per key."
                            : algorithm + ", not SSE-KMS with the lab's key."),
                    "Default encryption applies to every upload that names none. With aws:kms and your key, reading"
                            + " an object also needs kms:Decrypt on that key, and CloudTrail logs each use.",
                    DEFAULT_ENCRYPTION_STEP);
        }
        String named = sse.get().kmsMasterKeyID();
        if (named == null || named.isBlank()) {
            return CheckResult.fail("default encryption: aws:kms without a key",
                    "The bucket encrypts with SSE-KMS but names no key, so S3 uses the AWS managed key aws/s3.",
                    "Name the lab's key as KMSMasterKeyID; its ARN is best (an alias is resolved in the caller's"
                            + " account, which matters when another account uploads).", DEFAULT_ENCRYPTION_STEP);
        }
        Optional<KeyMetadata> used = TrainingDataKey.describe(ctx.kms(), named);
        if (key.isEmpty() || used.isEmpty() || !used.get().arn().equals(key.get().arn())) {
            return CheckResult.fail("default encryption: aws:kms with " + named,
                    "The bucket encrypts with " + named + ", which is not the key behind "
                            + EncryptMlDataLab.keyAlias(ctx) + ".", DEFAULT_ENCRYPTION_STEP);
        }
        boolean bucketKey = rules.stream().anyMatch(r -> Boolean.TRUE.equals(r.bucketKeyEnabled()));
        return CheckResult.pass("aws:kms with " + used.get().arn() + ", S3 Bucket Key " + (bucketKey ? "on" : "off"));
    }

    static CheckResult publicAccessIsBlocked(LabContext ctx) {
        String bucket = EncryptMlDataLab.bucket(ctx);
        PublicAccessBlockConfiguration block;
        try {
            block = ctx.s3().getPublicAccessBlock(get -> get.bucket(bucket)).publicAccessBlockConfiguration();
        } catch (S3Exception e) {
            if (!"NoSuchPublicAccessBlockConfiguration".equals(errorCode(e))) {
                throw e;
            }
            return CheckResult.fail("no Block Public Access configuration",
                    "The bucket has no Block Public Access configuration: a public ACL or bucket policy would take"
                            + " effect.",
                    "Block Public Access overrides ACLs and policies that grant the public access; turn on all four"
                            + " settings for a bucket that must never be public.", BLOCK_STEP);
        }
        Map<String, Boolean> settings = Map.of("BlockPublicAcls", Boolean.TRUE.equals(block.blockPublicAcls()),
                "IgnorePublicAcls", Boolean.TRUE.equals(block.ignorePublicAcls()),
                "BlockPublicPolicy", Boolean.TRUE.equals(block.blockPublicPolicy()),
                "RestrictPublicBuckets", Boolean.TRUE.equals(block.restrictPublicBuckets()));
        List<String> off = settings.entrySet().stream().filter(s -> !s.getValue()).map(Map.Entry::getKey).sorted()
                .toList();
        if (!off.isEmpty()) {
            return CheckResult.fail("off: " + off, "These Block Public Access settings are off: " + off + ".",
                    "The ACL pair stops public ACLs being set or honoured; the policy pair stops public bucket"
                            + " policies being set or honoured. All four together close every way in.", BLOCK_STEP);
        }
        return CheckResult.pass("all four settings on");
    }

    static CheckResult unencryptedUploadsAreRefused(LabContext ctx) {
        String bucket = EncryptMlDataLab.bucket(ctx);
        S3Client s3 = ctx.s3();
        List<Attempts.Attempt> forbidden = List.of(Attempts.unencryptedUpload(s3, bucket), Attempts.sseS3Upload(s3, bucket));
        String detail = forbidden.toString();
        List<Attempts.Attempt> through = forbidden.stream().filter(a -> !a.denied()).toList();
        if (!through.isEmpty()) {
            boolean noHeaderThrough = !forbidden.get(0).denied();
            return CheckResult.fail(detail,
                    "S3 did not refuse: " + through + ".",
                    noHeaderThrough
                            ? "Default encryption would encrypt such an upload anyway, but the policy is what makes"
                            + " asking for SSE-KMS a rule: deny s3:PutObject when s3:x-amz-server-side-encryption is"
                            + " missing (Null: true) or is not aws:kms (StringNotEquals)."
                            : "An upload asking for SSE-S3 (AES256) got through: deny s3:PutObject when"
                            + " s3:x-amz-server-side-encryption is not aws:kms (StringNotEquals).",
                    POLICY_STEP);
        }
        Optional<KeyMetadata> key = TrainingDataKey.describe(ctx.kms(), EncryptMlDataLab.keyAlias(ctx));
        if (key.isEmpty()) {
            return CheckResult.fail(detail + "; no key behind " + EncryptMlDataLab.keyAlias(ctx),
                    "Both uploads were refused, but there is no key " + EncryptMlDataLab.keyAlias(ctx)
                            + " to try an encrypted one with.", KEY_STEP);
        }
        Attempts.Attempt allowed = Attempts.kmsUpload(s3, bucket, key.get().arn());
        if (!allowed.accepted()) {
            return CheckResult.fail(detail + "; " + allowed,
                    "Your policy refuses the upload it should let through: " + allowed + ".",
                    "Deny only what is wrong: the two Deny statements must carry their conditions, or they deny"
                            + " every upload, the pipeline's included.", POLICY_STEP);
        }
        return CheckResult.pass(detail + "; " + allowed);
    }

    static CheckResult plainHttpIsRefused(LabContext ctx) {
        String bucket = EncryptMlDataLab.bucket(ctx);
        Attempts.Attempt list = Attempts.plainHttpList(ctx.s3OverPlainHttp(), bucket);
        Attempts.Attempt get = Attempts.plainHttpRead(ctx.s3OverPlainHttp(), bucket);
        Attempts.Attempt overTls = Attempts.tlsList(ctx.s3(), bucket);
        String detail = List.of(list, get, overTls).toString();
        if (!list.denied() || !get.denied()) {
            String nudge = !list.denied() && !get.denied()
                    ? "S3 answered requests made over plain HTTP: " + list + "; " + get + "."
                    : !list.denied()
                    ? "Reading an object over HTTP is refused, but listing the bucket is not: " + list + "."
                    : "Listing over HTTP is refused, but reading an object is not: " + get + ".";
            String more = list.denied() != get.denied()
                    ? "The bucket (arn:aws:s3:::" + bucket + ") and its objects (arn:aws:s3:::" + bucket + "/*) are"
                    + " different resources: the TLS statement needs both in its Resource."
                    : "Deny s3:* on the bucket and its objects when aws:SecureTransport is false: that condition key"
                    + " is false for every request that did not come over TLS.";
            return CheckResult.fail(detail, nudge, more, POLICY_STEP);
        }
        if (!overTls.accepted()) {
            return CheckResult.fail(detail, "The same request over TLS is refused too: " + overTls + ".",
                    "The TLS statement must deny only when aws:SecureTransport is false, or it locks everyone out"
                            + " (the account's root user can still delete the bucket policy).", POLICY_STEP);
        }
        return CheckResult.pass(detail);
    }

    static CheckResult trainingDataUsesTheKey(LabContext ctx) {
        String bucket = EncryptMlDataLab.bucket(ctx);
        String object = FeaturePipeline.TRAINING_OBJECT;
        HeadObjectResponse head;
        try {
            head = ctx.s3().headObject(h -> h.bucket(bucket).key(object));
        } catch (NoSuchKeyException e) {
            return missingTrainingData(object);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            return missingTrainingData(object);
        }
        String detail = object + ": " + head.serverSideEncryptionAsString() + ", key " + head.ssekmsKeyId();
        if (head.serverSideEncryption() != ServerSideEncryption.AWS_KMS) {
            return CheckResult.fail(detail, "The training data is encrypted with " + head.serverSideEncryptionAsString()
                            + ", not SSE-KMS.",
                    "Upload it again with SSE-KMS and the lab's key named, as the pipeline does.", EXPORT_STEP);
        }
        Optional<KeyMetadata> key = TrainingDataKey.describe(ctx.kms(), EncryptMlDataLab.keyAlias(ctx));
        Optional<KeyMetadata> used = head.ssekmsKeyId() == null ? Optional.empty()
                : TrainingDataKey.describe(ctx.kms(), head.ssekmsKeyId());
        if (key.isEmpty() || used.isEmpty() || !used.get().arn().equals(key.get().arn())) {
            String which = used.map(k -> k.keyManager() == KeyManagerType.AWS ? "the AWS managed key aws/s3"
                    : k.arn()).orElse(String.valueOf(head.ssekmsKeyId()));
            return CheckResult.fail(detail, "The training data is encrypted with " + which + ", not with the key"
                            + " behind " + EncryptMlDataLab.keyAlias(ctx) + ".",
                    "An upload that asks for aws:kms without naming a key may be encrypted with aws/s3; name the"
                            + " lab's key (SSEKMSKeyId) and upload again.", EXPORT_STEP);
        }
        return CheckResult.pass(detail + (Boolean.TRUE.equals(head.bucketKeyEnabled()) ? ", S3 Bucket Key" : ""));
    }

    private static CheckResult missingTrainingData(String object) {
        return CheckResult.fail("no " + object,
                "There is no " + object + " yet: the pipeline's export writes it.",
                "Run the export after the bucket is locked down: the policy then proves that it asks for SSE-KMS.",
                EXPORT_STEP);
    }

    static CheckResult secretUsesTheKey(LabContext ctx) {
        String name = EncryptMlDataLab.secret(ctx);
        DescribeSecretResponse secret;
        try {
            secret = ctx.secretsManager().describeSecret(d -> d.secretId(name));
        } catch (ResourceNotFoundException e) {
            return CheckResult.fail("no secret " + name,
                    "There is no secret " + name + " yet: the pipeline reads the database password from it.",
                    "Keep the password out of code, config files and environment variables: the pipeline asks"
                            + " Secrets Manager for it at run time, and IAM decides who may.", SECRET_STEP);
        }
        if (secret.deletedDate() != null) {
            return CheckResult.fail(name + " is scheduled for deletion",
                    "The secret " + name + " is scheduled for deletion, so nobody can read it.",
                    "aws $ENDPOINT secretsmanager restore-secret --secret-id $SECRET");
        }
        if (secret.kmsKeyId() == null || secret.kmsKeyId().isBlank()) {
            return CheckResult.fail(name + ": encrypted with aws/secretsmanager",
                    "The secret is encrypted with the AWS managed key aws/secretsmanager, not the lab's key.",
                    "With your own key, reading the secret also needs kms:Decrypt on that key: two permissions,"
                            + " one in IAM and one in the key policy, guard the password.", SECRET_STEP);
        }
        Optional<KeyMetadata> key = TrainingDataKey.describe(ctx.kms(), EncryptMlDataLab.keyAlias(ctx));
        Optional<KeyMetadata> used = TrainingDataKey.describe(ctx.kms(), secret.kmsKeyId());
        if (key.isEmpty() || used.isEmpty() || !used.get().arn().equals(key.get().arn())) {
            return CheckResult.fail(name + ": encrypted with " + secret.kmsKeyId(),
                    "The secret is encrypted with " + secret.kmsKeyId() + ", not with the key behind "
                            + EncryptMlDataLab.keyAlias(ctx) + ".", SECRET_STEP);
        }
        return CheckResult.pass(name + ": encrypted with " + used.get().arn());
    }

    /**
     * Reads the password from Secrets Manager and looks for it in every object of the bucket: in its
     * key, its user metadata and its bytes. A finding names the object, never the password.
     */
    static CheckResult passwordIsWrittenNowhere(LabContext ctx) {
        String name = EncryptMlDataLab.secret(ctx);
        String password;
        try {
            password = DatabaseSecret.read(ctx.secretsManager(), name).password();
        } catch (ResourceNotFoundException e) {
            return CheckResult.fail("no secret " + name,
                    "There is no secret " + name + " yet, so there is no password to look for.", SECRET_STEP);
        }
        String bucket = EncryptMlDataLab.bucket(ctx);
        S3Client s3 = ctx.s3();
        List<String> leaks = new ArrayList<>();
        int looked = 0;
        for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()) {
            looked++;
            Map<String, String> metadata = s3.headObject(h -> h.bucket(bucket).key(object.key())).metadata();
            if (object.key().contains(password) || metadata.values().stream().anyMatch(v -> v.contains(password))
                    || (object.size() <= 16L << 20 && s3.getObjectAsBytes(g -> g.bucket(bucket).key(object.key()))
                    .asString(StandardCharsets.UTF_8).contains(password))) {
                leaks.add(object.key());
            }
        }
        if (!leaks.isEmpty()) {
            return CheckResult.fail("the password is in " + leaks,
                    "The database password is written in " + leaks + " (key, metadata or content).",
                    "Whoever may read the bucket now has the password, and it stays there after you rotate it in"
                            + " Secrets Manager. Keep credentials in memory only: log the user and host, never the"
                            + " password, and write no connection string that holds it.",
                    "Delete those objects and run the export again: " + EXPORT_STEP);
        }
        return CheckResult.pass(looked + (looked == 1 ? " object" : " objects") + " read, none holds the password");
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    }
}
