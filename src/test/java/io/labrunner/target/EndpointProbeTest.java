package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import io.labrunner.testing.FakeEndpoint;
import io.labrunner.testing.FakeEndpoint.Answer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The endpoint probe against loopback servers that answer as the real ones were seen to: Floci of each health
 * generation, LocalStack, an AWS-shaped endpoint whose Glue lists crawlers but cannot make one, and things that are
 * no AWS endpoint at all (a web page, a proxy's error page, a bare 500, another JSON API).
 */
class EndpointProbeTest {
    /** Floci from April 2026: /_floci/health and /_localstack/health, its edition named outright. */
    private static final String FLOCI_APRIL_2026 = "{\"services\":{\"s3\":\"running\",\"iam\":\"running\","
            + "\"glue\":\"running\",\"athena\":\"running\",\"kinesis\":\"running\",\"firehose\":\"running\","
            + "\"bedrock-runtime\":\"running\",\"sqs\":\"available\"},\"edition\":\"floci-always-free\",\"version\":\"1.1.0\"}";
    /** Floci since May 2026: /health too, and a LocalStack-like edition with its own kept as original_edition. */
    private static final String FLOCI_MAY_2026 = "{\"services\":{\"s3\":\"running\",\"iam\":\"running\","
            + "\"glue\":\"running\",\"athena\":\"running\",\"kinesis\":\"running\",\"firehose\":\"available\"},"
            + "\"edition\":\"community\",\"original_edition\":\"floci-always-free\",\"version\":\"1.7.0\"}";
    private static final String STS_IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:root</Arn><UserId>000000000000</UserId>"
            + "<Account>000000000000</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId>"
            + "</ResponseMetadata></GetCallerIdentityResponse>";
    private static final Answer UNKNOWN_OPERATION = Answer.json(400,
            "{\"__type\":\"UnknownOperationException\",\"message\":\"Unknown operation\"}");

    private static CapabilityProbe.Finding discover(FakeEndpoint fake) {
        return CapabilityProbe.discover(fake.endpoint(), Region.US_EAST_1, EndpointTarget.emulatorCredentials());
    }

    @Test
    void flociWithItsFirstHealthPathsIsFlociNotLocalStack() {
        try (FakeEndpoint floci = new FakeEndpoint()) {
            floci.get("/_floci/health", Answer.json(200, FLOCI_APRIL_2026))
                    .get("/_localstack/health", Answer.json(200, FLOCI_APRIL_2026));

            CapabilityProbe.Finding found = discover(floci);

            assertThat(found.kind()).isEqualTo("Floci");
            assertThat(found.capabilities()).contains(Capability.S3, Capability.STS, Capability.GLUE_CATALOG,
                    Capability.KINESIS, Capability.FIREHOSE_S3).doesNotContain(Capability.GLUE_CRAWLER,
                    Capability.ATHENA_SQL, Capability.BEDROCK_TEXT, Capability.KINESIS_SHARD_LIMITS,
                    Capability.KINESIS_RESHARD_LINEAGE);
            assertThat(found.faults()).containsKey(Capability.KINESIS_RESHARD_LINEAGE);
        }
    }

    @Test
    void flociWhoseLocalStackPathAnswersFirstIsStillFloci() {
        try (FakeEndpoint floci = new FakeEndpoint()) {
            // As if only the LocalStack-compatible path and /health were reachable.
            floci.get("/_localstack/health", Answer.json(200, FLOCI_MAY_2026)).get("/health", Answer.json(200, FLOCI_MAY_2026));

            CapabilityProbe.Finding found = discover(floci);

            assertThat(found.kind()).isEqualTo("Floci");
            // Its firehose is listed as available, which in Floci's health means disabled.
            assertThat(found.capabilities()).contains(Capability.KINESIS).doesNotContain(Capability.FIREHOSE_S3,
                    Capability.GLUE_CRAWLER);
        }
    }

    @Test
    void flociAnsweringOnlyOnItsNewestHealthPathIsFloci() {
        try (FakeEndpoint floci = new FakeEndpoint()) {
            floci.get("/health", Answer.json(200, FLOCI_MAY_2026));

            assertThat(discover(floci).kind()).isEqualTo("Floci");
        }
    }

    @Test
    void localStackIsKnownByItsHealthAndKeepsAStreamsLineageButNotItsLimits() {
        try (FakeEndpoint localstack = new FakeEndpoint()) {
            localstack.get("/_localstack/health", Answer.json(200, "{\"services\":{\"s3\":\"running\","
                    + "\"kinesis\":\"available\",\"glue\":\"disabled\"},\"edition\":\"community\",\"version\":\"4.14.0\"}"));

            CapabilityProbe.Finding found = discover(localstack);

            assertThat(found.kind()).isEqualTo("LocalStack");
            assertThat(found.capabilities()).contains(Capability.S3, Capability.KINESIS, Capability.KINESIS_RESHARD_LINEAGE)
                    .doesNotContain(Capability.KINESIS_SHARD_LIMITS, Capability.GLUE_CATALOG);
        }
    }

    /** An AWS-shaped endpoint with STS, S3 and a Glue catalog; {@code crawlers} says whether CreateCrawler works. */
    private static FakeEndpoint awsShaped(boolean crawlers) {
        FakeEndpoint fake = new FakeEndpoint();
        fake.otherwise(request -> UNKNOWN_OPERATION)
                .operation("GetCallerIdentity", Answer.xml(200, STS_IDENTITY))
                .get("/", Answer.xml(200, "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Owner><ID>o</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>"))
                .operation("AWSGlue.GetDatabases", Answer.json(200, "{\"DatabaseList\":[]}"))
                // What Floci answers: the listings are stubbed, the crawler itself is not there.
                .operation("AWSGlue.GetCrawlers", Answer.json(200, "{\"Crawlers\":[]}"))
                .operation("AWSGlue.ListCrawlers", Answer.json(200, "{\"CrawlerNames\":[]}"));
        if (crawlers) {
            String[] made = new String[1];
            fake.operation("AWSGlue.CreateCrawler", body -> {
                made[0] = name(body);
                return Answer.json(200, "{}");
            }).operation("AWSGlue.GetCrawler", body -> name(body).equals(made[0])
                    ? Answer.json(200, "{\"Crawler\":{\"Name\":\"" + made[0] + "\",\"State\":\"READY\"}}")
                    : Answer.json(400, "{\"__type\":\"EntityNotFoundException\",\"Message\":\"not found\"}"))
                    .operation("AWSGlue.DeleteCrawler", Answer.json(200, "{}"));
        } else {
            fake.operation("AWSGlue.CreateCrawler", Answer.json(400,
                    "{\"__type\":\"InvalidAction\",\"message\":\"Action CreateCrawler is not supported\"}"));
        }
        return fake;
    }

    private static String name(String json) {
        Matcher m = Pattern.compile("\"Name\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void stubbedCrawlerListingsAreNotTakenForCrawlers() {
        try (FakeEndpoint stubbed = awsShaped(false)) {
            CapabilityProbe.Finding found = discover(stubbed);

            assertThat(found.kind()).isEqualTo("an AWS-compatible endpoint");
            assertThat(found.capabilities()).contains(Capability.STS, Capability.S3, Capability.GLUE_CATALOG)
                    .doesNotContain(Capability.GLUE_CRAWLER);
            assertThat(stubbed.requests()).contains("POST / AWSGlue.CreateCrawler")
                    .doesNotContain("POST / AWSGlue.DeleteCrawler");
        }
    }

    @Test
    void crawlersAreOfferedWhereOneIsMadeShownAndDeleted() {
        try (FakeEndpoint real = awsShaped(true)) {
            assertThat(discover(real).capabilities()).contains(Capability.GLUE_CRAWLER);
            assertThat(real.requests()).containsSubsequence("POST / AWSGlue.CreateCrawler", "POST / AWSGlue.GetCrawler",
                    "POST / AWSGlue.DeleteCrawler");
        }
    }

    private static void assertNotAws(Answer everywhere, String saying) {
        try (FakeEndpoint nonsense = new FakeEndpoint()) {
            nonsense.otherwise(request -> everywhere);

            assertThatThrownBy(() -> EndpointTarget.connect(nonsense.endpoint(), Region.US_EAST_1))
                    .isInstanceOf(LabException.class)
                    .hasMessageStartingWith(nonsense.endpoint() + " is not an AWS endpoint: ")
                    .hasMessageContaining(saying)
                    .hasMessageNotContaining("\n");
            // Nothing was created, nor asked of any service beyond who the caller is.
            assertThat(nonsense.requests()).allMatch(r -> r.startsWith("GET ") || r.equals("POST / GetCallerIdentity"));
        }
    }

    @Test
    void aWebPageIsNotAnAwsEndpoint() {
        assertNotAws(new Answer(200, "text/html; charset=utf-8",
                "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body>…</body></html>"),
                "HTTP 200 text/html \"<!DOCTYPE html> <html><head><title>Welcome to nginx!");
    }

    @Test
    void aProxysErrorPageIsNotAnAwsEndpoint() {
        assertNotAws(new Answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"),
                "HTTP 502 text/html");
    }

    @Test
    void aBare500IsNotAnAwsEndpoint() {
        assertNotAws(new Answer(500, "text/plain", "Internal Server Error"), "HTTP 500 text/plain \"Internal Server Error\"");
    }

    @Test
    void anotherJsonApiIsNotAnAwsEndpoint() {
        assertNotAws(new Answer(200, "application/json", "{\"status\":\"ok\",\"items\":[]}"), "HTTP 200 application/json");
    }

    @Test
    void anAwsErrorIsAnAwsAnswerEvenWithoutSts() {
        assertThat(AwsAnswers.notAws(400, "text/xml", "<ErrorResponse><Error><Code>InvalidAction</Code>"
                + "<Message>no</Message></Error></ErrorResponse>")).isEmpty();
        assertThat(AwsAnswers.notAws(501, "application/json", "{\"__type\":\"NotImplemented\",\"message\":\"x\"}")).isEmpty();
        assertThat(AwsAnswers.notAws(200, "text/xml", STS_IDENTITY)).isEmpty();
        assertThat(AwsAnswers.notAws(500, "", "")).contains("HTTP 500 with an empty body");
    }
}
