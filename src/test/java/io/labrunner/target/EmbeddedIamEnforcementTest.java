package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.testing.BucketLab;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

/** A lab about IAM asks for enforcement; the embedded target then enforces it, and otherwise neither offers nor enforces it. */
class EmbeddedIamEnforcementTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    Path home;

    private Target open(Set<Capability> needed) {
        return Targets.open(TargetOptions.named("embedded"), Targets.Lifetime.EPHEMERAL, new StateDirectory(home),
                needed);
    }

    @Test
    void forALabThatNeedsIamEnforcedTheEmbeddedEmulatorEnforcesIt() {
        try (Target target = open(Set.of(Capability.S3, Capability.IAM_ENFORCEMENT));
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            assertThat(target.capabilities()).contains(Capability.IAM_ENFORCEMENT, Capability.GLUE_CRAWLER);

            assertThat(crawlWithARoleThatHasNoS3Permission(clients)).isEqualTo(LastCrawlStatus.FAILED);
        }
    }

    @Test
    void otherwiseItNeitherOffersNorEnforcesItAndALabNeedingItIsSkipped(@TempDir Path state) {
        try (Target target = open(Set.of(Capability.S3));
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            assertThat(target.capabilities()).doesNotContain(Capability.IAM_ENFORCEMENT);
            assertThat(crawlWithARoleThatHasNoS3Permission(clients)).isEqualTo(LastCrawlStatus.SUCCEEDED);

            LabResult result = new LabRunner(target.name(), target.capabilities(), clients, new StateDirectory(state),
                    RunListener.NONE, Clock.systemUTC()).selfTest(new NeedsEnforcement());

            assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(result.message()).contains("needs IAM_ENFORCEMENT");
        }
    }

    @Test
    void aRealAccountOffersItAndEmulatorContainersDoNotClaimIt() {
        assertThat(TargetKind.AWS.knownCapabilities()).contains(Capability.IAM_ENFORCEMENT);
        assertThat(TargetKind.EMBEDDED.knownCapabilities()).contains(Capability.IAM_ENFORCEMENT);
        assertThat(TargetKind.LOCALSTACK_TOKEN.knownCapabilities()).doesNotContain(Capability.IAM_ENFORCEMENT);
        assertThat(TargetKind.LOCALSTACK.knownCapabilities()).doesNotContain(Capability.IAM_ENFORCEMENT);
        assertThat(TargetKind.FLOCI.knownCapabilities()).doesNotContain(Capability.IAM_ENFORCEMENT);
        assertThat(TargetKind.whoServes(Set.of(Capability.S3, Capability.IAM_ENFORCEMENT), "localstack"))
                .isEqualTo("embedded would serve it");
    }

    private static LastCrawlStatus crawlWithARoleThatHasNoS3Permission(AwsClients clients) {
        String arn = clients.iam().createRole(r -> r.roleName("crawler").assumeRolePolicyDocument(TRUST)).role().arn();
        clients.s3().createBucket(b -> b.bucket("lake"));
        clients.s3().putObject(p -> p.bucket("lake").key("sales/part-0.csv"), RequestBody.fromString("id,n\n1,2\n"));
        clients.glue().createCrawler(c -> c.name("sales").role(arn).databaseName("sales")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/sales/"))));
        clients.glue().startCrawler(s -> s.name("sales"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Crawler crawler = clients.glue().getCrawler(g -> g.name("sales")).crawler();
            if (crawler.state() == CrawlerState.READY && crawler.lastCrawl() != null) {
                return crawler.lastCrawl().status();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The crawl did not finish");
    }

    /** The bucket lab, declared as needing IAM enforced. */
    private static final class NeedsEnforcement implements Lab {
        private final BucketLab lab = BucketLab.good();

        @Override
        public LabInfo info() {
            return new LabInfo("enforced-lab", "Needs IAM enforced", "For tests.", "4", "4.3", List.of("AWS IAM"), 1,
                    "$0", Set.of(Capability.S3, Capability.IAM_ENFORCEMENT));
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            lab.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) throws Exception {
            lab.solve(ctx);
        }

        @Override
        public List<Check> checks() {
            return lab.checks();
        }
    }
}
