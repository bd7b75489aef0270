package io.labrunner.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** IAM users, their policies, groups and access keys through the SDK, and the keys really signing requests. */
class IamUsersSdkTest {
    static final String LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";
    private static Emulator emulator;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        iam = iamAs(emulator, emulator.getAccessKey(), emulator.getSecretKey());
    }

    @AfterAll
    static void stop() {
        iam.close();
        emulator.close();
    }

    static IamClient iamAs(Emulator emulator, String key, String secret) {
        return IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))).build();
    }

    static StsClient stsAs(Emulator emulator, String key, String secret) {
        return StsClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))).build();
    }

    @Test
    void aCreatedUserIsReadListedRenamedAndTaggedAsIamAnswers() {
        User created = iam.createUser(r -> r.userName("ana").path("/team/")
                .tags(Tag.builder().key("team").value("ml").build())).user();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:user/team/ana");
        assertThat(created.userId()).startsWith("AIDA").hasSize(21);

        User read = iam.getUser(r -> r.userName("ANA")).user();
        assertThat(read.userName()).isEqualTo("ana");
        assertThat(read.tags()).extracting(Tag::key).containsExactly("team");
        assertThat(iam.listUsers(r -> r.pathPrefix("/team/")).users()).extracting(User::userName).contains("ana");

        iam.tagUser(r -> r.userName("ana").tags(Tag.builder().key("cost").value("lab").build()));
        iam.untagUser(r -> r.userName("ana").tagKeys("team"));
        assertThat(iam.listUserTags(r -> r.userName("ana")).tags()).extracting(Tag::key).containsExactly("cost");

        iam.updateUser(r -> r.userName("ana").newUserName("ana2").newPath("/"));
        assertThat(iam.getUser(r -> r.userName("ana2")).user().arn())
                .isEqualTo("arn:aws:iam::000000000000:user/ana2");
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("ana"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aMissingUserIsNoSuchEntityWithIamsMessage() {
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The user with name nobody cannot be found.");
                });
    }

    @Test
    void aUserIsNotDeletedWhileItHasKeysPoliciesOrGroups() {
        iam.createUser(r -> r.userName("busy"));
        String key = iam.createAccessKey(r -> r.userName("busy")).accessKey().accessKeyId();
        iam.putUserPolicy(r -> r.userName("busy").policyName("list").policyDocument(LIST_USERS));
        iam.createGroup(r -> r.groupName("busy-group"));
        iam.addUserToGroup(r -> r.groupName("busy-group").userName("busy"));

        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("busy")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Cannot delete entity, must delete access keys first."));
        iam.deleteAccessKey(r -> r.userName("busy").accessKeyId(key));
        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("busy")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Cannot delete entity, must delete policies first."));
        iam.deleteUserPolicy(r -> r.userName("busy").policyName("list"));
        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("busy")))
                .isInstanceOf(DeleteConflictException.class);
        assertThat(iam.listGroupsForUser(r -> r.userName("busy")).groups()).singleElement()
                .satisfies(g -> assertThat(g.groupName()).isEqualTo("busy-group"));
        assertThatThrownBy(() -> iam.deleteGroup(r -> r.groupName("busy-group")))
                .isInstanceOf(DeleteConflictException.class);
        iam.removeUserFromGroup(r -> r.groupName("busy-group").userName("busy"));

        iam.deleteUser(r -> r.userName("busy"));
        iam.deleteGroup(r -> r.groupName("busy-group"));
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("busy"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void userPoliciesInlineAndAttachedAreListedAndRead() {
        iam.createUser(r -> r.userName("pol"));
        iam.putUserPolicy(r -> r.userName("pol").policyName("list").policyDocument(LIST_USERS));
        iam.attachUserPolicy(r -> r.userName("pol").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));

        assertThat(iam.listUserPolicies(r -> r.userName("pol")).policyNames()).containsExactly("list");
        assertThat(java.net.URLDecoder.decode(iam.getUserPolicy(r -> r.userName("pol").policyName("list"))
                .policyDocument(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(LIST_USERS);
        assertThat(iam.listAttachedUserPolicies(r -> r.userName("pol")).attachedPolicies())
                .singleElement().satisfies(p -> assertThat(p.policyName()).isEqualTo("AmazonS3ReadOnlyAccess"));
        assertThatThrownBy(() -> iam.getUserPolicy(r -> r.userName("pol").policyName("none")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("The user policy with name none cannot be found."));
        iam.detachUserPolicy(r -> r.userName("pol").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        assertThat(iam.listAttachedUserPolicies(r -> r.userName("pol")).attachedPolicies()).isEmpty();
    }

    @Test
    void aCreatedAccessKeySignsAsItsUserUntilItIsMadeInactive() {
        iam.createUser(r -> r.userName("signer"));
        AccessKey key = iam.createAccessKey(r -> r.userName("signer")).accessKey();
        assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);

        try (StsClient sts = stsAs(emulator, key.accessKeyId(), key.secretAccessKey());
             IamClient asUser = iamAs(emulator, key.accessKeyId(), key.secretAccessKey())) {
            var identity = sts.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:user/signer");
            assertThat(identity.userId()).startsWith("AIDA");
            assertThat(asUser.getUser().user().userName()).isEqualTo("signer");
            assertThat(asUser.listAccessKeys().accessKeyMetadata()).singleElement()
                    .satisfies(m -> assertThat(m.accessKeyId()).isEqualTo(key.accessKeyId()));

            var lastUsed = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
            assertThat(lastUsed.userName()).isEqualTo("signer");
            assertThat(lastUsed.accessKeyLastUsed().lastUsedDate()).isNotNull();
            assertThat(lastUsed.accessKeyLastUsed().serviceName()).isIn("sts", "iam");

            iam.updateAccessKey(r -> r.userName("signer").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            });
        }
        try (StsClient wrongSecret = stsAs(emulator, key.accessKeyId(), "not-the-secret")) {
            iam.updateAccessKey(r -> r.userName("signer").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
            assertThatThrownBy(wrongSecret::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
        }
    }

    @Test
    void aUserHasAtMostTwoAccessKeys() {
        iam.createUser(r -> r.userName("two-keys"));
        iam.createAccessKey(r -> r.userName("two-keys"));
        iam.createAccessKey(r -> r.userName("two-keys"));
        assertThatThrownBy(() -> iam.createAccessKey(r -> r.userName("two-keys")))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
                });
        assertThat(iam.listAccessKeys(r -> r.userName("two-keys")).accessKeyMetadata()).hasSize(2);
        assertThatThrownBy(() -> iam.deleteAccessKey(r -> r.userName("two-keys").accessKeyId("AKIAEXAMPLEEXAMPLE00")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void theRootCallerGetsItselfFromGetUserWithoutAName() {
        User root = iam.getUser().user();
        assertThat(root.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(root.userId()).isEqualTo("000000000000");
    }

    @Test
    void anUnknownIamActionIsAnInvalidActionNotA501() {
        assertThatThrownBy(() -> iam.createLoginProfile(r -> r.userName("x").password("Passw0rd!Passw0rd!")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                });
    }
}
