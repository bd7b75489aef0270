package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step Functions through independent clients: boto3 (stepfunctions_by_boto3.py) and the AWS CLI, version 1
 * ({@code aws} on the PATH) and version 2 ({@code /usr/bin/aws} where installed): create a state machine, start an
 * execution, describe it and read its history.
 */
class StepFunctionsByClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"states.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String DEFINITION = "{\"StartAt\":\"Add\",\"States\":{\"Add\":{\"Type\":\"Pass\","
            + "\"Parameters\":{\"sum.$\":\"States.MathAdd($.a, $.b)\"},\"End\":true}}}";

    @Test
    void boto3CreatesRunsAndReadsTheHistoryOfAStateMachine(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = copy("stepfunctions_by_boto3.py", home);
        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = JSON.readTree(ran.stdout());
        }
        assertThat(seen.path("machineArn").asText())
                .isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:boto3-greeter");
        assertThat(seen.path("creationDateType").asText()).isEqualTo("datetime");
        assertThat(seen.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(seen.path("object").asText()).isEqualTo("hello boto3");
        assertThat(seen.path("output").path("etag").asText()).matches("\"[0-9a-f]{32}\"");
        assertThat(texts(seen.path("history"))).containsExactly("ExecutionStarted", "PassStateEntered",
                "PassStateExited", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
                "TaskStateExited", "ExecutionSucceeded");
        assertThat(seen.path("taskSucceededOutput").path("ETag").asText()).isEqualTo(
                seen.path("output").path("etag").asText());
        assertThat(texts(seen.path("listed"))).containsExactly("first");
        assertThat(seen.path("sync").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(seen.path("sync").path("output").asText()).isEqualTo("{\"n\":1}");
        assertThat(seen.path("refused").path("badDefinition").path("code").asText()).isEqualTo("InvalidDefinition");
        assertThat(seen.path("refused").path("badDefinition").path("message").asText())
                .startsWith("Invalid State Machine Definition: ");
        assertThat(seen.path("refused").path("missingExecution").path("code").asText())
                .isEqualTo("ExecutionDoesNotExist");
    }

    @Test
    void theAwsCliVersionsOneAndTwoCreateStartDescribeAndReadTheHistory(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, missing);
        List<String> clis = new ArrayList<>(List.of("aws"));
        if (Files.isExecutable(Path.of("/usr/bin/aws"))) {
            clis.add("/usr/bin/aws");
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            String role = JSON.readTree(ok(clients, "aws", endpoint, "iam", "create-role", "--role-name", "cli-states",
                    "--assume-role-policy-document", TRUST)).path("Role").path("Arn").asText();
            for (String cli : clis) {
                String name = cli.equals("aws") ? "cli-v1" : "cli-v2";
                JsonNode created = JSON.readTree(ok(clients, cli, endpoint, "stepfunctions", "create-state-machine",
                        "--name", name, "--definition", DEFINITION, "--role-arn", role));
                String machine = created.path("stateMachineArn").asText();
                assertThat(machine).as(cli).endsWith(":stateMachine:" + name);
                String execution = JSON.readTree(ok(clients, cli, endpoint, "stepfunctions", "start-execution",
                        "--state-machine-arn", machine, "--input", "{\"a\":2,\"b\":3}")).path("executionArn").asText();
                JsonNode described = null;
                for (int i = 0; i < 100; i++) {
                    described = JSON.readTree(ok(clients, cli, endpoint, "stepfunctions", "describe-execution",
                            "--execution-arn", execution));
                    if (!described.path("status").asText().equals("RUNNING")) {
                        break;
                    }
                }
                assertThat(described.path("status").asText()).as(cli).isEqualTo("SUCCEEDED");
                assertThat(described.path("output").asText()).as(cli).isEqualTo("{\"sum\":5}");
                JsonNode history = JSON.readTree(ok(clients, cli, endpoint, "stepfunctions", "get-execution-history",
                        "--execution-arn", execution, "--reverse-order"));
                assertThat(texts(history.path("events").findValues("type").stream().collect(
                        JSON::createArrayNode, com.fasterxml.jackson.databind.node.ArrayNode::add,
                        com.fasterxml.jackson.databind.node.ArrayNode::addAll))).as(cli)
                        .containsExactly("ExecutionSucceeded", "PassStateExited", "PassStateEntered",
                                "ExecutionStarted");
                ExternalClients.Result refused = run(clients, cli, endpoint, "stepfunctions", "create-state-machine",
                        "--name", name + "-bad", "--definition", "{\"StartAt\":\"X\",\"States\":{}}", "--role-arn",
                        role);
                assertThat(refused.exitCode()).as(cli).isNotZero();
                assertThat(refused.stderr()).as(cli).contains("(InvalidDefinition)");
            }
        }
    }

    private static String ok(ExternalClients clients, String cli, String endpoint, String... args)
            throws IOException, InterruptedException {
        ExternalClients.Result result = run(clients, cli, endpoint, args);
        assertThat(result.exitCode()).as(cli + " " + String.join(" ", args) + ": " + result.stderr()).isZero();
        return result.stdout();
    }

    private static ExternalClients.Result run(ExternalClients clients, String cli, String endpoint, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return clients.run(command);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = StepFunctionsByClientsTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
