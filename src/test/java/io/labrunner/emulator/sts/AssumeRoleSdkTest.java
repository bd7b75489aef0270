package io.labrunner.emulator.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS AssumeRole through SDK v2, and what the issued credentials may then do: with enforcement on, exactly what
 * the role's policies (and the session policy) allow, refused in each protocol's AccessDenied shape with IAM's
 * message; with enforcement off, what the root user may.
 */
class AssumeRoleSdkTest {
    static final String ACCOUNT = "000000000000";
    static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String TRUST_GLUE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    /** Reads the orders table of the sales database, and describes any database. */
    static final String READ_ORDERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"glue:GetTable\",\"Resource\":[\"arn:aws:glue:us-east-1:000000000000:catalog\","
            + "\"arn:aws:glue:us-east-1:000000000000:database/sales\","
            + "\"arn:aws:glue:us-east-1:000000000000:table/sales/orders\"]},"
            + "{\"Effect\":\"Allow\",\"Action\":\"glue:GetDatabase\",\"Resource\":\"*\"}]}";

    @TempDir
    Path data;
    private final HandClock clock = new HandClock();
    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = start(true);
        try (IamClient iam = iam(root()); GlueClient glue = glue(root())) {
            iam.createRole(r -> r.roleName("lab-reader").assumeRolePolicyDocument(TRUST_ACCOUNT));
            iam.putRolePolicy(r -> r.roleName("lab-reader").policyName("read-orders").policyDocument(READ_ORDERS));
            iam.createRole(r -> r.roleName("glue-only").assumeRolePolicyDocument(TRUST_GLUE));
            glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
            glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")));
            glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("salaries")));
        }
    }

    private Emulator start(boolean enforce) {
        return Emulator.builder().port(0).dataDir(data).enforceIam(enforce).credentialClock(clock).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void assumeRoleIssuesTemporaryCredentialsForTheRoleSession() {
        AssumeRoleResponse assumed = assume("reader-1", 900);
        Credentials credentials = assumed.credentials();
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.secretAccessKey()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(credentials.sessionToken()).hasSizeGreaterThan(100);
        assertThat(credentials.expiration()).isBetween(clock.instant().plusSeconds(899), clock.instant().plusSeconds(901));
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/lab-reader/reader-1");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z0-9]+:reader-1");

        try (StsClient sts = sts(session(credentials))) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo(assumed.assumedRoleUser().arn());
            assertThat(identity.userId()).isEqualTo(assumed.assumedRoleUser().assumedRoleId());
            assertThat(identity.account()).isEqualTo(ACCOUNT);
        }
        try (StsClient sts = sts(root())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
    }

    @Test
    void withEnforcementARoleSessionMayDoWhatItsPoliciesAllowAndIsRefusedTheRestWithIamsMessage() {
        Credentials credentials = assume("reader-2", 3600).credentials();
        try (GlueClient glue = glue(session(credentials))) {
            assertThat(glue.getTable(r -> r.databaseName("sales").name("orders")).table().name()).isEqualTo("orders");

            assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("sales").name("salaries")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:"
                                + "assumed-role/lab-reader/reader-2 is not authorized to perform: glue:GetTable on"
                                + " resource: arn:aws:glue:us-east-1:000000000000:table/sales/salaries because no"
                                + " identity-based policy allows the glue:GetTable action");
                    });
            // A denied write does nothing.
            assertThatThrownBy(() -> glue.createDatabase(r -> r.databaseInput(d -> d.name("stolen"))))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
        try (GlueClient glue = glue(root())) {
            assertThatThrownBy(() -> glue.getDatabase(r -> r.name("stolen"))).isInstanceOf(EntityNotFoundException.class);
        }
        try (IamClient iam = iam(session(credentials))) {
            assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("glue-only")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:"
                                + "assumed-role/lab-reader/reader-2 is not authorized to perform: iam:DeleteRole on"
                                + " resource: arn:aws:iam::000000000000:role/glue-only because no identity-based"
                                + " policy allows the iam:DeleteRole action");
                    });
        }
        try (IamClient iam = iam(root())) {
            assertThat(iam.getRole(r -> r.roleName("glue-only")).role().roleName()).isEqualTo("glue-only");
        }
    }

    @Test
    void aSessionPolicyNarrowsWhatTheSessionMayDo() {
        String onlyDatabases = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"glue:GetDatabase\",\"Resource\":\"*\"}]}";
        Credentials credentials;
        try (StsClient sts = sts(root())) {
            AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(roleArn("lab-reader")).roleSessionName("narrow")
                    .policy(onlyDatabases));
            assertThat(assumed.packedPolicySize()).isBetween(1, 100);
            credentials = assumed.credentials();
        }
        try (GlueClient glue = glue(session(credentials))) {
            assertThat(glue.getDatabase(r -> r.name("sales")).database().name()).isEqualTo("sales");
            assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("sales").name("orders")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).endsWith("because no session policy allows the glue:GetTable action"));
        }
    }

    @Test
    void aTrustPolicyThatDoesNotNameTheCallerRefusesIt() {
        try (StsClient sts = sts(root())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn("glue-only")).roleSessionName("s1")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root"
                                + " is not authorized to perform: sts:AssumeRole on resource: "
                                + roleArn("glue-only"));
                    });
            // A role that does not exist is refused the same way.
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn("nobody")).roleSessionName("s1")))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void durationMustBeWithinTheRolesLimits() {
        try (StsClient sts = sts(root())) {
            assertThatThrownBy(() -> assume(sts, "short", 899)).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '899' at"
                        + " 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal"
                        + " to 900");
            });
            assertThatThrownBy(() -> assume(sts, "long", 7200)).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
            });
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn("lab-reader")).roleSessionName("a b")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).contains("at 'roleSessionName' failed to satisfy constraint"));
        }
    }

    @Test
    void credentialsStopWorkingWhenTheyExpireInEveryProtocol() {
        Credentials credentials = assume("short-lived", 900).credentials();
        clock.advance(Duration.ofSeconds(899));
        try (StsClient sts = sts(session(credentials))) {
            assertThat(sts.getCallerIdentity().arn()).endsWith("/short-lived");
        }
        clock.advance(Duration.ofSeconds(1));
        try (StsClient sts = sts(session(credentials)); GlueClient glue = glue(session(credentials));
             S3Client s3 = s3(session(credentials))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is expired");
            });
            assertThatThrownBy(() -> glue.getDatabase(r -> r.name("sales")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
            assertThatThrownBy(s3::listBuckets).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                assertThat(e.statusCode()).isEqualTo(400);
            });
        }
    }

    @Test
    void requestsMustCarryTheSessionsTokenAndBeSignedWithItsSecret() {
        Credentials credentials = assume("strict", 900).credentials();
        AwsCredentials wrongToken = AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken() + "x");
        AwsCredentials wrongSecret = AwsSessionCredentials.create(credentials.accessKeyId(), "not-the-secret",
                credentials.sessionToken());
        AwsCredentials noToken = AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey());
        try (StsClient sts = sts(wrongToken)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
        try (StsClient sts = sts(noToken)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
        try (StsClient sts = sts(wrongSecret)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
        }
        try (S3Client s3 = s3(wrongToken)) {
            assertThatThrownBy(s3::listBuckets).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidToken"));
        }
        // The right secret and token get past authentication: S3 then authorizes the session itself, which this
        // role's policy does not let list buckets.
        try (S3Client s3 = s3(session(credentials))) {
            assertThatThrownBy(s3::listBuckets).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                        "User: arn:aws:sts::000000000000:assumed-role/lab-reader/strict is not authorized");
            });
        }
    }

    @Test
    void issuedCredentialsSurviveARestart() {
        Credentials credentials = assume("durable", 3600).credentials();
        emulator.close();
        emulator = start(true);
        try (StsClient sts = sts(session(credentials)); GlueClient glue = glue(session(credentials))) {
            assertThat(sts.getCallerIdentity().arn()).endsWith("assumed-role/lab-reader/durable");
            assertThat(glue.getTable(r -> r.databaseName("sales").name("orders")).table().name()).isEqualTo("orders");
            assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("sales").name("salaries")))
                    .isInstanceOf(AwsServiceException.class);
        }
    }

    @Test
    void withoutEnforcementARoleSessionMayDoWhatTheRootUserMay() {
        Credentials credentials = assume("open", 900).credentials();
        emulator.close();
        emulator = start(false);
        try (GlueClient glue = glue(session(credentials)); IamClient iam = iam(session(credentials))) {
            assertThat(glue.getTable(r -> r.databaseName("sales").name("salaries")).table().name()).isEqualTo("salaries");
            glue.createDatabase(r -> r.databaseInput(d -> d.name("made-by-session")));
            assertThat(iam.listRoles().roles()).hasSize(2);
        }
        try (StsClient sts = sts(root())) {
            // The trust policy is checked whether or not identity policies are enforced.
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn("glue-only")).roleSessionName("s1")))
                    .isInstanceOf(AwsServiceException.class);
        }
    }

    private AssumeRoleResponse assume(String session, int seconds) {
        try (StsClient sts = sts(root())) {
            return assume(sts, session, seconds);
        }
    }

    private static AssumeRoleResponse assume(StsClient sts, String session, int seconds) {
        return sts.assumeRole(r -> r.roleArn(roleArn("lab-reader")).roleSessionName(session).durationSeconds(seconds));
    }

    static String roleArn(String name) {
        return "arn:aws:iam::000000000000:role/" + name;
    }

    private AwsCredentials root() {
        return AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey());
    }

    private static AwsCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    private StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private GlueClient glue(AwsCredentials credentials) {
        return GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private S3Client s3(AwsCredentials credentials) {
        return S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }
}
