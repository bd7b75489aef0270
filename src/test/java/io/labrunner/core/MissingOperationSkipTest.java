package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.core.report.RunListener;
import io.labrunner.core.report.StepResult;
import io.labrunner.testing.FakeEndpoint;
import io.labrunner.testing.FakeEndpoint.Answer;
import io.labrunner.testing.FakeLab;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.model.GlueException;

/**
 * A lab that meets an operation its target does not serve ends as skipped with one line naming it, and its cleanup
 * runs without a second error, against a server that answers Glue's crawler calls as Floci does.
 */
class MissingOperationSkipTest {
    private static final Answer NOT_SUPPORTED = Answer.json(400,
            "{\"__type\":\"InvalidAction\",\"message\":\"Action CreateCrawler is not supported\"}");

    @Test
    void anUnservedCreateEndsTheLabAsSkippedAndCleanupStaysQuiet(@TempDir Path home) {
        List<StepResult> steps = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void stepFinished(StepResult step) {
                steps.add(step);
            }
        };
        try (FakeEndpoint floci = new FakeEndpoint();
             AwsClients clients = new AwsClients(Optional.of(floci.endpoint()), Region.US_EAST_1,
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
            floci.operation("AWSGlue.CreateCrawler", NOT_SUPPORTED)
                    .otherwise(request -> Answer.json(400, "{\"__type\":\"InvalidAction\",\"message\":\"Action "
                            + request.substring(request.lastIndexOf('.') + 1) + " is not supported\"}"));
            LabRunner runner = new LabRunner("floci", Set.of(Capability.S3, Capability.GLUE_CATALOG), clients,
                    new StateDirectory(home), listener, Clock.systemUTC());

            LabResult result = runner.run(new Lab() {
                @Override
                public LabInfo info() {
                    return new FakeLab("crawl", Set.of(Capability.GLUE_CATALOG)).info();
                }

                @Override
                public void setup(LabContext ctx) {
                }

                @Override
                public List<Check> checks() {
                    return List.of();
                }

                @Override
                public void solve(LabContext ctx) throws Exception {
                    ctx.step("Create the crawler", () -> ctx.create(Resource.crawler(ctx.name("crawler")),
                            () -> ctx.glue().createCrawler(r -> r.name(ctx.name("crawler")).role("arn:aws:iam::0:role/r")
                                    .targets(t -> t.s3Targets(s -> s.path("s3://b/"))))));
                }

                @Override
                public void cleanup(LabContext ctx) {
                    ctx.glue().deleteCrawler(r -> r.name(ctx.name("crawler")));
                }
            }, false);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SKIPPED);
            assertThat(result.message()).isEqualTo("Glue CreateCrawler is not served by target floci"
                    + " (InvalidAction: Action CreateCrawler is not supported)");
            assertThat(steps).filteredOn(s -> !s.ok()).singleElement()
                    .satisfies(s -> assertThat(s.name()).isEqualTo("Create the crawler"));
            assertThat(result.phases()).filteredOn(p -> p.name().equals("cleanup")).singleElement()
                    .satisfies(p -> assertThat(p.ok()).as(p.error()).isTrue());
            assertThat(steps).filteredOn(s -> s.name().startsWith("delete ")).singleElement()
                    .satisfies(s -> assertThat(s.remark()).startsWith("never made"));
        }
    }

    @Test
    void onlyErrorsThatSayTheOperationIsNotServedCount() {
        assertThat(MissingOperation.of(glue("InvalidAction", "Action CreateCrawler is not supported", 400)))
                .hasValueSatisfying(m -> assertThat(m.operation()).isEqualTo("CreateCrawler"));
        assertThat(MissingOperation.of(glue("InternalFailure", "The API action 'GetTableVersions' for service 'glue' is"
                + " either not available in your current license plan or has not yet been emulated by LocalStack.", 501)))
                .hasValueSatisfying(m -> assertThat(m.operation()).isEqualTo("GetTableVersions"));
        assertThat(MissingOperation.of(new RuntimeException("wrapped", glue("UnknownOperationException", "", 400))))
                .isPresent();
        assertThat(MissingOperation.of(glue("EntityNotFoundException", "Crawler not found", 400))).isEmpty();
        assertThat(MissingOperation.of(glue("InvalidInputException", "Compression type is not supported", 400))).isEmpty();
        assertThat(MissingOperation.of(new IllegalStateException("not supported"))).isEmpty();
    }

    private static GlueException glue(String code, String message, int status) {
        return (GlueException) GlueException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage(message).serviceName("Glue").build()).build();
    }
}
