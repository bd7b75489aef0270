package io.labrunner.emulator.glue;

import static io.labrunner.emulator.glue.GlueRequests.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.iam.IamServiceTest;
import io.labrunner.emulator.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawler caught crawling by a stop of the emulator comes back READY, its last crawl failed. */
class GlueCrawlerRestartTest {
    private static final CrawlerTimings SLOW = new CrawlerTimings(Duration.ofSeconds(5), Duration.ZERO);

    @Test
    void aCrawlerRunningWhenTheEmulatorStopsComesBackReadyWithItsLastCrawlFailed(@TempDir Path temp)
            throws Exception {
        Path blobRoot = Files.createDirectories(temp.resolve("s3").resolve("lake"));
        IamService iam = new IamService();
        iam.handle(IamServiceTest.form("Action", "CreateRole", "RoleName", "AWSGlueServiceRole-lab",
                "Path", "/service-role/", "AssumeRolePolicyDocument", IamServiceTest.GLUE_TRUST));
        Path stateDir = Files.createDirectories(temp.resolve("state"));

        StateStore first = StateStore.open(stateDir);
        GlueService glue = new GlueService(new GlueCatalog(first), blobRoot.getParent(), iam.directory(), SLOW, first);
        call(glue, "CreateCrawler", "{'Name':'orders','Role':'" + GlueCrawlerTest.ROLE_ARN
                + "','DatabaseName':'lab_db','Targets':{'S3Targets':[{'Path':'s3://lake/orders/'}]}}");
        call(glue, "StartCrawler", "{'Name':'orders'}");
        assertThat(call(glue, "GetCrawler", "{'Name':'orders'}").path("Crawler").path("State").asText())
                .isEqualTo("RUNNING");
        glue.close();
        first.close();

        StateStore second = StateStore.open(stateDir);
        GlueService restarted = new GlueService(new GlueCatalog(second), blobRoot.getParent(), iam.directory(), SLOW,
                second);
        try {
            JsonNode crawler = call(restarted, "GetCrawler", "{'Name':'orders'}").path("Crawler");
            assertThat(crawler.path("State").asText()).isEqualTo("READY");
            assertThat(crawler.path("LastCrawl").path("Status").asText()).isEqualTo("FAILED");
            assertThat(crawler.path("LastCrawl").path("ErrorMessage").asText()).contains("interrupted");
            // It can crawl again.
            call(restarted, "StartCrawler", "{'Name':'orders'}");
            assertThat(call(restarted, "GetCrawler", "{'Name':'orders'}").path("Crawler").path("State").asText())
                    .isEqualTo("RUNNING");
        } finally {
            restarted.close();
            second.close();
        }
    }
}
