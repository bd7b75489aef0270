package io.labrunner.emulator.iam.access;

import static io.labrunner.emulator.iam.IamServiceTest.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessControlTest {
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/trainer";
    private static final String OBJECT = "arn:aws:s3:::data/train.csv";
    private static final Caller ROOT = Caller.root("000000000000", "test");
    private static final Caller SESSION = new Caller(
            "arn:aws:sts::000000000000:assumed-role/trainer/job", "ASIAEXAMPLE", ROLE_ARN);

    private final IamService iam = new IamService();

    @BeforeEach
    void createRole() {
        iam.handle(form("Action", "CreateRole", "RoleName", "trainer", "AssumeRolePolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    private AccessControl control(boolean enforcing) {
        return new AccessControl(enforcing, iam.directory(), iam.rolePolicies(), Clock.systemUTC());
    }

    private void allowRole(String action, String resource) {
        iam.handle(form("Action", "PutRolePolicy", "RoleName", "trainer", "PolicyName", "p", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                        + "\",\"Resource\":\"" + resource + "\"}]}"));
    }

    private static SourcedPolicy bucketPolicy(String statement) {
        return new SourcedPolicy("bucket", "resource", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}", PolicyKind.RESOURCE));
    }

    private static AccessRequest get(SourcedPolicy resourcePolicy) {
        return new AccessRequest("s3:GetObject", OBJECT, Map.of("aws:SecureTransport", List.of("false")),
                resourcePolicy);
    }

    @Test
    void withoutEnforcementOnlyAResourcePolicysDenyDenies() {
        AccessControl off = control(false);
        assertThat(off.check(SESSION, get(null))).isEmpty();
        SourcedPolicy denyHttp = bucketPolicy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::data/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
        Optional<Denial> denied = off.check(ROOT, get(denyHttp));
        assertThat(denied).isPresent();
        assertThat(denied.get().message(true)).isEqualTo("User: arn:aws:iam::000000000000:root is not authorized to"
                + " perform: s3:GetObject on resource: \"arn:aws:s3:::data/train.csv\" with an explicit deny in a"
                + " resource-based policy");
    }

    @Test
    void enforcementNeedsAnAllowForARoleButNeverDeniesRoot() {
        AccessControl on = control(true);
        assertThat(on.check(ROOT, get(null))).isEmpty();
        Optional<Denial> denied = on.check(SESSION, get(null));
        assertThat(denied).map(d -> d.message(false)).contains("User: arn:aws:sts::000000000000:assumed-role/trainer/job"
                + " is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::data/train.csv because no"
                + " identity-based policy allows the s3:GetObject action");
        allowRole("s3:Get*", "arn:aws:s3:::data/*");
        assertThat(on.check(SESSION, get(null))).isEmpty();
        assertThat(on.checkRole(ROLE_ARN, "SageMaker", AccessRequest.of("s3:PutObject", OBJECT)))
                .map(Denial::principal).contains("arn:aws:sts::000000000000:assumed-role/trainer/SageMaker");
    }

    @Test
    void aResourcePolicyNamingTheRoleGrantsButOneNamingTheAccountDelegatesToIam() {
        AccessControl on = control(true);
        SourcedPolicy account = bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        assertThat(on.check(SESSION, get(account))).isPresent();
        assertThat(on.check(ROOT, get(account))).isEmpty();
        SourcedPolicy role = bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROLE_ARN + "\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        assertThat(on.check(SESSION, get(role))).isEmpty();
    }

    @Test
    void anExplicitDenyInTheRolesPolicyIsNamedAsIdentityBased() {
        iam.handle(form("Action", "PutRolePolicy", "RoleName", "trainer", "PolicyName", "p", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        assertThat(control(true).check(SESSION, get(null))).map(Denial::reason)
                .contains("with an explicit deny in an identity-based policy");
    }
}
