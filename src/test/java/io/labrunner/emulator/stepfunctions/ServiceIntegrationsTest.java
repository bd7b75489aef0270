package io.labrunner.emulator.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * State machines whose tasks call the emulator's own services: real XGBoost training with
 * {@code sagemaker:createTrainingJob.sync}, a Glue crawler started and polled through AWS SDK integrations, an Athena
 * query with {@code .sync}, a callback with {@code .waitForTaskToken}, and failing tasks.
 */
class ServiceIntegrationsTest {
    static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Emulator emulator;
    private static SfnClient sfn;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        SfnClients.createRole(emulator);
        sfn = SfnClients.sfn(emulator);
        s3 = SfnClients.s3(emulator);
        s3.createBucket(r -> r.bucket("mlbucket"));
        s3.putObject(r -> r.bucket("mlbucket").key("train/train.csv"), RequestBody.fromString(rows(600, 1)));
    }

    @AfterAll
    static void stop() {
        sfn.close();
        s3.close();
        emulator.close();
    }

    /** Rows {@code label,x0,x1,x2} with label 1 exactly when x0 + x1 > 1. */
    static String rows(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double x0 = random.nextDouble();
            double x1 = random.nextDouble();
            out.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f%n", x0 + x1 > 1 ? 1 : 0, x0, x1,
                    random.nextDouble()));
        }
        return out.toString();
    }

    static String trainingTask(String resource, String next) {
        return "{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":{"
                + "\"TrainingJobName.$\":\"$.jobName\",\"RoleArn\":\"" + SfnClients.ROLE + "\","
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"" + IMAGE + "\",\"TrainingInputMode\":\"File\"},"
                + "\"HyperParameters\":{\"objective\":\"binary:logistic\",\"num_round\":\"20\",\"max_depth\":\"3\"},"
                + "\"InputDataConfig\":[{\"ChannelName\":\"train\",\"ContentType\":\"text/csv\",\"DataSource\":"
                + "{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://mlbucket/train/\"}}}],"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://mlbucket/output\"},"
                + "\"ResourceConfig\":{\"InstanceType\":\"ml.m5.large\",\"InstanceCount\":1,\"VolumeSizeInGB\":5},"
                + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":600}}," + next + "}";
    }

    private static String create(String name, String definition) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(SfnClients.ROLE))
                .stateMachineArn();
    }

    private static DescribeExecutionResponse run(String machineArn, String input) {
        String execution = sfn.startExecution(r -> r.stateMachineArn(machineArn).input(input)).executionArn();
        return SfnClients.awaitEnd(sfn, execution, Duration.ofSeconds(120));
    }

    private static List<HistoryEventType> types(String executionArn) {
        return sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(1000)).events().stream()
                .map(HistoryEvent::type).toList();
    }

    @Test
    void createTrainingJobSyncTrainsXgboostAndAnswersWithTheJobsDescription() throws Exception {
        String machine = create("train", "{\"StartAt\":\"Train\",\"States\":{\"Train\":" + trainingTask(
                "arn:aws:states:::sagemaker:createTrainingJob.sync", "\"ResultSelector\":{\"status.$\":"
                        + "\"$.TrainingJobStatus\",\"artifact.$\":\"$.ModelArtifacts.S3ModelArtifacts\"},"
                        + "\"End\":true") + "}}");
        DescribeExecutionResponse ended = run(machine, "{\"jobName\":\"sfn-train-1\"}");

        assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = JSON.readTree(ended.output());
        assertThat(output.path("status").asText()).isEqualTo("Completed");
        assertThat(output.path("artifact").asText()).isEqualTo("s3://mlbucket/output/sfn-train-1/output/model.tar.gz");
        assertThat(s3.headObject(r -> r.bucket("mlbucket").key("output/sfn-train-1/output/model.tar.gz"))
                .contentLength()).isPositive();
        assertThat(types(ended.executionArn())).containsSubsequence(HistoryEventType.TASK_SCHEDULED,
                HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED,
                HistoryEventType.EXECUTION_SUCCEEDED);
    }

    @Test
    void aGlueCrawlerIsStartedAndPolledThroughAwsSdkIntegrationsUntilItsTableExists() throws Exception {
        s3.putObject(r -> r.bucket("mlbucket").key("lake/sales/part-0.csv"),
                RequestBody.fromString("id,amount,region\n1,9.5,EU\n2,12.25,US\n"));
        try (GlueClient glue = GlueClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion())).credentialsProvider(SfnClients.credentials(emulator))
                .build()) {
            glue.createDatabase(d -> d.databaseInput(i -> i.name("lake")));
            glue.createCrawler(c -> c.name("sales").role(SfnClients.ROLE).databaseName("lake")
                    .targets(t -> t.s3Targets(s -> s.path("s3://mlbucket/lake/sales/"))));
        }
        String machine = create("crawl", "{\"StartAt\":\"Start\",\"States\":{"
                + "\"Start\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:glue:startCrawler\","
                + "\"Parameters\":{\"Name\":\"sales\"},\"ResultPath\":null,\"Next\":\"Wait\"},"
                + "\"Wait\":{\"Type\":\"Wait\",\"Seconds\":1,\"Next\":\"Look\"},"
                + "\"Look\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:glue:getCrawler\","
                + "\"Parameters\":{\"Name\":\"sales\"},\"ResultSelector\":{\"state.$\":\"$.Crawler.State\"},"
                + "\"ResultPath\":\"$.crawler\",\"Next\":\"Done?\"},"
                + "\"Done?\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.crawler.state\","
                + "\"StringEquals\":\"READY\",\"Next\":\"Tables\"}],\"Default\":\"Wait\"},"
                + "\"Tables\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:glue:getTables\","
                + "\"Parameters\":{\"DatabaseName\":\"lake\"},"
                + "\"ResultSelector\":{\"names.$\":\"$.TableList[*].Name\"},\"End\":true}}}");
        DescribeExecutionResponse ended = run(machine, "{}");

        assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(ended.output()).path("names").toString()).isEqualTo("[\"sales\"]");
    }

    @Test
    void athenaStartQueryExecutionSyncWaitsForTheQueryAndItsResultsAreRead() throws Exception {
        String machine = create("query", "{\"StartAt\":\"Query\",\"States\":{"
                + "\"Query\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::athena:startQueryExecution.sync\","
                + "\"Parameters\":{\"QueryString\":\"SELECT 40 + 2 AS answer\",\"ResultConfiguration\":"
                + "{\"OutputLocation\":\"s3://mlbucket/athena/\"}},\"Next\":\"Results\"},"
                + "\"Results\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::athena:getQueryResults\","
                + "\"Parameters\":{\"QueryExecutionId.$\":\"$.QueryExecution.QueryExecutionId\"},"
                + "\"ResultSelector\":{\"answer.$\":\"$.ResultSet.Rows[1].Data[0].VarCharValue\"},\"End\":true}}}");
        DescribeExecutionResponse ended = run(machine, "{}");

        assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(ended.output()).path("answer").asText()).isEqualTo("42");
    }

    @Test
    void aWaitForTaskTokenTaskWaitsUntilSendTaskSuccessAndALateCallbackHasTimedOut() throws Exception {
        String child = create("child", StepFunctionsApiTest.WAIT);
        String parent = create("parent", "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::states:startExecution.waitForTaskToken\",\"Parameters\":{"
                + "\"StateMachineArn\":\"" + child + "\",\"Input\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}");
        String execution = sfn.startExecution(r -> r.stateMachineArn(parent)).executionArn();
        SfnClients.await(() -> !sfn.listExecutions(r -> r.stateMachineArn(child)).executions().isEmpty(),
                Duration.ofSeconds(10));
        String childExecution = sfn.listExecutions(r -> r.stateMachineArn(child)).executions().get(0).executionArn();
        String token = JSON.readTree(sfn.describeExecution(r -> r.executionArn(childExecution)).input())
                .path("token").asText();
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status()).isEqualTo(ExecutionStatus.RUNNING);

        sfn.sendTaskHeartbeat(r -> r.taskToken(token));
        sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
        DescribeExecutionResponse ended = SfnClients.awaitEnd(sfn, execution, Duration.ofSeconds(10));

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).isEqualTo("{\"approved\":true}");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        sfn.stopExecution(r -> r.executionArn(childExecution));
    }

    @Test
    void aFailingTaskIsRecordedAsTaskFailedAndExecutionFailedAndTheEmulatorKeepsServing() {
        String machine = create("reads", "{\"StartAt\":\"Read\",\"States\":{\"Read\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::aws-sdk:s3:getObject\",\"Parameters\":{\"Bucket\":\"mlbucket\","
                + "\"Key\":\"missing.csv\"},\"End\":true}}}");
        DescribeExecutionResponse failed = run(machine, "{}");

        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("S3.NoSuchKeyException");
        assertThat(failed.cause()).startsWith("The specified key does not exist. (Service: S3, Status Code: 404");
        List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(failed.executionArn())).events();
        HistoryEvent taskFailed = events.stream().filter(e -> e.type() == HistoryEventType.TASK_FAILED).findFirst()
                .orElseThrow();
        assertThat(taskFailed.taskFailedEventDetails().error()).isEqualTo("S3.NoSuchKeyException");
        assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_FAILED);

        s3.putObject(r -> r.bucket("mlbucket").key("missing.csv"), RequestBody.fromString("a,b\n"));
        DescribeExecutionResponse read = run(machine, "{}");
        assertThat(read.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(read.output()).contains("\"Body\":\"a,b\\n\"");
    }

    @Test
    void anIntegrationTheEmulatorCannotServeFailsTheTaskNamingIt() {
        List<String> resources = new ArrayList<>(List.of("arn:aws:states:::glue:startJobRun.sync",
                "arn:aws:lambda:us-east-1:000000000000:function:score"));
        for (String resource : resources) {
            String machine = create("cannot-" + resources.indexOf(resource), "{\"StartAt\":\"T\",\"States\":{\"T\":"
                    + "{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":{\"JobName\":\"etl\"},"
                    + "\"End\":true}}}");
            DescribeExecutionResponse failed = run(machine, "{}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("States.TaskFailed");
            assertThat(failed.cause()).contains(resource.replace(".sync", ""));
        }
    }
}
