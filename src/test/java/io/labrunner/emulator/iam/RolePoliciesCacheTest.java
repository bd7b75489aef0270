package io.labrunner.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.iam.access.BucketPolicies;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A role's policies are compiled once and reused, yet a change to the role or to a managed policy it has counts
 * for the very next decision; a bucket's policy reaches the decision through {@link BucketPolicies}.
 */
class RolePoliciesCacheTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private RoleStore roles;
    private ManagedPolicyStore managed;
    private IamService iam;
    private ServiceAccess access;

    @BeforeEach
    void setUp() {
        roles = new RoleStore();
        managed = new ManagedPolicyStore();
        iam = new IamService(roles, managed);
        access = new ServiceAccess(new AccessControl(true, roles, iam.rolePolicies(), Clock.systemUTC()),
                BucketPolicies.NONE);
        roles.create("crawler", "/", TRUST, null, 3600, Map.of(), null);
    }

    @Test
    void anUnchangedRolesPoliciesAreCompiledOnce() {
        roles.putInlinePolicy("crawler", "read", allow("s3:GetObject", "arn:aws:s3:::lake/*"));
        Role role = roles.role("crawler").orElseThrow();

        assertThat(iam.rolePolicies().of(role)).isSameAs(iam.rolePolicies().of(role));
    }

    @Test
    void aChangedInlinePolicyCountsAtOnce() {
        roles.putInlinePolicy("crawler", "read", allow("s3:GetObject", "arn:aws:s3:::lake/*"));
        assertThat(get("lake", "a.csv")).isEmpty();

        roles.putInlinePolicy("crawler", "read", allow("s3:GetObject", "arn:aws:s3:::other/*"));

        assertThat(get("lake", "a.csv")).hasValueSatisfying(d -> assertThat(d.message(true)).isEqualTo(
                "User: arn:aws:sts::000000000000:assumed-role/crawler/AWS-Crawler is not authorized to perform: "
                        + "s3:GetObject on resource: \"arn:aws:s3:::lake/a.csv\" because no identity-based policy "
                        + "allows the s3:GetObject action"));
    }

    @Test
    void aNewDefaultVersionOfAnAttachedManagedPolicyCountsAtOnce() {
        ManagedPolicy policy = managed.create("LakeRead", "/", allow("s3:GetObject", "arn:aws:s3:::lake/*"), null,
                Map.of());
        roles.attach("crawler", policy.arn());
        assertThat(get("lake", "a.csv")).isEmpty();

        managed.createVersion(policy.arn(), allow("s3:GetObject", "arn:aws:s3:::other/*"), true);
        assertThat(get("lake", "a.csv")).isPresent();

        managed.setDefault(policy.arn(), "v1");
        assertThat(get("lake", "a.csv")).isEmpty();
    }

    @Test
    void aDetachedPolicyNoLongerAllows() {
        roles.attach("crawler", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        assertThat(get("lake", "a.csv")).isEmpty();

        roles.detach("crawler", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

        assertThat(get("lake", "a.csv")).isPresent();
    }

    @Test
    void aBucketPolicysDenyCountsEvenWithoutEnforcementAndItsAllowDoesNotNeedOne() {
        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::locked/*\"}]}";
        SourcedPolicy locked = new SourcedPolicy("bucket", "resource", PolicyDocument.parse(denyAll, PolicyKind.RESOURCE));
        BucketPolicies policies = bucket -> bucket.equals("locked") ? java.util.Optional.of(locked) : java.util.Optional.empty();
        ServiceAccess open = new ServiceAccess(new AccessControl(false, roles, iam.rolePolicies(), Clock.systemUTC()),
                policies);
        String arn = roles.role("crawler").orElseThrow().arn();

        assertThat(open.s3Object(arn, "AWS-Crawler", "s3:GetObject", "locked", "a.csv"))
                .hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo("with an explicit deny in a resource-based policy"));
        assertThat(open.s3Object(arn, "AWS-Crawler", "s3:GetObject", "lake", "a.csv")).isEmpty();
    }

    @Test
    void listingCarriesThePrefixForConditions() {
        roles.putInlinePolicy("crawler", "list", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::lake\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"sales/*\"]}}}]}");
        String arn = roles.role("crawler").orElseThrow().arn();

        assertThat(access.s3List(arn, "AWS-Crawler", "lake", "sales/")).isEmpty();
        assertThat(access.s3List(arn, "AWS-Crawler", "lake", "hr/")).isPresent();
    }

    private Optional<Denial> get(String bucket, String key) {
        return access.s3Object(roles.role("crawler").orElseThrow().arn(), "AWS-Crawler", "s3:GetObject", bucket, key);
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }
}
