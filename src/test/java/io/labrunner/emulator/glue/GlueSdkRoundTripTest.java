package io.labrunner.emulator.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.iam.IamService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.s3.S3Client;

/** The lab's path through the real SDK v2 clients: IAM role, S3 objects, crawler, catalog. */
class GlueSdkRoundTripTest {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    static Emulator emulator;
    static IamClient iam;
    static GlueClient glue;
    static S3Client s3;

    @BeforeAll
    static void start() {
        IamService iamService = new IamService();
        emulator = Emulator.builder().port(0)
                .service(iamService)
                .service(e -> new GlueService(new GlueCatalog(), e.blobRoot(), iamService.directory(),
                        new CrawlerTimings(Duration.ofMillis(300), Duration.ofMillis(50))))
                .build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).build();
        glue = GlueClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials).forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        iam.close();
        glue.close();
        s3.close();
        emulator.close();
    }

    @Test
    void aLabCrawlsCsvUploadedThroughS3IntoAPartitionedTable() {
        Role role = iam.createRole(r -> r.roleName("lab-crawler").assumeRolePolicyDocument(TRUST)).role();
        iam.attachRolePolicy(r -> r.roleName("lab-crawler")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));
        assertThat(URLDecoder.decode(iam.getRole(r -> r.roleName("lab-crawler")).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(TRUST);

        s3.createBucket(b -> b.bucket("lab-lake"));
        s3.putObject(p -> p.bucket("lab-lake").key("sales/year=2024/part-0.csv"),
                RequestBody.fromString("id,amount,region\n1,9.5,EU\n2,12.25,US\n"));
        s3.putObject(p -> p.bucket("lab-lake").key("sales/year=2025/part-0.csv"),
                RequestBody.fromString("id,amount,region\n3,1.5,EU\n4,2.75,APAC\n"));
        glue.createDatabase(d -> d.databaseInput(i -> i.name("Lab_Sales")));
        glue.createCrawler(c -> c.name("sales-crawler").role(role.arn()).databaseName("lab_sales")
                .targets(t -> t.s3Targets(s -> s.path("s3://lab-lake/sales/"))));

        glue.startCrawler(s -> s.name("sales-crawler"));
        assertThatThrownBy(() -> glue.startCrawler(s -> s.name("sales-crawler")))
                .isInstanceOf(CrawlerRunningException.class);
        Crawler crawler = waitUntilReady("sales-crawler");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(crawler.lastCrawl().startTime()).isAfter(Instant.now().minusSeconds(60));
        Table table = glue.getTable(t -> t.databaseName("lab_sales").name("sales")).table();
        assertThat(table.storageDescriptor().columns()).extracting(Column::name, Column::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("id", "bigint"),
                        org.assertj.core.groups.Tuple.tuple("amount", "double"),
                        org.assertj.core.groups.Tuple.tuple("region", "string"));
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://lab-lake/sales/");
        assertThat(table.createTime()).isAfter(Instant.now().minusSeconds(60));
        List<Partition> partitions = glue.getPartitions(p -> p.databaseName("lab_sales").tableName("sales")
                .expression("year = '2025'")).partitions();
        assertThat(partitions).extracting(Partition::values).containsExactly(List.of("2025"));
        assertThat(glue.getCrawlerMetrics(m -> m.crawlerNameList("sales-crawler")).crawlerMetricsList().get(0)
                .tablesCreated()).isEqualTo(1);
    }

    @Test
    void awsShapedErrorsBecomeTheSdksExceptionClasses() {
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("ghost")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name ghost cannot be found.");
        iam.createRole(r -> r.roleName("busy-role").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("busy-role").policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"));
        assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("busy-role")))
                .isInstanceOf(DeleteConflictException.class);
        assertThatThrownBy(() -> glue.getTable(t -> t.databaseName("nowhere").name("t")))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("Database nowhere not found.");
        assertThatThrownBy(() -> glue.createCrawler(c -> c.name("bad").role("no-such-role").databaseName("d")
                .targets(t -> t.s3Targets(s -> s.path("s3://lab-lake/x/")))))
                .isInstanceOf(InvalidInputException.class);
    }

    static Crawler waitUntilReady(String name) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Crawler crawler = glue.getCrawler(g -> g.name(name)).crawler();
            if (crawler.state() == CrawlerState.READY) {
                return crawler;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return fail("crawler %s never became READY", name);
    }
}
