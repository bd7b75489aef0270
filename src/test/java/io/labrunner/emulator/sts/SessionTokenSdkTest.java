package io.labrunner.emulator.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * GetSessionToken, GetFederationToken and DecodeAuthorizationMessage through the SDK, on an emulator enforcing
 * IAM: an IAM user's own policies, its group's and its permissions boundary decide its requests; a federated
 * user gets only what both the user's policies and the session policy allow.
 */
class SessionTokenSdkTest {
    private static final String ALLOW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"%s\",\"Resource\":\"*\"}]}";
    private static Emulator emulator;
    private static IamClient root;
    private static AwsBasicCredentials userKey;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).enforceIam(true).build().start();
        root = iam(AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        root.createUser(r -> r.userName("fed"));
        root.putUserPolicy(r -> r.userName("fed").policyName("list").policyDocument(
                ALLOW.formatted("iam:ListUsers")));
        root.putUserPolicy(r -> r.userName("fed").policyName("federate").policyDocument(
                ALLOW.formatted("sts:GetFederationToken")));
        var key = root.createAccessKey(r -> r.userName("fed")).accessKey();
        userKey = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    @AfterAll
    static void stop() {
        root.close();
        emulator.close();
    }

    private static IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static AwsSessionCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    @Test
    void theRootUsersSessionTokenLastsAtMostAnHourAndSignsAsRoot() {
        try (StsClient sts = sts(AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))) {
            Credentials credentials = sts.getSessionToken(r -> r.durationSeconds(7200)).credentials();
            assertThat(credentials.accessKeyId()).startsWith("ASIA");
            assertThat(credentials.expiration()).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
            try (StsClient asSession = sts(session(credentials))) {
                assertThat(asSession.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
                assertThatThrownBy(asSession::getSessionToken).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Cannot call GetSessionToken with session credentials");
                });
            }
            assertThatThrownBy(() -> sts.getSessionToken(r -> r.durationSeconds(899)))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        }
    }

    @Test
    void aUsersSessionTokenActsAsTheUserWithItsPolicies() {
        try (StsClient sts = sts(userKey)) {
            Credentials credentials = sts.getSessionToken(r -> r.durationSeconds(129_600)).credentials();
            assertThat(credentials.expiration()).isAfter(Instant.now().plus(Duration.ofHours(35)));
            try (StsClient asSession = sts(session(credentials)); IamClient iam = iam(session(credentials))) {
                assertThat(asSession.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/fed");
                assertThat(iam.listUsers().users()).isNotEmpty();
                assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                            "User: arn:aws:iam::000000000000:user/fed is not authorized to perform: iam:ListRoles");
                });
            }
        }
    }

    @Test
    void aUsersGroupGrantsAndItsPermissionsBoundaryLimits() {
        root.createUser(r -> r.userName("grouped"));
        var key = root.createAccessKey(r -> r.userName("grouped")).accessKey();
        try (IamClient iam = iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            assertThatThrownBy(iam::listRoles).isInstanceOf(IamException.class);
            root.createGroup(r -> r.groupName("readers"));
            root.putGroupPolicy(r -> r.groupName("readers").policyName("roles").policyDocument(
                    ALLOW.formatted("iam:List*")));
            root.addUserToGroup(r -> r.groupName("readers").userName("grouped"));
            assertThat(iam.listRoles().roles()).isNotNull();

            String boundary = root.createPolicy(r -> r.policyName("only-users").policyDocument(
                    ALLOW.formatted("iam:ListUsers"))).policy().arn();
            root.putUserPermissionsBoundary(r -> r.userName("grouped").permissionsBoundary(boundary));
            assertThat(iam.listUsers().users()).isNotEmpty();
            assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(IamException.class, e -> assertThat(
                    e.awsErrorDetails().errorMessage()).contains("because no permissions boundary allows"));
        }
    }

    @Test
    void aFederatedUserHasWhatBothTheUsersPoliciesAndTheSessionPolicyAllow() {
        try (StsClient sts = sts(userKey)) {
            GetFederationTokenResponse withPolicy = sts.getFederationToken(r -> r.name("Bob").durationSeconds(900)
                    .policy(ALLOW.formatted("iam:List*")));
            assertThat(withPolicy.federatedUser().arn()).isEqualTo("arn:aws:sts::000000000000:federated-user/Bob");
            assertThat(withPolicy.federatedUser().federatedUserId()).isEqualTo("000000000000:Bob");
            assertThat(withPolicy.packedPolicySize()).isPositive();
            try (StsClient asBob = sts(session(withPolicy.credentials()));
                 IamClient iam = iam(session(withPolicy.credentials()))) {
                assertThat(asBob.getCallerIdentity().arn()).isEqualTo(withPolicy.federatedUser().arn());
                assertThat(iam.listUsers().users()).isNotEmpty();
                // The session policy allows it, the user's own policies do not.
                assertThatThrownBy(iam::listRoles).isInstanceOf(IamException.class);
            }
            GetFederationTokenResponse noPolicy = sts.getFederationToken(r -> r.name("Eve"));
            try (IamClient iam = iam(session(noPolicy.credentials()))) {
                assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).contains("because no session policy allows"));
            }
        }
    }

    @Test
    void aMessageTheEmulatorDidNotEncodeIsAnInvalidAuthorizationMessage() {
        try (StsClient sts = sts(AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))) {
            assertThatThrownBy(() -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("garbage")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAuthorizationMessageException");
                    });
        }
    }
}
