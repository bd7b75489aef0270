package io.labrunner.labs.s3glueathena;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.LabRunner;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plausible wrong solutions fail the check they get wrong, with a first hint that says how. */
class S3GlueAthenaWrongSolutionTest {
    private static EmbeddedEmulator emulator;

    private final S3GlueAthenaLab lab = new S3GlueAthenaLab();

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void namesAreTheGuidesVariablesInTheOrderItUsesThem() {
        assertThat(lab.names(RunNames.of("k3f9x2"))).containsExactly(
                java.util.Map.entry("BUCKET", "lab-k3f9x2-lake"),
                java.util.Map.entry("ROLE", "lab-k3f9x2-crawler-role"),
                java.util.Map.entry("DB", "lab_k3f9x2_sales"),
                java.util.Map.entry("CRAWLER", "lab-k3f9x2-crawler"));
    }

    @Test
    void aCrawlerAimedAtTheBucketRootAndRevenueWithoutQuantityFailTheirChecksWithDiagnosingHints() {
        LabRunner runner = emulator.runner(new StateDirectory(home));

        LabResult result = runner.run(new Wrong(lab), false);

        CheckOutcome tables = outcome(result, "Glue has a table for the sales");
        assertThat(tables.passed()).isFalse();
        assertThat(tables.hint()).contains("athena_results").contains("above the two dataset folders");
        assertThat(tables.hints().get(tables.hints().size() - 1)).contains("update-crawler");

        CheckOutcome revenue = outcome(result, "Athena's revenue by month");
        assertThat(revenue.passed()).isFalse();
        assertThat(revenue.hint()).contains("sum of unit_price").contains("quantity").doesNotContain("SELECT");
        assertThat(revenue.hints()).hasSize(3);
        assertThat(revenue.hints().get(1)).contains("revenue differs in 6 of 6 rows");
        assertThat(revenue.hints().get(2)).contains(S3GlueAthenaLab.REVENUE_SQL);

        assertThat(outcome(result, "Athena's refunds by reason").passed()).isTrue();
        assertThat(outcome(result, "The crawler's role").passed()).isTrue();
    }

    @Test
    void aReadPolicyWrittenWithAQuotedHeredocSaysDollarBucketAndTheHintSaysSo() {
        LabResult result = emulator.runner(new StateDirectory(home)).run(new LiteralBucketPolicy(lab), false);

        CheckOutcome role = outcome(result, "The crawler's role");
        assertThat(role.passed()).isFalse();
        assertThat(role.hint()).contains("$BUCKET literally").contains("<<'JSON'");
        assertThat(role.hints().get(1)).contains("policy simulator").contains("s3:GetObject");
    }

    @Test
    void aRoleWhosePolicyDeniesGetObjectFailsEvenThoughAnotherAllowsItAndTheHintNamesTheDeny() {
        CheckOutcome role = roleCheck(new RoleOnly(lab, bucket -> List.of(CrawlerRole.readBucketPolicy(bucket),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoRawReads\",\"Effect\":\"Deny\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/raw/*\"}]}"), List.of()));

        assertThat(role.passed()).isFalse();
        assertThat(role.detail()).contains("explicitDeny").contains("policy-2");
        assertThat(role.hint()).contains("s3:GetObject").contains("explicit Deny wins");
        assertThat(role.hints()).hasSize(3);
        assertThat(role.hints().get(2)).contains("simulate-principal-policy");
    }

