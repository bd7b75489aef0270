package io.labrunner.emulator.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Policy documents read as IAM reads them, and refused with IAM's MalformedPolicyDocument messages. */
class PolicyParserTest {

    private static void refused(String document, PolicyKind kind, String message) {
        assertThatThrownBy(() -> PolicyDocument.parse(document, kind))
                .isInstanceOf(MalformedPolicyException.class).hasMessage(message);
    }

    @Test
    void aStatementMayBeAnObjectOrAnArrayAndActionsAndResourcesAStringOrAList() {
        PolicyDocument one = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Read\","
                + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::a/*\",\"arn:aws:s3:::b/*\"]}}",
                PolicyKind.IDENTITY);
        assertThat(one.statements()).hasSize(1);
        assertThat(one.statements().get(0).sid()).isEqualTo("Read");
        assertThat(one.statements().get(0).resources().values()).hasSize(2);
    }

    @Test
    void statementPositionsAreThoseTheAwsCliReferenceShowsForItsExample() {
        // aws iam simulate-custom-policy, Example 1: StartPosition 1:38, EndPosition 1:167.
        PolicyDocument d = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"dynamodb:*\",\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":"
                + "{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}", PolicyKind.IDENTITY);
        assertThat(d.statements().get(0).start()).isEqualTo(new Position(1, 38));
        assertThat(d.statements().get(0).end()).isEqualTo(new Position(1, 167));
    }

    @Test
    void positionsCountLinesInAPrettyPrintedDocument() {
        PolicyDocument d = PolicyDocument.parse("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n"
                + "      \"Effect\": \"Allow\",\n      \"Action\": \"s3:*\",\n      \"Resource\": \"*\"\n    },\n"
                + "    {\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\", \"Resource\": \"*\"}\n  ]\n}", PolicyKind.IDENTITY);
        assertThat(d.statements().get(0).start()).isEqualTo(new Position(4, 6));
        assertThat(d.statements().get(0).end()).isEqualTo(new Position(8, 6));
        assertThat(d.statements().get(1).start()).isEqualTo(new Position(9, 6));
    }

    @Test
    void textThatIsNotJsonIsInvalidJson() {
        refused("{\"Version\":\"2012-10-17\",", PolicyKind.IDENTITY, "This policy contains invalid Json");
        refused("[]", PolicyKind.IDENTITY, "This policy contains invalid Json");
    }

    @Test
    void grammarErrorsAreSyntaxErrors() {
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY, "Syntax errors in policy.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Extra\":1}}",
                PolicyKind.IDENTITY, "Syntax errors in policy.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"s3:Get*\","
                + "\"Resource\":\"*\"}}", PolicyKind.IDENTITY, "Syntax errors in policy.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEqualz\":{\"aws:username\":\"a\"}}}}", PolicyKind.IDENTITY, "Syntax errors in policy.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":[]}", PolicyKind.IDENTITY, "Syntax errors in policy.");
    }

    @Test
    void anIdentityPolicyNeedsActionsAndResourcesAndNoPrincipalAndAManagedOneTheCurrentVersion() {
        refused("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", PolicyKind.MANAGED,
                "Policy document must be version 2012-10-17 or greater.");
        assertThat(PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY).version()).isNull();
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}", PolicyKind.IDENTITY,
                "Policy statement must contain actions.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}", PolicyKind.IDENTITY,
                "Policy statement must contain resources.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}}", PolicyKind.IDENTITY, "Policy document should not specify a principal.");
    }

    @Test
    void aLowerCaseEffectPassesTheGrammarButFailsLegacyParsing() {
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY, "The policy failed legacy parsing");
    }

    @Test
    void sidsMustBeUnique() {
        refused("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"},{\"Sid\":\"a\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                PolicyKind.IDENTITY, "Statement IDs (SID) in a single policy must be unique.");
    }

    @Test
    void resourcesAndActionsNameTheirProblem() {
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"my-bucket\"}}",
                PolicyKind.IDENTITY, "Resource my-bucket must be in ARN format or \"*\".");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get:Object\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY, "Actions/Condition can contain only one colon.");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s 3:GetObject\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY, "Vendor s 3 is not valid");
    }

    @Test
    void aTrustPolicyNeedsAPrincipalAndNoResource() {
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}",
                PolicyKind.TRUST, "Missing required field Principal");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"glue.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}", PolicyKind.TRUST, "Has prohibited field Resource");
        assertThat(PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}", PolicyKind.TRUST)
                .statements().get(0).principals().byType()).containsKey("Service");
    }
}
