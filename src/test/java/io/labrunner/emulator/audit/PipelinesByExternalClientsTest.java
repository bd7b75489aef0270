package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SageMaker Pipelines as a learner drives them from a terminal or a notebook: the AWS CLI v1 and v2
 * (create-pipeline from a file, start-pipeline-execution with parameters, list-pipeline-execution-steps) and
 * boto3, each an independent implementation of the protocol.
 */
class PipelinesByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's packaged AWS CLI v2, when installed. */
    private static final String CLI_V2 = "/usr/bin/aws";
    private static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    /** A Condition on a parameter; a bronze tier takes the Fail step. */
    private static final String GATE = """
            {"Version": "2020-12-01",
             "Parameters": [{"Name": "Tier", "Type": "String", "DefaultValue": "gold"}],
             "Steps": [{"Name": "Check", "Type": "Condition", "Arguments": {
               "Conditions": [{"Type": "In", "QueryValue": {"Get": "Parameters.Tier"}, "Values": ["gold", "silver"]}],
               "IfSteps": [],
               "ElseSteps": [{"Name": "Refuse", "Type": "Fail", "Arguments": {"ErrorMessage": {"Std:Join": {
                 "On": " ", "Values": ["tier", {"Get": "Parameters.Tier"}, "is not served"]}}}}]}}]}
            """;

    @Test
    void theAwsCliV1CreatesAPipelineRunsItAndListsItsSteps(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        roundTrip(external, home, "aws");
    }

    @Test
    void theAwsCliV2CreatesAPipelineRunsItAndListsItsSteps(@TempDir Path home) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        roundTrip(external, home, CLI_V2);
    }

    private static void roundTrip(ExternalClients external, Path home, String cli) throws Exception {
        Path definition = Files.writeString(home.resolve("gate.json"), GATE);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            ExternalClients.Result created = aws(external, cli, endpoint, "sagemaker", "create-pipeline",
                    "--pipeline-name", "gate", "--role-arn", ROLE, "--pipeline-definition", "file://" + definition,
                    "--tags", "Key=team,Value=ml");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            assertThat(JSON.readTree(created.stdout()).path("PipelineArn").asText())
                    .isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:pipeline/gate");

            ExternalClients.Result started = aws(external, cli, endpoint, "sagemaker", "start-pipeline-execution",
                    "--pipeline-name", "gate", "--pipeline-parameters", "Name=Tier,Value=bronze");
            assertThat(started.exitCode()).as(started.stderr()).isZero();
            String arn = JSON.readTree(started.stdout()).path("PipelineExecutionArn").asText();
            JsonNode execution = null;
            for (int i = 0; i < 100; i++) {
                ExternalClients.Result described = aws(external, cli, endpoint, "sagemaker",
                        "describe-pipeline-execution", "--pipeline-execution-arn", arn);
                assertThat(described.exitCode()).as(described.stderr()).isZero();
                execution = JSON.readTree(described.stdout());
                if (!"Executing".equals(execution.path("PipelineExecutionStatus").asText())) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(execution.path("PipelineExecutionStatus").asText()).isEqualTo("Failed");
            assertThat(execution.path("FailureReason").asText()).isEqualTo("Step failure: One or multiple steps failed.");

            ExternalClients.Result listed = aws(external, cli, endpoint, "sagemaker", "list-pipeline-execution-steps",
                    "--pipeline-execution-arn", arn);
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            JsonNode steps = JSON.readTree(listed.stdout()).path("PipelineExecutionSteps");
            assertThat(steps.size()).isEqualTo(2);
            assertThat(steps.get(0).path("StepName").asText()).isEqualTo("Refuse");
            assertThat(steps.get(0).path("StepStatus").asText()).isEqualTo("Failed");
            assertThat(steps.get(0).at("/Metadata/Fail/ErrorMessage").asText()).isEqualTo("tier bronze is not served");
            assertThat(steps.get(1).at("/Metadata/Condition/Outcome").asText()).isEqualTo("False");

            ExternalClients.Result unknown = aws(external, cli, endpoint, "sagemaker", "describe-pipeline",
                    "--pipeline-name", "nope");
            assertThat(unknown.exitCode()).isNotZero();
            assertThat(unknown.stderr()).contains("(ResourceNotFound)");
        }
    }

    @Test
    void boto3RunsAPipelineWithItsDefaultsAndReadsItsParameters(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("pipelines.py");
        Files.writeString(script, String.join("\n",
                "import boto3, json, sys, time",
                "sm = boto3.client('sagemaker', endpoint_url=sys.argv[1])",
                "arn = sm.create_pipeline(PipelineName='gate', RoleArn='" + ROLE + "',",
                "                         PipelineDefinition=open(sys.argv[2]).read())['PipelineArn']",
                "run = sm.start_pipeline_execution(PipelineName='gate')['PipelineExecutionArn']",
                "while sm.describe_pipeline_execution(PipelineExecutionArn=run)['PipelineExecutionStatus'] == 'Executing':",
                "    time.sleep(0.1)",
                "described = sm.describe_pipeline_execution(PipelineExecutionArn=run)",
                "steps = sm.list_pipeline_execution_steps(PipelineExecutionArn=run)['PipelineExecutionSteps']",
                "params = sm.list_pipeline_parameters_for_execution(PipelineExecutionArn=run)['PipelineParameters']",
                "summaries = sm.list_pipelines()['PipelineSummaries']",
                "try:",
                "    sm.start_pipeline_execution(PipelineName='nope'); missing = None",
                "except sm.exceptions.ResourceNotFound as e:",
                "    missing = e.response['Error']['Code']",
                "print(json.dumps({'arn': arn, 'status': described['PipelineExecutionStatus'],",
                "    'steps': [[s['StepName'], s['StepStatus'], s['Metadata']['Condition']['Outcome']] for s in steps],",
                "    'params': params, 'pipelines': [p['PipelineName'] for p in summaries], 'missing': missing,",
                "    'created': described['CreationTime'].isoformat()}))",
                ""));
        Path definition = Files.writeString(home.resolve("gate.json"), GATE);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result result = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString(), definition.toString()));
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            JsonNode out = JSON.readTree(result.stdout());
            assertThat(out.path("status").asText()).isEqualTo("Succeeded");
            assertThat(out.path("steps").toString()).isEqualTo("[[\"Check\",\"Succeeded\",\"True\"]]");
            assertThat(out.path("params").toString()).isEqualTo("[{\"Name\":\"Tier\",\"Value\":\"gold\"}]");
            assertThat(out.path("pipelines").toString()).isEqualTo("[\"gate\"]");
            assertThat(out.path("missing").asText()).isEqualTo("ResourceNotFound");
        }
    }

    private static ExternalClients.Result aws(ExternalClients external, String cli, String endpoint, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return external.run(command);
    }
}
