package io.labrunner.emulator.glue;

import static io.labrunner.emulator.glue.GlueCatalogApiTest.assertGlueError;
import static io.labrunner.emulator.glue.GlueRequests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.iam.IamServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A crawler reads only the blob root: a target path with {@code ..} segments, a bucket named {@code ..},
 * or a link inside a bucket never reaches a host folder. On AWS such keys are literal and hold nothing, so
 * the crawl succeeds with no tables.
 */
class GlueCrawlerConfinementTest {
    @TempDir
    Path dataDir;
    Path blobRoot;
    IamService iam;
    GlueService glue;

    @BeforeEach
    void start() throws IOException {
        blobRoot = Files.createDirectories(dataDir.resolve("s3"));
        Files.createDirectories(blobRoot.resolve("lake"));
        Path outside = Files.createDirectories(dataDir.resolve("outside").resolve("secrets"));
        Files.writeString(outside.resolve("passwords.csv"), "user,password\nroot,hunter2\nadmin,letmein\n");
        iam = new IamService();
        iam.handle(IamServiceTest.form("Action", "CreateRole", "RoleName", "AWSGlueServiceRole-lab",
                "Path", "/service-role/", "AssumeRolePolicyDocument", IamServiceTest.GLUE_TRUST));
        glue = new GlueService(new GlueCatalog(), blobRoot, iam.directory(), GlueCrawlerTest.FAST);
        call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'lab_db'}}");
    }

    @AfterEach
    void stop() {
        glue.close();
    }

    private JsonNode crawl(String path) {
        call(glue, "CreateCrawler", "{'Name':'c','Role':'" + GlueCrawlerTest.ROLE_ARN + "','DatabaseName':'lab_db',"
                + "'Targets':{'S3Targets':[{'Path':'" + path + "'}]}}");
        call(glue, "StartCrawler", "{'Name':'c'}");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode crawler = call(glue, "GetCrawler", "{'Name':'c'}").get("Crawler");
            if (crawler.get("State").asText().equals("READY")) {
                return crawler;
            }
            Thread.onSpinWait();
        }
        return fail("crawler never became READY");
    }

    private JsonNode tables() {
        return call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://lake/../outside/", "s3://lake/../../outside/secrets/", "s3://lake/./../outside/",
            "s3://lake/x/../../outside/", "s3://lake//../outside/"})
    void aTargetClimbingOutOfItsBucketSucceedsWithNoTables(String path) {
        JsonNode crawler = crawl(path);

        assertThat(crawler.path("LastCrawl").path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(tables()).isEmpty();
    }

    @Test
    void aBucketNamedDotDotDoesNotExist() {
        assertGlueError(() -> GlueRequests.send(glue, GlueRequests.request("CreateCrawler", ("{'Name':'c','Role':'"
                + GlueCrawlerTest.ROLE_ARN + "','DatabaseName':'lab_db','Targets':{'S3Targets':[{'Path':"
                + "'s3://../outside/'}]}}").replace('\'', '"'))), "InvalidInputException", "S3 bucket .. does not exist.");
        assertThat(call(glue, "ListCrawlers", "{}").get("CrawlerNames")).isEmpty();
    }

    @Test
    void aLinkInsideABucketIsNotFollowed() throws IOException {
        Path lake = blobRoot.resolve("lake");
        Files.createSymbolicLink(lake.resolve("linked"), dataDir.resolve("outside"));
        Files.createDirectories(lake.resolve("plain"));
        Files.createSymbolicLink(lake.resolve("plain").resolve("passwords.csv"),
                dataDir.resolve("outside").resolve("secrets").resolve("passwords.csv"));

        JsonNode viaFolder = crawl("s3://lake/linked/");
        assertThat(viaFolder.path("LastCrawl").path("Status").asText()).isEqualTo("SUCCEEDED");
        call(glue, "DeleteCrawler", "{'Name':'c'}");
        crawl("s3://lake/");

        assertThat(tables()).isEmpty();
    }

    @Test
    void anOrdinaryTargetIsStillCrawled() throws IOException {
        Path folder = Files.createDirectories(blobRoot.resolve("lake").resolve("sales").resolve("year=2024"));
        Files.writeString(folder.resolve("part-0.csv"), "id,amount\n1,10\n2,20\n");

        crawl("s3://lake/sales/");

        assertThat(tables()).extracting(t -> t.get("Name").asText()).containsExactly("sales");
    }
}
