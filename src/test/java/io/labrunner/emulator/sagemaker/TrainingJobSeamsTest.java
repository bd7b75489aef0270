package io.labrunner.emulator.sagemaker;

import static io.labrunner.emulator.sagemaker.TrainingJobTest.waitForEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.sagemaker.training.TrainingJobService;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * The seams other parts build on: a tuning job starts and follows training jobs through {@link TrainingJobs},
 * and a job's container output goes to CloudWatch Logs through {@link LogWriter}.
 */
class TrainingJobSeamsTest {
    private record Event(String region, String group, String stream, long timestamp, String message) {
    }

    private final List<Event> logged = new CopyOnWriteArrayList<>();
    private TrainingJobService training;
    private Emulator emulator;
    private SageMakerClient sagemaker;
    private S3Client s3;

    @BeforeEach
    void start() {
        LogWriter logs = (region, group, stream, timestamp, message) ->
                logged.add(new Event(region, group, stream, timestamp, message));
        emulator = Emulator.builder().port(0).service(e -> {
            ResourceTags tags = new ResourceTags(e.stateStore());
            training = new TrainingJobService(e.accountId(), List.of(new FakeAlgorithm("linear-learner")),
                    e.s3Objects(), logs, tags, TrainingTimings.instant(2), e.stateStore(),
                    e.getDataDir().resolve("sagemaker-work"), Clock.systemUTC());
            return new SageMakerService(List.of(training, new TagOperations(tags)));
        }).build().start();
        sagemaker = TrainingJobTest.sageMaker(emulator);
        s3 = TrainingJobTest.s3(emulator);
        s3.createBucket(b -> b.bucket("lab"));
        s3.putObject(p -> p.bucket("lab").key("data/train/a.csv"), RequestBody.fromString("1,2\n3,4\n"));
    }

    @AfterEach
    void stop() {
        sagemaker.close();
        s3.close();
        emulator.close();
    }

    private static ObjectNode request(String name) {
        ObjectNode request = Json.object();
        request.put("TrainingJobName", name);
        request.put("RoleArn", TrainingJobTest.ROLE);
        request.putObject("AlgorithmSpecification").put("TrainingImage",
                "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1").put("TrainingInputMode", "File");
        request.putObject("HyperParameters").put("rounds", "3");
        ObjectNode channel = request.putArray("InputDataConfig").addObject().put("ChannelName", "train");
        channel.putObject("DataSource").putObject("S3DataSource").put("S3DataType", "S3Prefix")
                .put("S3Uri", "s3://lab/data/train/");
        request.putObject("OutputDataConfig").put("S3OutputPath", "s3://lab/tuning");
        request.putObject("ResourceConfig").put("InstanceType", "ml.m5.large").put("InstanceCount", 1)
                .put("VolumeSizeInGB", 5);
        request.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 600);
        return request;
    }

    @Test
    void aTuningJobsTrialIsStartedFollowedAndShownWithItsTuningJob() {
        String tuningArn = "arn:aws:sagemaker:us-east-1:000000000000:hyper-parameter-tuning-job/tune-1";
        training.start("us-east-1", request("tune-1-001-abcd"), tuningArn);

        DescribeTrainingJobResponse done = waitForEnd(sagemaker, "tune-1-001-abcd");
        assertThat(done.tuningJobArn()).isEqualTo(tuningArn);
        TrainingJobs.View view = training.find("us-east-1", "tune-1-001-abcd").orElseThrow();
        assertThat(view.status()).isEqualTo("Completed");
        assertThat(view.finalMetrics()).containsEntry("train:lines", 2.0);
        assertThat(view.hyperParameters()).containsEntry("rounds", "3");
        assertThat(view.end()).isNotNull().isAfterOrEqualTo(view.start());
        assertThat(training.find("eu-west-1", "tune-1-001-abcd")).isEmpty();

        assertThatThrownBy(() -> training.start("us-east-1", request("tune-1-001-abcd"), tuningArn))
                .isInstanceOf(AwsException.class).extracting(e -> ((AwsException) e).code()).isEqualTo("ResourceInUse");
    }

    @Test
    void theContainersLinesGoToItsStreamInTheTrainingJobsGroup() {
        sagemaker.createTrainingJob(TrainingJobTest.job("logged", java.util.Map.of("rounds", "3"),
                b -> b.algorithmSpecification(a -> a.trainingImage(
                        "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1").trainingInputMode("File"))));
        DescribeTrainingJobResponse done = waitForEnd(sagemaker, "logged");

        assertThat(logged).isNotEmpty().allSatisfy(e -> {
            assertThat(e.region()).isEqualTo("us-east-1");
            assertThat(e.group()).isEqualTo("/aws/sagemaker/TrainingJobs");
            assertThat(e.stream()).matches("logged/algo-1-\\d{10}");
            assertThat(e.timestamp()).isBetween(done.trainingStartTime().toEpochMilli(),
                    done.trainingEndTime().toEpochMilli());
        });
        assertThat(logged).extracting(Event::message)
                .containsExactly("Arguments: train", "[0]#011train-lines:2", "[1]#011train-lines:2",
                        "[2]#011train-lines:2");
    }
}
