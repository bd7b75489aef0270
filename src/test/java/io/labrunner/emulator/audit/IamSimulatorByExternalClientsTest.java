package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 and the AWS CLI read the policy simulator's answers: they parse IAM's XML with their own models, so
 * a member in the wrong place or of the wrong type shows up here as a missing or garbled field.
 */
class IamSimulatorByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String DENY_GET = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoGet\","
            + "\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    /** Creates a role with AmazonS3ReadOnlyAccess and an inline Deny, then simulates two actions on it. */
    private static final String BOTO3_SCRIPT = """
            import boto3, json, sys
            iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
            arn = iam.create_role(RoleName="boto-crawler", AssumeRolePolicyDocument=sys.argv[2])["Role"]["Arn"]
            iam.attach_role_policy(RoleName="boto-crawler", PolicyArn="arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
            iam.put_role_policy(RoleName="boto-crawler", PolicyName="no-get", PolicyDocument=sys.argv[3])
            principal = iam.simulate_principal_policy(PolicySourceArn=arn,
                ActionNames=["s3:GetObject", "s3:ListBucket"], ResourceArns=["arn:aws:s3:::lake/a.csv"])
            custom = iam.simulate_custom_policy(PolicyInputList=[sys.argv[3]], ActionNames=["s3:GetObject"],
                ContextEntries=[{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["10.0.0.1"],
                                 "ContextKeyType": "ip"}])
            for r in principal["EvaluationResults"] + custom["EvaluationResults"]:
                for s in r.get("MatchedStatements", []):
                    s["StartPosition"] = [s["StartPosition"]["Line"], s["StartPosition"]["Column"]]
                    s["EndPosition"] = [s["EndPosition"]["Line"], s["EndPosition"]["Column"]]
            print(json.dumps({"principal": principal["EvaluationResults"], "custom": custom["EvaluationResults"],
                              "truncated": principal["IsTruncated"]}))
            """;

    @Test
    void boto3ReadsDecisionsMatchedStatementsAndPositions(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result run = external.run(List.of(ExternalClients.PYTHON, "-c", BOTO3_SCRIPT,
                    emulator.getEndpoint().toString(), TRUST, DENY_GET));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode out = JSON.readTree(run.stdout());

            JsonNode get = out.at("/principal/0");
            assertThat(get.path("EvalActionName").asText()).isEqualTo("s3:GetObject");
            assertThat(get.path("EvalResourceName").asText()).isEqualTo("arn:aws:s3:::lake/a.csv");
            assertThat(get.path("EvalDecision").asText()).isEqualTo("explicitDeny");
            assertThat(get.at("/MatchedStatements/0/SourcePolicyId").asText()).isEqualTo("no-get");
            assertThat(get.at("/MatchedStatements/0/SourcePolicyType").asText()).isEqualTo("role");
            assertThat(get.at("/MatchedStatements/0/StartPosition").toString())
                    .isEqualTo("[1," + (DENY_GET.indexOf("{\"Sid\"") + 2) + "]");
            assertThat(get.at("/ResourceSpecificResults/0/EvalResourceDecision").asText()).isEqualTo("explicitDeny");

            JsonNode list = out.at("/principal/1");
            assertThat(list.path("EvalDecision").asText()).isEqualTo("allowed");
            assertThat(list.at("/MatchedStatements/0/SourcePolicyId").asText()).isEqualTo("AmazonS3ReadOnlyAccess");
            assertThat(list.at("/MatchedStatements/0/SourcePolicyType").asText()).isEqualTo("aws-managed");
            assertThat(list.at("/MatchedStatements/0/StartPosition").toString()).isEqualTo("[4,6]");

            assertThat(out.at("/custom/0/EvalResourceName").asText()).isEqualTo("*");
            assertThat(out.at("/custom/0/EvalDecision").asText()).isEqualTo("explicitDeny");
            assertThat(out.at("/custom/0/MissingContextValues").isArray()).isTrue();
            assertThat(out.path("truncated").asBoolean()).isFalse();
        }
    }

    @Test
    void theAwsCliSimulatesACustomPolicyAsItsReferenceExampleShows(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                    + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}";
            ExternalClients.Result allowed = external.aws(emulator.getEndpoint().toString(), "iam",
                    "simulate-custom-policy", "--policy-input-list", policy, "--action-names", "dynamodb:CreateBackup",
                    "--context-entries",
                    "ContextKeyName='aws:CurrentTime',ContextKeyValues='2019-04-25T11:00:00Z',ContextKeyType=date");
            assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
            JsonNode result = JSON.readTree(allowed.stdout()).at("/EvaluationResults/0");
            assertThat(result.path("EvalDecision").asText()).isEqualTo("allowed");
            assertThat(result.at("/MatchedStatements/0/SourcePolicyId").asText()).isEqualTo("PolicyInputList.1");
            assertThat(result.at("/MatchedStatements/0/StartPosition/Column").asInt()).isEqualTo(38);
            assertThat(result.at("/MatchedStatements/0/EndPosition/Column").asInt()).isEqualTo(167);

            ExternalClients.Result before = external.aws(emulator.getEndpoint().toString(), "iam",
                    "simulate-custom-policy", "--policy-input-list", policy, "--action-names", "dynamodb:CreateBackup",
                    "--context-entries",
                    "ContextKeyName='aws:CurrentTime',ContextKeyValues='2014-04-25T11:00:00Z',ContextKeyType=date");
            assertThat(JSON.readTree(before.stdout()).at("/EvaluationResults/0/EvalDecision").asText())
                    .isEqualTo("implicitDeny");

            ExternalClients.Result malformed = external.aws(emulator.getEndpoint().toString(), "iam", "create-policy",
                    "--policy-name", "bad", "--policy-document",
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}}");
            assertThat(malformed.exitCode()).isNotZero();
            assertThat(malformed.stderr()).contains("(MalformedPolicyDocument)")
                    .contains("Actions/Conditions must be prefaced by a vendor");
        }
    }
}
