package io.labrunner.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class IamServiceTest {
    public static final String GLUE_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    public static final String EC2_TRUST = GLUE_TRUST.replace("glue.amazonaws.com", "ec2.amazonaws.com");
    static final String S3_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\"],\"Resource\":\"*\"}]}";

    private final IamService iam = new IamService();

    /** Sends a form-encoded request the way the SDK's query protocol does. */
    public static AwsRequest form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        fields.put("Version", "2010-05-08");
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return new AwsRequest("POST", "/", Map.of(),
                Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
                body.toString().getBytes(StandardCharsets.UTF_8), "iam", "us-east-1", "test");
    }

    /**
     * The response body of a call; an error response comes back as the AwsException it renders (code,
     * message and status read from IAM's XML), so tests can assert on it as on any thrown error.
     */
    String call(String... pairs) {
        AwsResponse response = iam.handle(form(pairs));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() >= 300) {
            assertThat(body).contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">");
            throw new AwsException(unescape(field(body, "Code")), unescape(field(body, "Message")), response.status());
        }
        return body;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    static String field(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">").matcher(xml);
        assertThat(m.find()).as("element %s in %s", element, xml).isTrue();
        return m.group(1);
    }

    void createGlueRole(String name) {
        call("Action", "CreateRole", "RoleName", name, "AssumeRolePolicyDocument", GLUE_TRUST);
    }

    @Test
    void createRoleAnswersTheRoleWithArnIdAndEncodedTrustPolicy() {
        String xml = call("Action", "CreateRole", "RoleName", "crawler-role", "Path", "/service-role/",
                "Description", "for the crawler", "AssumeRolePolicyDocument", GLUE_TRUST,
                "Tags.member.1.Key", "lab:run-id", "Tags.member.1.Value", "r1");

        assertThat(xml).startsWith("<?xml").contains("<CreateRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<CreateRoleResult><Role>").contains("<RequestId>");
        assertThat(field(xml, "Arn")).isEqualTo("arn:aws:iam::000000000000:role/service-role/crawler-role");
        assertThat(field(xml, "RoleId")).matches("AROA[A-Z0-9]{17}");
        assertThat(field(xml, "Path")).isEqualTo("/service-role/");
        assertThat(field(xml, "AssumeRolePolicyDocument")).startsWith("%7B%22Version%22");
        assertThat(URLDecoder.decode(field(xml, "AssumeRolePolicyDocument"), StandardCharsets.UTF_8))
                .isEqualTo(GLUE_TRUST);
        assertThat(field(xml, "Key")).isEqualTo("lab:run-id");
    }

    @Test
    void creatingARoleTwiceFailsWithEntityAlreadyExists() {
        createGlueRole("dup");
        assertThatThrownBy(() -> createGlueRole("dup"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("EntityAlreadyExists");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Role with name dup already exists.");
                });
    }

    @Test
    void aRoleNameWithASpaceIsAValidationError() {
        assertThatThrownBy(() -> createGlueRole("bad name"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("'bad name'").contains("roleName");
                });
    }

    @Test
    void aTrustPolicyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> call("Action", "CreateRole", "RoleName", "r",
                "AssumeRolePolicyDocument", "{not json"))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.code()).isEqualTo("MalformedPolicyDocument"));
    }

    @Test
    void getRoleOfAMissingRoleFailsWithNoSuchEntity() {
        assertThatThrownBy(() -> call("Action", "GetRole", "RoleName", "ghost"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("NoSuchEntity");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("The role with name ghost cannot be found.");
                });
    }

    @Test
    void getRoleReturnsWhatWasCreated() {
        createGlueRole("reader");
        String xml = call("Action", "GetRole", "RoleName", "reader");
        assertThat(xml).contains("<GetRoleResult><Role>");
        assertThat(field(xml, "RoleName")).isEqualTo("reader");
    }

    @Test
    void inlinePoliciesArePutListedReadAndDeleted() {
        createGlueRole("r");
        call("Action", "PutRolePolicy", "RoleName", "r", "PolicyName", "s3-read", "PolicyDocument", S3_POLICY);

        assertThat(field(call("Action", "ListRolePolicies", "RoleName", "r"), "PolicyNames"))
                .isEqualTo("<member>s3-read</member>");
        String got = call("Action", "GetRolePolicy", "RoleName", "r", "PolicyName", "s3-read");
        assertThat(URLDecoder.decode(field(got, "PolicyDocument"), StandardCharsets.UTF_8)).isEqualTo(S3_POLICY);

        call("Action", "DeleteRolePolicy", "RoleName", "r", "PolicyName", "s3-read");
        assertThat(call("Action", "ListRolePolicies", "RoleName", "r")).contains("<PolicyNames></PolicyNames>");
    }

    @Test
    void gettingAMissingInlinePolicyFailsWithNoSuchEntity() {
        createGlueRole("r");
        assertThatThrownBy(() -> call("Action", "GetRolePolicy", "RoleName", "r", "PolicyName", "nope"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("NoSuchEntity");
                    assertThat(e.getMessage()).isEqualTo("The role policy with name nope cannot be found.");
                });
    }

    @Test
    void awsManagedPoliciesAttachListAndDetach() {
        createGlueRole("r");
        String arn = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole";
        call("Action", "AttachRolePolicy", "RoleName", "r", "PolicyArn", arn);

        String listed = call("Action", "ListAttachedRolePolicies", "RoleName", "r");
        assertThat(field(listed, "PolicyName")).isEqualTo("AWSGlueServiceRole");
        assertThat(field(listed, "PolicyArn")).isEqualTo(arn);

        call("Action", "DetachRolePolicy", "RoleName", "r", "PolicyArn", arn);
        assertThat(call("Action", "ListAttachedRolePolicies", "RoleName", "r"))
                .contains("<AttachedPolicies></AttachedPolicies>");
    }

    @Test
    void attachingAnUnknownCustomerPolicyFailsWithNoSuchEntity() {
        createGlueRole("r");
        String arn = "arn:aws:iam::000000000000:policy/missing";
        assertThatThrownBy(() -> call("Action", "AttachRolePolicy", "RoleName", "r", "PolicyArn", arn))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("NoSuchEntity");
                    assertThat(e.getMessage()).isEqualTo("Policy " + arn + " does not exist or is not attachable.");
                });
    }

    @Test
    void deletingARoleWithInlinePoliciesIsADeleteConflict() {
        createGlueRole("r");
        call("Action", "PutRolePolicy", "RoleName", "r", "PolicyName", "p", "PolicyDocument", S3_POLICY);
        assertThatThrownBy(() -> call("Action", "DeleteRole", "RoleName", "r"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("DeleteConflict");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Cannot delete entity, must delete policies first.");
                });
    }

    @Test
    void deletingARoleWithAttachedPoliciesIsADeleteConflict() {
        createGlueRole("r");
        call("Action", "AttachRolePolicy", "RoleName", "r", "PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        assertThatThrownBy(() -> call("Action", "DeleteRole", "RoleName", "r"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Cannot delete entity, must detach all policies first."));
    }

    @Test
    void aDeletedRoleIsGone() {
        createGlueRole("r");
        call("Action", "DeleteRole", "RoleName", "r");
        assertThat(iam.directory().role("r")).isEmpty();
        assertThatThrownBy(() -> call("Action", "DeleteRole", "RoleName", "r"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("NoSuchEntity"));
    }

    @Test
    void listRolesPagesWithMarker() {
        createGlueRole("a");
        createGlueRole("b");
        createGlueRole("c");
        String first = call("Action", "ListRoles", "MaxItems", "2");
        assertThat(field(first, "IsTruncated")).isEqualTo("true");
        assertThat(first).contains("<RoleName>a</RoleName>").contains("<RoleName>b</RoleName>")
                .doesNotContain("<RoleName>c</RoleName>");
        String second = call("Action", "ListRoles", "MaxItems", "2", "Marker", field(first, "Marker"));
        assertThat(second).contains("<RoleName>c</RoleName>");
        assertThat(field(second, "IsTruncated")).isEqualTo("false");
    }

    @Test
    void listRolesEntriesAreMembersHoldingTheRoleFieldsWithoutARoleWrapper() {
        createGlueRole("a");

        String xml = call("Action", "ListRoles");

        assertThat(xml).contains("<Roles><member><Path>/</Path><RoleName>a</RoleName>").doesNotContain("<Role>");
    }

    @Test
    void aMaxItemsThatIsNotANumberIsAnInvalidParameterValue() {
        assertThatThrownBy(() -> call("Action", "ListRoles", "MaxItems", "abc"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("MaxItems").doesNotContain("java");
                });
    }

    @Test
    void aMaxItemsOutsideOneToAThousandIsAValidationError() {
        assertThatThrownBy(() -> call("Action", "ListRoles", "MaxItems", "0"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.getMessage()).contains("'maxItems'").contains("greater than or equal to 1");
                });
    }

    @Test
    void aNegativeOrGarbledMarkerIsAnInvalidParameterValue() {
        for (String marker : new String[] {"-1", "x"}) {
            assertThatThrownBy(() -> call("Action", "ListRoles", "Marker", marker))
                    .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        }
    }

    @Test
    void anEmptyMarkerBreaksTheModelsMinimumLengthAndIsAValidationError() {
        // IAM's model gives markerType a pattern and a minimum length of 1, checked before the handler reads
        // the marker; '' breaks both, reported pattern first (as STS answers an empty roleArn, newscorpaus/consigliere#18).
        assertThatThrownBy(() -> call("Action", "ListRoles", "Marker", ""))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.getMessage()).isEqualTo("2 validation errors detected: Value '' at 'marker' failed to"
                            + " satisfy constraint: Member must satisfy regular expression pattern: [\\u0020-\\u00FF]+;"
                            + " Value '' at 'marker' failed to satisfy constraint: Member must have length greater than"
                            + " or equal to 1");
                });
    }

    @Test
    void aMaxSessionDurationOutsideAnHourToTwelveIsAValidationError() {
        assertThatThrownBy(() -> call("Action", "CreateRole", "RoleName", "r", "AssumeRolePolicyDocument", GLUE_TRUST,
                "MaxSessionDuration", "60"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
        assertThat(iam.directory().role("r")).isEmpty();
    }

    @Test
    void anActionIamDoesNotHaveAndOneTheEmulatorLacksAreBothInvalidActions() {
        assertThatThrownBy(() -> call("Action", "GetEverything"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidAction");
                    assertThat(e.status()).isEqualTo(400);
                });
        assertThatThrownBy(() -> call("Action", "CreateLoginProfile", "UserName", "u"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidAction");
                    assertThat(e.getMessage()).contains("IAM CreateLoginProfile");
                });
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        createGlueRole("r");
        call("Action", "TagRole", "RoleName", "r", "Tags.member.1.Key", "team", "Tags.member.1.Value", "data");
        assertThat(field(call("Action", "ListRoleTags", "RoleName", "r"), "Value")).isEqualTo("data");
        call("Action", "UntagRole", "RoleName", "r", "TagKeys.member.1", "team");
        assertThat(call("Action", "ListRoleTags", "RoleName", "r")).contains("<Tags></Tags>");
    }

    @Test
    void anAccountHasNoAliasUntilOneIsCreatedAndARefusedOneIsNotKept() {
        assertThat(call("Action", "ListAccountAliases")).contains("<AccountAliases></AccountAliases>");
        assertThatThrownBy(() -> call("Action", "CreateAccountAlias", "AccountAlias", "Bad--Alias"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
        assertThat(call("Action", "ListAccountAliases")).contains("<AccountAliases></AccountAliases>");
    }

    @Test
    void theDirectoryFindsRolesByNameOrArnAndAnswersTheTrustQuestion() {
        createGlueRole("glue-role");
        call("Action", "CreateRole", "RoleName", "ec2-role", "AssumeRolePolicyDocument", EC2_TRUST);
        IamDirectory dir = iam.directory();

        assertThat(dir.role("arn:aws:iam::000000000000:role/glue-role")).isPresent();
        assertThat(dir.trustsService("glue-role", "glue.amazonaws.com")).isTrue();
        assertThat(dir.trustsService("ec2-role", "glue.amazonaws.com")).isFalse();
        assertThat(dir.trustsService("nobody", "glue.amazonaws.com")).isFalse();
    }

    @Test
    void updateAssumeRolePolicyChangesWhoMayAssumeTheRole() {
        call("Action", "CreateRole", "RoleName", "r", "AssumeRolePolicyDocument", EC2_TRUST);
        call("Action", "UpdateAssumeRolePolicy", "RoleName", "r", "PolicyDocument", GLUE_TRUST);
        assertThat(iam.directory().trustsService("r", "glue.amazonaws.com")).isTrue();
    }

}
