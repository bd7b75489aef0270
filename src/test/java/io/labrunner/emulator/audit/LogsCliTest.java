package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI reads what a service wrote to CloudWatch Logs, as a learner follows a training job's log. */
class LogsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAwsCliListsStreamsAndReadsAndFiltersEvents(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            long t = System.currentTimeMillis() - 5_000;
            for (int i = 0; i < 30; i++) {
                emulator.logWriter().append("us-east-1", "/aws/sagemaker/TrainingJobs", "job/algo-1-1", t + i,
                        i % 10 == 0 ? "#quality_metric: epoch=" + i : "line " + i);
            }

            ExternalClients.Result streams = external.aws(endpoint, "logs", "describe-log-streams",
                    "--log-group-name", "/aws/sagemaker/TrainingJobs", "--log-stream-name-prefix", "job/");
            assertThat(streams.exitCode()).as(streams.stderr()).isZero();
            assertThat(JSON.readTree(streams.stdout()).at("/logStreams/0/logStreamName").asText())
                    .isEqualTo("job/algo-1-1");

            ExternalClients.Result events = external.aws(endpoint, "logs", "get-log-events", "--log-group-name",
                    "/aws/sagemaker/TrainingJobs", "--log-stream-name", "job/algo-1-1", "--start-from-head");
            assertThat(events.exitCode()).as(events.stderr()).isZero();
            JsonNode read = JSON.readTree(events.stdout());
            assertThat(read.path("events")).hasSize(30);
            assertThat(read.at("/events/29/message").asText()).isEqualTo("line 29");

            ExternalClients.Result filtered = external.aws(endpoint, "logs", "filter-log-events",
                    "--log-group-name", "/aws/sagemaker/TrainingJobs", "--filter-pattern", "quality_metric",
                    "--page-size", "2");
            assertThat(filtered.exitCode()).as(filtered.stderr()).isZero();
            assertThat(JSON.readTree(filtered.stdout()).path("events")).extracting(JsonNode::toString)
                    .hasSize(3).allMatch(e -> e.contains("#quality_metric"));

            ExternalClients.Result missingGroup = external.aws(endpoint, "logs", "get-log-events",
                    "--log-group-name", "/nope", "--log-stream-name", "s");
            assertThat(missingGroup.exitCode()).isNotZero();
            assertThat(missingGroup.stderr()).contains("(ResourceNotFoundException)")
                    .contains("The specified log group does not exist.");
        }
    }
}
