package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerService;
import io.labrunner.emulator.sagemaker.monitor.ModelMonitor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model Monitor driven by boto3 alone (monitor_by_boto3.py): a baseline processing job, a NOW schedule over
 * records captured for the endpoint, and the reports read back with boto3 and json. The endpoint's capture
 * destination is given here, as hosting would give it.
 */
class MonitorByBoto3Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void boto3BaselinesMonitorsAndReadsTheViolations(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("monitor_by_boto3.py");
        try (InputStream in = MonitorByBoto3Test.class.getResourceAsStream("monitor_by_boto3.py")) {
            Files.copy(in, script);
        }
        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).service(e -> {
            ResourceTags tags = new ResourceTags(e.stateStore());
            List<OperationGroup> groups = new ArrayList<>(ModelMonitor.groups(new ModelMonitor.Settings(
                    e.s3Objects(), tags, e.logWriter(), e.metricSink(),
                    (region, endpoint) -> endpoint.equals("ep-boto3") ? Optional.of("s3://capture/datacapture")
                            : Optional.empty(),
                    e.stateStore(), e.getDataDir().resolve("sagemaker-work"), Clock.systemUTC(), Duration.ZERO,
                    Duration.ofHours(1))));
            return new SageMakerService(groups);
        }).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = JSON.readTree(ran.stdout());
        }

        assertThat(seen.path("baselineStatus").asText()).isEqualTo("Completed");
        assertThat(seen.path("itemCount").asInt()).isEqualTo(1000);
        assertThat(seen.path("meanAge").asDouble()).isEqualTo(seen.path("expectedMeanAge").asDouble());
        assertThat(seen.path("constraintTypes").toString()).isEqualTo("[\"Integral\",\"Integral\",\"Fractional\"]");
        assertThat(seen.path("executionStatus").asText()).isEqualTo("CompletedWithViolations");
        assertThat(seen.path("lastExecutionStatus").asText()).isEqualTo("CompletedWithViolations");
        assertThat(seen.path("scheduledTimeIsDate").asBoolean()).isTrue();
        assertThat(seen.path("reportUri").asText()).matches("s3://lab/reports/ep-boto3/boto3-now/\\d{4}/\\d{2}/\\d{2}/\\d{2}");
        assertThat(seen.path("violations").findValuesAsText("constraint_check_type")).contains("baseline_drift_check");
        assertThat(seen.path("violations").findValuesAsText("feature_name")).contains("_c1");
        assertThat(seen.path("refused").asText()).isEqualTo("ValidationException");
    }
}
