package io.labrunner.emulator.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator against the IAM User Guide's "Policy evaluation logic", "IAM JSON policy elements" and
 * "Condition operators" pages, one documented rule per test.
 */
class PolicyEvaluatorTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/crawler";
    private static final String OBJECT = "arn:aws:s3:::lake/raw/sales.csv";

    static SourcedPolicy identity(String statements) {
        return new SourcedPolicy("p", "role",
                PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", PolicyKind.IDENTITY));
    }

    static SourcedPolicy resourcePolicy(String statements) {
        return new SourcedPolicy("ResourcePolicy", "resource",
                PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", PolicyKind.RESOURCE));
    }

    static EvalDecision decide(String action, String resource, RequestContext.Builder context, SourcedPolicy... policies) {
        return PolicyEvaluator.evaluate(PolicySet.identityOnly(Arrays.asList(policies)),
                context == null ? RequestContext.builder(action, resource).build() : context.build()).decision();
    }

    static EvalDecision decide(String action, String resource, SourcedPolicy... policies) {
        return decide(action, resource, null, policies);
    }

    static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    static String deny(String action, String resource) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    // evaluation logic
    @Test
    void withNoStatementThatAppliesTheRequestIsImplicitlyDenied() {
        assertThat(decide("s3:GetObject", OBJECT, identity(allow("s3:PutObject", "*"))))
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void anAllowThatAppliesAllowsAndIsReportedAsTheMatchedStatement() {
        Decision d = PolicyEvaluator.evaluate(PolicySet.identityOnly(List.of(identity(allow("s3:GetObject", "*")))),
                RequestContext.builder("s3:GetObject", OBJECT).build());
        assertThat(d.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(d.matched()).hasSize(1);
    }

    @Test
    void anExplicitDenyInAnyPolicyOverridesEveryAllow() {
        Decision d = PolicyEvaluator.evaluate(PolicySet.identityOnly(List.of(identity(allow("s3:*", "*")),
                identity(deny("s3:GetObject", "arn:aws:s3:::lake/*")))), RequestContext.builder("s3:GetObject", OBJECT).build());
        assertThat(d.decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
        assertThat(d.matched()).extracting(m -> m.statement().effect()).containsExactly(Effect.DENY);
    }

    @Test
    void withinOneAccountAResourcePolicyThatNamesThePrincipalAllowsWithoutAnIdentityPolicy() {
        SourcedPolicy bucket = resourcePolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROLE + "\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lake/*\"}");
        RequestContext request = RequestContext.builder("s3:GetObject", OBJECT).principal(ROLE).build();
        assertThat(PolicyEvaluator.evaluate(new PolicySet(List.of(), bucket, List.of()), request).decision())
                .isEqualTo(EvalDecision.ALLOWED);
        RequestContext other = RequestContext.builder("s3:GetObject", OBJECT)
                .principal("arn:aws:iam::000000000000:role/other").build();
        assertThat(PolicyEvaluator.evaluate(new PolicySet(List.of(), bucket, List.of()), other).decision())
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void aDenyInTheResourcePolicyOverridesAnIdentityAllow() {
        SourcedPolicy bucket = resourcePolicy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::lake/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}");
        RequestContext plain = RequestContext.builder("s3:GetObject", OBJECT).principal(ROLE)
                .key("aws:SecureTransport", "false").build();
        PolicySet set = new PolicySet(List.of(identity(allow("s3:*", "*"))), bucket, List.of());
        assertThat(PolicyEvaluator.evaluate(set, plain).decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
        RequestContext tls = RequestContext.builder("s3:GetObject", OBJECT).principal(ROLE)
                .key("aws:SecureTransport", "true").build();
        assertThat(PolicyEvaluator.evaluate(set, tls).decision()).isEqualTo(EvalDecision.ALLOWED);
    }

    @Test
    void aPermissionsBoundaryLimitsWhatIdentityPoliciesAllow() {
        PolicySet set = new PolicySet(List.of(identity(allow("s3:*", "*"))), null,
                List.of(identity(allow("s3:GetObject", "*"))));
        Decision put = PolicyEvaluator.evaluate(set, RequestContext.builder("s3:PutObject", OBJECT).build());
        assertThat(put.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(put.allowedByBoundary()).isFalse();
        Decision get = PolicyEvaluator.evaluate(set, RequestContext.builder("s3:GetObject", OBJECT).build());
        assertThat(get.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(get.allowedByBoundary()).isTrue();
    }

    @Test
    void aRoleArnInAResourcePolicyNamesTheRolesSessionsAndTheAccountRootNamesEveryone() {
        SourcedPolicy byRole = resourcePolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROLE + "\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        SourcedPolicy byAccount = resourcePolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        RequestContext session = RequestContext.builder("s3:GetObject", OBJECT)
                .principal("arn:aws:sts::000000000000:assumed-role/crawler/job-1").build();
        assertThat(PolicyEvaluator.evaluate(new PolicySet(List.of(), byRole, List.of()), session).decision())
                .isEqualTo(EvalDecision.ALLOWED);
        RequestContext stranger = RequestContext.builder("s3:GetObject", OBJECT)
                .principal("arn:aws:iam::111122223333:role/crawler").build();
        assertThat(PolicyEvaluator.evaluate(new PolicySet(List.of(), byAccount, List.of()), stranger).decision())
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    // actions and resources
    @Test
    void actionsMatchWildcardsAndIgnoreCase() {
        assertThat(decide("s3:GetObject", OBJECT, identity(allow("s3:Get*", "*")))).isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("S3:getobject", OBJECT, identity(allow("s3:GetObject", "*")))).isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("s3:GetObject", OBJECT, identity(allow("s3:Get?bject", "*")))).isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("s3:PutObject", OBJECT, identity(allow("s3:Get*", "*")))).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(decide("s3:GetObjects", OBJECT, identity(allow("s3:GetObjec?", "*")))).isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void resourcesMatchCaseSensitively() {
        assertThat(decide("s3:GetObject", OBJECT, identity(allow("s3:GetObject", "arn:aws:s3:::Lake/*"))))
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(decide("s3:GetObject", OBJECT, identity(allow("s3:GetObject", "arn:aws:s3:::lake/*"))))
                .isEqualTo(EvalDecision.ALLOWED);
    }

    @Test
    void aBucketArnDoesNotCoverItsObjects() {
        assertThat(decide("s3:GetObject", OBJECT, identity(allow("s3:GetObject", "arn:aws:s3:::lake"))))
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void wildcardsInTheRegionStayInsideTheRegionWhileTheResourcePartSpansSlashesAndColons() {
        String table = "arn:aws:dynamodb:us-east-1:000000000000:table/t";
        assertThat(decide("dynamodb:GetItem", table, identity(allow("dynamodb:GetItem", "arn:aws:dynamodb:us-*:*:table/*"))))
                .isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("logs:PutLogEvents", "arn:aws:logs:us-east-1:000000000000:log-group:/aws-glue/crawlers:log-stream:x",
                identity(allow("logs:PutLogEvents", "arn:aws:logs:*:*:*:/aws-glue/*")))).isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("dynamodb:GetItem", table, identity(allow("dynamodb:GetItem", "arn:aws:dynamodb:*-1:*:table/t"))))
                .isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("dynamodb:GetItem", table,
                identity(allow("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/t*x"))))
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void notActionAllowsEverythingButTheNamedActions() {
        SourcedPolicy p = identity("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}");
        assertThat(decide("s3:GetObject", OBJECT, p)).isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("iam:CreateUser", "*", p)).isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void notResourceWithDenyDeniesEverywhereButTheNamedResources() {
        SourcedPolicy p = identity(allow("s3:*", "*") + ",{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"NotResource\":[\"arn:aws:s3:::lake\",\"arn:aws:s3:::lake/*\"]}");
        assertThat(decide("s3:GetObject", OBJECT, p)).isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("s3:GetObject", "arn:aws:s3:::other/x", p)).isEqualTo(EvalDecision.EXPLICIT_DENY);
    }

    @Test
    void aSimulatedStarResourceIsMatchedOnlyByAStarPattern() {
        assertThat(decide("s3:GetObject", "*", identity(allow("s3:GetObject", "arn:aws:s3:::lake/*"))))
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(decide("s3:GetObject", "*", identity(allow("s3:GetObject", "*")))).isEqualTo(EvalDecision.ALLOWED);
    }

    // policy variables in resources
    @Test
    void aVariableIsReplacedByTheRequestsValue() {
        SourcedPolicy p = identity(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"));
        assertThat(decide("s3:GetObject", "arn:aws:s3:::home/ana/notes",
                RequestContext.builder("s3:GetObject", "arn:aws:s3:::home/ana/notes").key("aws:username", "ana"), p))
                .isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("s3:GetObject", "arn:aws:s3:::home/bob/notes",
                RequestContext.builder("s3:GetObject", "arn:aws:s3:::home/bob/notes").key("aws:username", "ana"), p))
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void aMissingVariableMatchesNothingAndIsReportedMissingUnlessItHasADefault() {
        SourcedPolicy p = identity(allow("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalTag/team}/*"));
        Decision d = PolicyEvaluator.evaluate(PolicySet.identityOnly(List.of(p)),
                RequestContext.builder("s3:GetObject", "arn:aws:s3:::home/ml/x").build());
        assertThat(d.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(d.missingContextValues()).containsExactly("aws:PrincipalTag/team");
        SourcedPolicy withDefault = identity(allow("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalTag/team, 'ml'}/*"));
        assertThat(decide("s3:GetObject", "arn:aws:s3:::home/ml/x", withDefault)).isEqualTo(EvalDecision.ALLOWED);
    }

    @Test
    void theEscapesStandForLiteralCharactersNotWildcards() {
        SourcedPolicy p = identity(allow("s3:GetObject", "arn:aws:s3:::lake/${*}"));
        assertThat(decide("s3:GetObject", "arn:aws:s3:::lake/*", p)).isEqualTo(EvalDecision.ALLOWED);
        assertThat(decide("s3:GetObject", "arn:aws:s3:::lake/anything", p)).isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void documentsOfVersion2008ReadVariablesLiterally() {
        String statement = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}\"}";
        SourcedPolicy old = new SourcedPolicy("ResourcePolicy", "resource", PolicyDocument.parse(
                "{\"Version\":\"2008-10-17\",\"Statement\":" + statement + "}", PolicyKind.RESOURCE));
        RequestContext literal = RequestContext.builder("s3:GetObject", "arn:aws:s3:::home/${aws:username}")
                .key("aws:username", "ana").build();
        RequestContext substituted = RequestContext.builder("s3:GetObject", "arn:aws:s3:::home/ana")
                .key("aws:username", "ana").build();
        assertThat(PolicyEvaluator.evaluate(new PolicySet(List.of(), old, List.of()), literal).decision())
                .isEqualTo(EvalDecision.ALLOWED);
        assertThat(PolicyEvaluator.evaluate(new PolicySet(List.of(), old, List.of()), substituted).decision())
                .isEqualTo(EvalDecision.IMPLICIT_DENY);
    }
}
