package io.labrunner.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.protocol.QueryConformance;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM through the protocol core, as a client sees it: the SDK's typed exceptions read from IAM's XML
 * errors, the query protocol's own refusals (no Action, an unknown one, a wrong Version, a value of the
 * wrong type), and state left as it was after a refused request.
 */
class IamQueryProtocolTest {
    private static final String TRUST = IamServiceTest.GLUE_TRUST;
    private static Emulator emulator;
    private static IamClient iam;
    private static QueryConformance raw;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        raw = new QueryConformance(ServiceModels.get("iam"), new SignedHttp(emulator.getEndpoint(), "iam",
                emulator.getRegion()), java.util.List.of());
    }

    @AfterAll
    static void stop() {
        iam.close();
        emulator.close();
    }

    @Test
    void aMissingRoleIsTheSdksNoSuchEntityExceptionWithIamsCodeMessageAndStatus() {
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("ghost")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The role with name ghost cannot be found.");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void aRoleCreatedTwiceIsTheSdksEntityAlreadyExistsException() {
        iam.createRole(r -> r.roleName("twice").assumeRolePolicyDocument(TRUST));
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("twice").assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Role with name twice already exists.");
                });
    }

    @Test
    void aRoleNameOverItsMaximumLengthIsAValidationErrorInIamsWordsAndCreatesNothing() {
        String name = "r".repeat(65);
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '"
                            + name + "' at 'roleName' failed to satisfy constraint: Member must have length less than"
                            + " or equal to 64");
                });
        assertThat(iam.listRoles().roles()).noneMatch(r -> r.roleName().equals(name));
    }

    @Test
    void everyViolationIsListedInOneValidationErrorInModelOrder() {
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("bad name").path("no-slash")
                .assumeRolePolicyDocument(TRUST).maxSessionDuration(60)))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("3 validation errors detected: "
                                + "Value 'no-slash' at 'path' failed to satisfy constraint: Member must satisfy regular"
                                + " expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); "
                                + "Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy"
                                + " regular expression pattern: [\\w+=,.@-]+; "
                                + "Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have"
                                + " value greater than or equal to 3600"));
    }

    @Test
    void tagsTravelAsMemberListsOfStructuresBothWays() {
        iam.createRole(r -> r.roleName("tagged").assumeRolePolicyDocument(TRUST)
                .tags(Tag.builder().key("team").value("data").build(), Tag.builder().key("env").value("lab").build()));
        assertThat(iam.getRole(r -> r.roleName("tagged")).role().tags())
                .extracting(Tag::key, Tag::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("team", "data"), org.assertj.core.groups.Tuple.tuple("env", "lab"));
        iam.untagRole(r -> r.roleName("tagged").tagKeys("team"));
        assertThat(iam.listRoleTags(r -> r.roleName("tagged")).tags()).extracting(Tag::key).containsExactly("env");
    }

    @Test
    void anUnknownActionIsAnInvalidActionNamingItAndTheVersion() throws Exception {
        QueryConformance.Reply reply = raw.send("GetEverything", Map.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.root()).isEqualTo("ErrorResponse");
        assertThat(reply.code()).isEqualTo("InvalidAction");
        assertThat(reply.message()).isEqualTo("Could not find operation GetEverything for version 2010-05-08");
    }

    @Test
    void anActionOfAnotherVersionIsAnInvalidAction() {
        Posted response = post("Action=ListRoles&Version=2011-06-15");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>")
                .contains("Could not find operation ListRoles for version 2011-06-15");
    }

    @Test
    void aRequestWithoutActionIsAMissingActionInIamsErrorShape() {
        Posted response = post("Version=2010-05-08&RoleName=r");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<Error><Type>Sender</Type><Code>MissingAction</Code>");
    }

    @Test
    void anIamActionTheEmulatorLacksIsAnInvalidActionAsIamAnswersNamingIt() throws Exception {
        QueryConformance.Reply reply = raw.send("CreateLoginProfile", Map.of("UserName", "u"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("InvalidAction");
        assertThat(reply.message()).startsWith("Could not find operation CreateLoginProfile for version 2010-05-08")
                .contains("IAM CreateLoginProfile");
    }

    @Test
    void aListGivenAsAPlainValueIsAnInvalidParameterValueAndChangesNothing() throws Exception {
        iam.createRole(r -> r.roleName("kept").assumeRolePolicyDocument(TRUST)
                .tags(Tag.builder().key("team").value("data").build()));
        QueryConformance.Reply reply = raw.send("UntagRole", Map.of("RoleName", "kept", "TagKeys", "team"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("InvalidParameterValue");
        assertThat(reply.message()).contains("TagKeys").contains("TagKeys.member.N");
        assertThat(iam.listRoleTags(r -> r.roleName("kept")).tags()).extracting(Tag::key).containsExactly("team");
    }

    @Test
    void aNumberGivenAsLettersIsAnInvalidParameterValue() throws Exception {
        QueryConformance.Reply reply = raw.send("ListRoles", Map.of("MaxItems", "ten"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("InvalidParameterValue");
        assertThat(reply.message()).isEqualTo("Value 'ten' for parameter MaxItems is not a valid integer.");
    }

    @Test
    void aTagWithoutItsValueIsAValidationErrorAtTheNestedMember() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("RoleName", "half-tagged");
        fields.put("AssumeRolePolicyDocument", TRUST);
        fields.put("Tags.member.1.Key", "team");
        QueryConformance.Reply reply = raw.send("CreateRole", fields);
        assertThat(reply.code()).isEqualTo("ValidationError");
        assertThat(reply.message()).isEqualTo("1 validation error detected: Value null at 'tags.1.member.value' failed"
                + " to satisfy constraint: Member must not be null");
    }

    @Test
    void parametersMayComeInTheUrlsQueryString() {
        // The SDK posts a form; the query string carries the same fields (AWS's query APIs accept both).
        iam.createRole(r -> r.roleName("by-get").assumeRolePolicyDocument(TRUST));
        SignedHttp http = new SignedHttp(emulator.getEndpoint().resolve("/?Action=GetRole&Version=2010-05-08"
                + "&RoleName=by-get"), "iam", emulator.getRegion());
        SignedHttp.Answer answer = http.post(Map.of("Content-Type", "application/x-www-form-urlencoded"), new byte[0]);
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.status()).as(body).isEqualTo(200);
        assertThat(body).contains("<GetRoleResult><Role>").contains("<RoleName>by-get</RoleName>");
    }

    @Test
    void theResponsesRequestIdIsTheHeadersAndAnEmptyOutputHasNoResultElement() throws Exception {
        iam.createRole(r -> r.roleName("to-delete").assumeRolePolicyDocument(TRUST));
        Posted response = post("Action=DeleteRole&Version=2010-05-08&RoleName=to-delete");
        assertThat(response.status()).isEqualTo(200);
        String requestId = response.requestId();
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DeleteRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata>"
                + "<RequestId>" + requestId + "</RequestId></ResponseMetadata></DeleteRoleResponse>");
    }

    @Test
    void aRequestWithoutCredentialsIsRefusedInTheSameErrorShapeAsTheCoresErrors() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.getEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListRoles&Version=2010-05-08")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(response.body()).matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?><ErrorResponse><Error>"
                + "<Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>[^<]+</Message></Error>"
                + "<RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>");
    }

    /** What came back from a signed form POST: status, the request id header, and the body as text. */
    private record Posted(int status, String requestId, String body) {
    }

    private static Posted post(String form) {
        SignedHttp.Answer answer = new SignedHttp(emulator.getEndpoint(), "iam", emulator.getRegion())
                .post(Map.of("Content-Type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8));
        return new Posted(answer.status(), answer.header("x-amzn-RequestId"),
                new String(answer.body(), StandardCharsets.UTF_8));
    }
}