    @Test
    void aRoleAllowedS3GetStarPassesAsOnAws() {
        CheckOutcome role = roleCheck(new RoleOnly(lab, bucket -> List.of("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":[\"arn:aws:s3:::" + bucket
                + "\",\"arn:aws:s3:::" + bucket + "/*\"]}]}"), List.of()));

        assertThat(role.passed()).as(role.detail() + " " + role.hints()).isTrue();
    }

    @Test
    void aRoleWithTheManagedS3ReadOnlyPolicyInsteadOfAnInlineOnePasses() {
        CheckOutcome role = roleCheck(new RoleOnly(lab, bucket -> List.of(),
                List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")));

        assertThat(role.passed()).as(role.detail() + " " + role.hints()).isTrue();
        assertThat(role.detail()).contains("AmazonS3ReadOnlyAccess");
    }

    @Test
    void aRoleWithNothingButTheGluePolicyFailsNamingGetObject() {
        CheckOutcome role = roleCheck(new RoleOnly(lab, bucket -> List.of(), List.of()));

        assertThat(role.passed()).isFalse();
        assertThat(role.detail()).contains("s3:GetObject").contains("implicitDeny");
        assertThat(role.hint()).contains("s3:GetObject").contains("AWSGlueServiceRole");
        assertThat(role.hints().get(role.hints().size() - 1)).contains("put-role-policy");
    }

    @Test
    void aTrustPolicyThatDeniesGlueFailsThoughItNamesGlueAndTheHintNamesTheDeny() {
        String trust = CrawlerRole.TRUST_POLICY.replace("\"Action\": \"sts:AssumeRole\"}]",
                "\"Action\": \"sts:AssumeRole\"}, {\"Sid\": \"NoGlue\", \"Effect\": \"Deny\","
                        + " \"Principal\": {\"Service\": \"glue.amazonaws.com\"}, \"Action\": \"sts:*\"}]");
        CheckOutcome role = roleCheck(new RoleOnly(lab, trust, bucket -> List.of(CrawlerRole.readBucketPolicy(bucket)),
                List.of()));

        assertThat(role.passed()).isFalse();
        assertThat(role.hint()).contains("Deny statement (NoGlue)").contains("does not let Glue assume it");
        assertThat(role.hints().get(role.hints().size() - 1)).contains("update-assume-role-policy");
    }

    private CheckOutcome roleCheck(Lab roleOnly) {
        LabResult result = emulator.runner(new StateDirectory(home)).run(roleOnly, false);
        return outcome(result, "The crawler's role");
    }

    /**
     * Setup, then only the crawler's role, with the given inline policies (named policy-1, policy-2, ...)
     * and managed policies beside AWSGlueServiceRole; judged by the role check alone.
     */
    private record RoleOnly(S3GlueAthenaLab lab, String trust, java.util.function.Function<String, List<String>> inline,
                            List<String> managed) implements Lab {
        RoleOnly(S3GlueAthenaLab lab, java.util.function.Function<String, List<String>> inline, List<String> managed) {
            this(lab, CrawlerRole.TRUST_POLICY, inline, managed);
        }

        @Override
        public LabInfo info() {
            return lab.info();
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            lab.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) {
            String role = S3GlueAthenaLab.role(ctx);
            ctx.iam().createRole(create -> create.roleName(role).assumeRolePolicyDocument(trust));
            ctx.iam().attachRolePolicy(attach -> attach.roleName(role).policyArn(S3GlueAthenaLab.GLUE_MANAGED_POLICY));
            List<String> documents = inline.apply(S3GlueAthenaLab.bucket(ctx));
            for (int i = 0; i < documents.size(); i++) {
                String name = "policy-" + (i + 1);
                String document = documents.get(i);
                ctx.iam().putRolePolicy(put -> put.roleName(role).policyName(name).policyDocument(document));
            }
            managed.forEach(arn -> ctx.iam().attachRolePolicy(attach -> attach.roleName(role).policyArn(arn)));
        }

        @Override
        public List<Check> checks() {
            return lab.checks().stream().filter(c -> c.name().startsWith("The crawler's role")).toList();
        }
    }

    private static CheckOutcome outcome(LabResult result, String namePrefix) {
        return result.checks().stream().filter(c -> c.name().startsWith(namePrefix)).findFirst().orElseThrow();
    }

    /** The role made by hand from a read-bucket.json whose heredoc was quoted, so $BUCKET stayed text. */
    private record LiteralBucketPolicy(S3GlueAthenaLab lab) implements Lab {
        @Override
        public LabInfo info() {
            return lab.info();
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            lab.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) {
            String role = S3GlueAthenaLab.role(ctx);
            ctx.iam().createRole(create -> create.roleName(role).assumeRolePolicyDocument(CrawlerRole.TRUST_POLICY));
            ctx.iam().attachRolePolicy(attach -> attach.roleName(role).policyArn(S3GlueAthenaLab.GLUE_MANAGED_POLICY));
            ctx.iam().putRolePolicy(put -> put.roleName(role).policyName("read-lab-bucket")
                    .policyDocument(CrawlerRole.readBucketPolicy("$BUCKET")));
        }

        @Override
        public List<Check> checks() {
            return lab.checks();
        }
    }

    /**
     * The reference solution, then two common mistakes: the crawler re-aimed at the whole bucket
     * (after queries wrote their results into it) and crawled again, and the revenue asked
     * without quantity.
     */
    private record Wrong(S3GlueAthenaLab lab) implements Lab {
        @Override
        public LabInfo info() {
            return lab.info();
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            lab.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) throws Exception {
            lab.solve(ctx);
            ctx.glue().updateCrawler(update -> update.name(S3GlueAthenaLab.crawler(ctx))
                    .targets(targets -> targets.s3Targets(t -> t.path("s3://" + S3GlueAthenaLab.bucket(ctx) + "/"))));
            S3GlueAthenaLab.runCrawler(ctx, S3GlueAthenaLab.crawler(ctx));
            AthenaQueries.run(ctx, S3GlueAthenaLab.database(ctx), S3GlueAthenaLab.results(ctx),
                    "SELECT year, month, count(*) AS orders, round(sum(unit_price), 2) AS revenue FROM sales"
                            + " GROUP BY year, month ORDER BY year, month");
        }

        @Override
        public List<Check> checks() {
            return lab.checks();
        }
    }
}
