package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.hosting.HostingFixture;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SageMaker hosting as a learner's tools drive it: boto3 creates the model, configuration and endpoint, waits with
 * its waiters and invokes through its own sagemaker-runtime client (hosting_by_boto3.py); open-source xgboost in
 * another Python loads the same model.tar.gz's booster and predicts the same; and {@code aws sagemaker-runtime
 * invoke-endpoint --body fileb://...} works from the AWS CLI v1 and v2.
 */
class HostingByBoto3Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLI_V2 = "/usr/bin/aws";

    @Test
    void boto3HostsAndInvokesAndXgboostPredictsTheSame(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path work = Files.createDirectory(home.resolve("work"));
        byte[] model = HostingFixture.booster(30, 400, 11);
        Files.write(work.resolve("model.tar.gz"), HostingFixture.tarGz(Map.of("xgboost-model", model)));
        Files.write(work.resolve("xgboost-model"), model);
        Random random = new Random(5);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            rows.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", random.nextDouble(), random.nextDouble(),
                    random.nextDouble()));
        }
        Files.writeString(work.resolve("rows.csv"), rows);
        Path script = home.resolve("hosting_by_boto3.py");
        try (InputStream in = HostingByBoto3Test.class.getResourceAsStream("hosting_by_boto3.py")) {
            Files.copy(in, script);
        }

        JsonNode deployed;
        JsonNode deleted;
        List<String> cliAnswers = new ArrayList<>();
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(), endpoint,
                    work.toString(), "deploy"));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            deployed = JSON.readTree(ran.stdout());
            Files.writeString(work.resolve("x.csv"), "0.9,0.8,0.1");
            for (String cli : cliCommands(clients)) {
                Path out = work.resolve("out-" + cliAnswers.size() + ".json");
                ExternalClients.Result invoked = clients.run(List.of(cli, "--endpoint-url", endpoint, "--output",
                        "json", "sagemaker-runtime", "invoke-endpoint", "--endpoint-name", "boto3-endpoint",
                        "--content-type", "text/csv", "--body", "fileb://" + work.resolve("x.csv"), out.toString()));
                assertThat(invoked.exitCode()).as(cli + ": " + invoked.stderr()).isZero();
                assertThat(JSON.readTree(invoked.stdout()).path("InvokedProductionVariant").asText())
                        .isEqualTo("AllTraffic");
                cliAnswers.add(Files.readString(out));
            }
            ExternalClients.Result gone = clients.run(List.of(ExternalClients.PYTHON, script.toString(), endpoint,
                    work.toString(), "delete"));
            assertThat(gone.exitCode()).as(gone.stderr()).isZero();
            deleted = JSON.readTree(gone.stdout());
        }

        assertThat(deployed.path("firstStatus").asText()).isEqualTo("Creating");
        assertThat(deployed.path("status").asText()).isEqualTo("InService");
        assertThat(deployed.path("variant").asText()).isEqualTo("AllTraffic");
        assertThat(deployed.path("contentType").asText()).startsWith("text/csv");
        assertThat(deployed.path("modelError").path("code").asText()).isEqualTo("ModelError");
        assertThat(deployed.path("modelError").path("status").asInt()).isEqualTo(424);
        assertThat(deployed.path("modelError").path("originalStatus").asInt()).isEqualTo(400);
        assertThat(deployed.path("unknown").path("code").asText()).isEqualTo("ValidationError");
        assertThat(deleted.path("describeAfterDelete").path("code").asText()).isEqualTo("ValidationException");

        String[] served = deployed.path("body").asText().split(",");
        assertThat(served).hasSize(20);
        List<String> cliScores = cliAnswers.stream().map(String::strip).toList();
        assertThat(cliScores).allSatisfy(s -> assertThat(Double.parseDouble(s))
                .isCloseTo(Double.parseDouble(cliScores.get(0)), org.assertj.core.data.Offset.offset(0.0)));

        SageMakerByBoto3Test.PythonWithXgboost python = SageMakerByBoto3Test.PythonWithXgboost.find(clients);
        assumeTrue(python.missing() == null, python.missing());
        ExternalClients.Result local = clients.run(List.of(python.command(), "-c", String.join("\n",
                "import sys, numpy, xgboost",
                "booster = xgboost.Booster()",
                "booster.load_model(bytearray(open(sys.argv[1] + '/xgboost-model', 'rb').read()))",
                "rows = numpy.loadtxt(sys.argv[1] + '/rows.csv', delimiter=',', ndmin=2)",
                "print(','.join(repr(float(p)) for p in booster.predict(xgboost.DMatrix(rows))))"),
                work.toString()));
        assertThat(local.exitCode()).as(local.stderr()).isZero();
        String[] expected = local.stdout().strip().split(",");
        assertThat(expected).hasSize(served.length);
        for (int i = 0; i < served.length; i++) {
            assertThat(Double.parseDouble(served[i])).isCloseTo(Double.parseDouble(expected[i]),
                    org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    /** The AWS CLI v1 on the PATH and, when installed, v2. */
    private static List<String> cliCommands(ExternalClients clients) throws Exception {
        List<String> commands = new ArrayList<>();
        if (clients.awsCliMissing() == null) {
            commands.add("aws");
        }
        if (Files.isExecutable(Path.of(CLI_V2))) {
            ExternalClients.Result version = clients.run(List.of(CLI_V2, "--version"));
            if (version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2")) {
                commands.add(CLI_V2);
            }
        }
        return commands;
    }
}
