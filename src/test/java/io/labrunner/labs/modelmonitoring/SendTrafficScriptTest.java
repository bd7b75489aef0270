package io.labrunner.labs.modelmonitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.testing.EmbeddedEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's {@code send_traffic.py}, run with boto3 as a learner runs it (endpoint and credentials
 * from the environment {@code lab env} exports), against an endpoint deployed as the guide deploys
 * it: every line becomes one request and one capture record.
 */
class SendTrafficScriptTest {
    /** The Python that has boto3: {@code LAB_TEST_PYTHON} (CI points it at one), else {@code python3}. */
    private static final String PYTHON = System.getenv().getOrDefault("LAB_TEST_PYTHON", "python3");
    private static final Path SCRIPT = Path.of("labs", "model-monitoring", "send_traffic.py");

    @TempDir
    Path home;

    @Test
    void everyLineOfTheFileBecomesOneCapturedRequest() throws Exception {
        ModelMonitoringLab lab = new ModelMonitoringLab();
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            String endpointUrl = emulator.clients().s3().serviceClientConfiguration().endpointOverride().orElseThrow().toString();
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", endpointUrl, "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1");
            String missing = boto3Missing(env);
            assumeTrue(missing == null, missing);
            StateDirectory state = new StateDirectory(home.resolve("state"));
            LabRunner runner = emulator.runner(state);
            RunNames run = RunNames.of(runner.start(lab).runId());
            Ledger ledger = state.latestRun(Optional.of(lab.info().id()), "embedded").orElseThrow();
            try {
                var sageMaker = emulator.clients().sageMaker();
                CapturedEndpoint.createConfig(sageMaker, ModelMonitoringLab.endpointConfig(run), ModelMonitoringLab.model(run),
                        ModelMonitoringLab.s3(run, ModelMonitoringLab.CAPTURE), 100, Map.of());
                CapturedEndpoint.create(sageMaker, ModelMonitoringLab.endpoint(run), ModelMonitoringLab.endpointConfig(run), Map.of());
                CapturedEndpoint.awaitInService(sageMaker, ModelMonitoringLab.endpoint(run));
                Path normal = Files.writeString(home.resolve("normal.csv"), Traffic.csv(Traffic.normal()));

                Result sent = python(env, SCRIPT.toAbsolutePath().toString(), ModelMonitoringLab.endpoint(run), normal.toString());

                assertThat(sent.exitCode()).as(sent.stderr()).isZero();
                assertThat(sent.stdout()).startsWith(Traffic.NORMAL + " requests sent to " + ModelMonitoringLab.endpoint(run));
                // Capture is written asynchronously, as on AWS: wait for the last file.
                CaptureFiles.Capture capture = CaptureFiles.read(emulator.clients().s3(),
                        ModelMonitoringLab.s3(run, ModelMonitoringLab.CAPTURE), ModelMonitoringLab.endpoint(run));
                for (long deadline = System.nanoTime() + 30_000_000_000L;
                        capture.records().size() < Traffic.NORMAL && System.nanoTime() < deadline; ) {
                    Thread.sleep(200);
                    capture = CaptureFiles.read(emulator.clients().s3(), ModelMonitoringLab.s3(run, ModelMonitoringLab.CAPTURE),
                            ModelMonitoringLab.endpoint(run));
                }
                assertThat(capture.records()).extracting(CaptureFiles.Record::input).containsExactlyInAnyOrderElementsOf(Traffic.normal());
                assertThat(capture.records()).allMatch(r -> r.output() != null && !r.output().isBlank());
            } finally {
                runner.cleanup(lab, ledger);
            }
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private String boto3Missing(Map<String, String> env) throws InterruptedException {
        try {
            Result probe = python(env, "-c", "import boto3, sys; v = tuple(int(p) for p in boto3.__version__.split('.')[:2]);"
                    + " sys.exit(0 if v >= (1, 28) else 'boto3 ' + boto3.__version__ + ' does not read AWS_ENDPOINT_URL')");
            return probe.exitCode() == 0 ? null : PYTHON + " with boto3 1.28 or newer is not usable here: " + probe.stderr().strip();
        } catch (IOException e) {
            return PYTHON + " is not installed";
        }
    }

    /** Runs {@link #PYTHON} with nothing from the host's AWS configuration. */
    private Result python(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(concat(PYTHON, args));
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        builder.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Path out = home.resolve("stdout-" + System.nanoTime());
        Path err = home.resolve("stderr-" + System.nanoTime());
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + List.of(args));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
