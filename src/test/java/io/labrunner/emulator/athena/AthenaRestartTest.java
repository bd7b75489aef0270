package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query the emulator was still holding when it stopped is reported failed after a restart, never left running. */
class AthenaRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode call(AthenaService s, String operation, String body) throws Exception {
        AwsRequest request = new AwsRequest("POST", "/", Map.of(),
                Map.of("x-amz-target", "AmazonAthena." + operation, "content-type", "application/x-amz-json-1.1"),
                body.getBytes(StandardCharsets.UTF_8), "athena", "us-east-1", "test");
        return JSON.readTree(s.handle(request).body());
    }

    @Test
    void aQueryStillQueuedWhenTheEmulatorStopsIsFailedWithASystemErrorAfterARestart(@TempDir Path root)
            throws Exception {
        Fixtures fixtures = new Fixtures(root);
        Path stateDir = Files.createDirectories(root.resolve("state"));
        StateStore first = StateStore.open(stateDir);
        AthenaService athena = new AthenaService(root, fixtures.catalog, Duration.ofMinutes(1), first);
        String id = call(athena, "StartQueryExecution", "{\"QueryString\":\"SELECT 1\","
                + "\"ResultConfiguration\":{\"OutputLocation\":\"s3://results/athena/\"}}").get("QueryExecutionId").asText();
        athena.close();
        first.close();

        StateStore second = StateStore.open(stateDir);
        AthenaService restarted = new AthenaService(root, fixtures.catalog, Duration.ZERO, second);
        try {
            JsonNode status = call(restarted, "GetQueryExecution", "{\"QueryExecutionId\":\"" + id + "\"}")
                    .path("QueryExecution").path("Status");
            assertThat(status.path("State").asText()).isEqualTo("FAILED");
            assertThat(status.path("AthenaError").path("ErrorCategory").asInt()).isEqualTo(1);
            assertThat(status.path("StateChangeReason").asText()).startsWith("GENERIC_INTERNAL_ERROR");
            assertThat(status.has("CompletionDateTime")).isTrue();
        } finally {
            restarted.close();
            second.close();
        }
    }
}
