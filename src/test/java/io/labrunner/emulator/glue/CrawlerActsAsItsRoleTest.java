package io.labrunner.emulator.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A crawler reads S3 with its role's permissions when IAM is enforced, and as before when it is not. */
class CrawlerActsAsItsRoleTest {
    private static final String LIST_AND_GET = policy(
            "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::lake\"},"
            + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lake/sales/*\"}");

    static Emulator enforcing;
    static Emulator open;

    @BeforeAll
    static void start() {
        enforcing = Emulator.builder().port(0).enforceIam(true).build().start();
        open = Emulator.builder().port(0).build().start();
        for (Emulator emulator : new Emulator[] {enforcing, open}) {
            try (S3Client s3 = s3(emulator)) {
                s3.createBucket(b -> b.bucket("lake"));
                s3.putObject(p -> p.bucket("lake").key("sales/part-0.csv"),
                        RequestBody.fromString("id,amount\n1,9.5\n2,12.25\n"));
                s3.putObject(p -> p.bucket("lake").key("sales/part-1.csv"),
                        RequestBody.fromString("id,amount\n3,1.5\n"));
            }
        }
    }

    @AfterAll
    static void stop() {
        enforcing.close();
        open.close();
    }

    @Test
    void aRoleThatMayListTheBucketAndGetTheObjectsCrawlsThem() {
        LastCrawlInfo crawl = crawl(enforcing, "reader", LIST_AND_GET, null);

        assertThat(crawl.status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(tables(enforcing, "reader")).isEqualTo(1);
    }

    @Test
    void theAwsManagedReadOnlyPolicyIsEnough() {
        LastCrawlInfo crawl = crawl(enforcing, "readonly", null, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

        assertThat(crawl.status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(tables(enforcing, "readonly")).isEqualTo(1);
    }

    @Test
    void anExplicitDenyOfGetObjectFailsTheCrawlWithS3sAccessDeniedAndCreatesNoTable() {
        String denyGet = policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lake/*\"}");

        LastCrawlInfo crawl = crawl(enforcing, "denied", denyGet, null);

        assertThat(crawl.status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawl.errorMessage()).matches("Access Denied \\(Service: Amazon S3; Status Code: 403; "
                + "Error Code: AccessDenied; Request ID: [0-9A-F]+\\)");
        assertThat(tables(enforcing, "denied")).isZero();
    }

    @Test
    void aRoleThatMayGetButNotListFailsBeforeReadingAnything() {
        String getOnly = policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lake/*\"}");

        LastCrawlInfo crawl = crawl(enforcing, "unlisted", getOnly, null);

        assertThat(crawl.status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawl.errorMessage()).startsWith("Access Denied (Service: Amazon S3; Status Code: 403;");
        assertThat(tables(enforcing, "unlisted")).isZero();
    }

    @Test
    void theGlueServiceRolePolicyAloneCannotGetObjectsOutsideItsOwnBuckets() {
        LastCrawlInfo crawl = crawl(enforcing, "glueonly", null,
                "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole");

        assertThat(crawl.status()).isEqualTo(LastCrawlStatus.FAILED);
    }

    @Test
    void withoutEnforcementARoleWithNoS3PermissionStillCrawls() {
        LastCrawlInfo crawl = crawl(open, "unchecked", policy(
                "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::elsewhere/*\"}"), null);

        assertThat(crawl.status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(tables(open, "unchecked")).isEqualTo(1);
    }

    /** Creates a role trusting Glue with the given inline policy and/or managed policy, crawls lake/sales with it. */
    private static LastCrawlInfo crawl(Emulator emulator, String name, String inline, String managed) {
        try (IamClient iam = iam(emulator); GlueClient glue = glue(emulator)) {
            String arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(GlueSdkRoundTripTest.TRUST))
                    .role().arn();
            if (inline != null) {
                iam.putRolePolicy(r -> r.roleName(name).policyName("data").policyDocument(inline));
            }
            if (managed != null) {
                iam.attachRolePolicy(r -> r.roleName(name).policyArn(managed));
            }
            glue.createDatabase(d -> d.databaseInput(i -> i.name(name)));
            glue.createCrawler(c -> c.name(name).role(arn).databaseName(name)
                    .targets(t -> t.s3Targets(s -> s.path("s3://lake/sales/"))));
            glue.startCrawler(s -> s.name(name));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                Crawler crawler = glue.getCrawler(g -> g.name(name)).crawler();
                if (crawler.state() == CrawlerState.READY && crawler.lastCrawl() != null) {
                    return crawler.lastCrawl();
                }
                Thread.sleep(20);
            }
            throw new AssertionError("Crawler " + name + " did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int tables(Emulator emulator, String database) {
        try (GlueClient glue = glue(emulator)) {
            return glue.getTables(t -> t.databaseName(database)).tableList().size();
        }
    }

    private static String policy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static StaticCredentialsProvider credentials(Emulator emulator) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
    }

    private static S3Client s3(Emulator emulator) {
        return S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator)).forcePathStyle(true).build();
    }

    private static IamClient iam(Emulator emulator) {
        return IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials(emulator)).build();
    }

    private static GlueClient glue(Emulator emulator) {
        return GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator)).build();
    }
}
