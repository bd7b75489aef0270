package io.labrunner.emulator.sagemaker;

import static io.labrunner.emulator.sagemaker.TrainingJobTest.job;
import static io.labrunner.emulator.sagemaker.TrainingJobTest.waitForEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/** Training jobs survive a restart on the same data folder; one that was running comes back Failed. */
class TrainingJobRestartTest {

    private static Emulator start(Path dataDir) {
        return Emulator.builder().port(0).dataDir(dataDir).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(TrainingTimings.instant(2)).build().start();
    }

    @Test
    void finishedJobsComeBackAsTheyWereAndARunningOneComesBackFailed(@TempDir Path dataDir) throws Exception {
        DescribeTrainingJobResponse before;
        try (Emulator first = start(dataDir); SageMakerClient sagemaker = TrainingJobTest.sageMaker(first);
                S3Client s3 = TrainingJobTest.s3(first)) {
            s3.createBucket(b -> b.bucket("lab"));
            s3.putObject(p -> p.bucket("lab").key("data/train/a.csv"), RequestBody.fromString("1,2\n"));
            sagemaker.createTrainingJob(job("kept"));
            before = waitForEnd(sagemaker, "kept");
            sagemaker.createTrainingJob(job("cut-short", Map.of("rounds", "1000", "round_ms", "50"), b -> { }));
            while (!"Training".equals(sagemaker.describeTrainingJob(r -> r.trainingJobName("cut-short"))
                    .secondaryStatusAsString())) {
                Thread.sleep(20);
            }
        }
        try (Emulator second = start(dataDir); SageMakerClient sagemaker = TrainingJobTest.sageMaker(second);
                S3Client s3 = TrainingJobTest.s3(second)) {
            DescribeTrainingJobResponse after = sagemaker.describeTrainingJob(r -> r.trainingJobName("kept"));
            assertThat(after.equalsBySdkFields(before)).as("%s%nequals%n%s", after, before).isTrue();

            DescribeTrainingJobResponse cut = sagemaker.describeTrainingJob(r -> r.trainingJobName("cut-short"));
            assertThat(cut.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
            assertThat(cut.failureReason()).startsWith("InternalServerError: The emulator stopped while this training "
                    + "job was running");
            assertThat(s3.listObjectsV2(l -> l.bucket("lab").prefix("output/")).contents())
                    .extracting(o -> o.key()).containsExactly("output/kept/output/model.tar.gz");
            try (Stream<Path> left = Files.list(dataDir.resolve("sagemaker-work"))) {
                assertThat(left).isEmpty();
            }
        }
    }
}
