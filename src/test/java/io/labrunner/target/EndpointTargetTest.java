package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.emulator.Emulator;
import io.labrunner.testing.BucketLab;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint target against a {@code lab emulator} this test starts. */
class EndpointTargetTest {
    private static Emulator emulator;

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private static TargetOptions endpoint(Optional<URI> url, Map<String, String> env) {
        return new TargetOptions("endpoint", url, Optional.empty(), false, Optional.empty(), Optional.empty(), env);
    }

    private Target open(TargetOptions options) {
        return Targets.open(options, Targets.Lifetime.EPHEMERAL, new StateDirectory(home));
    }

    @Test
    void aLabEmulatorIsProbedForWhatItServes() {
        try (Target target = open(endpoint(Optional.of(emulator.getEndpoint()), Map.of()))) {
            assertThat(target.name()).isEqualTo("endpoint");
            assertThat(target.endpoint()).contains(emulator.getEndpoint());
            assertThat(target.capabilities()).contains(Capability.S3, Capability.STS, Capability.IAM,
                    Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER, Capability.KINESIS,
                    Capability.KINESIS_SHARD_LIMITS, Capability.BEDROCK_TEXT, Capability.BEDROCK_EMBEDDINGS);
            assertThat(target.capabilities()).doesNotContain(Capability.IAM_ENFORCEMENT);
            assertThat(target.notices()).singleElement().asString().contains(emulator.getEndpoint().toString());
        }
    }

    @Test
    void awsEndpointUrlIsHonouredWhenNoEndpointIsGiven() {
        try (Target target = open(endpoint(Optional.empty(), Map.of("AWS_ENDPOINT_URL", emulator.getEndpoint().toString())))) {
            assertThat(target.endpoint()).contains(emulator.getEndpoint());
        }
    }

    @Test
    void aLabRunsOnTheEndpointAndCleansUp(@TempDir Path state) {
        try (Target target = open(endpoint(Optional.of(emulator.getEndpoint()), Map.of()));
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            LabRunner runner = new LabRunner(target.name(), target.capabilities(), clients, new StateDirectory(state),
                    RunListener.NONE, Clock.systemUTC());

            LabResult result = runner.selfTest(BucketLab.good());

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.PASSED);
            assertThat(clients.s3().listBuckets().buckets()).isEmpty();
        }
    }

    @Test
    void anEndpointWhereNothingAnswersIsOneLineSayingSo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);

        assertThatThrownBy(() -> open(endpoint(Optional.of(nowhere), Map.of())))
                .isInstanceOf(LabException.class)
                .hasMessageStartingWith("Nothing answers at " + nowhere)
                .hasMessageNotContaining("\n");
    }

    @Test
    void theEndpointTargetNeedsAnEndpoint() {
        assertThatThrownBy(() -> open(endpoint(Optional.empty(), Map.of())))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("--endpoint URL (or AWS_ENDPOINT_URL)");
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> open(endpoint(Optional.of(URI.create("ftp://example/")), Map.of())))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("http:// or https://");
    }
}
