package io.labrunner.emulator.sagemaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceDeleter.Deletion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The runner's cleanup and tagging of processing jobs, job definitions and schedules, against these operations. */
class MonitorLedgerTest {

    @Test
    void schedulesDefinitionsAndJobsAreTaggedThenCleanedOnceAndThenGone(@TempDir Path dir) throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(dir, Instant.parse("2026-12-07T15:30:00Z"));
                AwsClients clients = new AwsClients(Optional.of(fixture.emulator.getEndpoint()),
                        Region.of(fixture.emulator.getRegion()), StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(fixture.emulator.getAccessKey(),
                                        fixture.emulator.getSecretKey())))) {
            fixture.put(MonitorFixture.BUCKET, "t.csv", "a\n1\n");
            fixture.suggestBaseline("lab-k3f9x2-base", "s3://data/t.csv", "{\"csv\": {\"header\": true}}",
                    "s3://data/mon/baseline");
            fixture.sagemaker.createMonitoringSchedule(MonitoringScheduleTest.schedule("lab-k3f9x2-mon", "ep",
                    "cron(0 * ? * * *)").build());
            fixture.sagemaker.createDataQualityJobDefinition(r -> r.jobDefinitionName("lab-k3f9x2-dq")
                    .dataQualityAppSpecification(a -> a.imageUri(MonitorFixture.ANALYZER))
                    .dataQualityJobInput(i -> i.endpointInput(e -> e.endpointName("ep")
                            .localPath("/opt/ml/processing/input/endpoint")))
                    .dataQualityJobOutputConfig(o -> o.monitoringOutputs(out -> out.s3Output(s -> s
                            .s3Uri("s3://data/reports").localPath("/opt/ml/processing/output"))))
                    .jobResources(r2 -> r2.clusterConfig(c -> c.instanceCount(1).instanceType("ml.m5.xlarge")
                            .volumeSizeInGB(20)))
                    .roleArn(MonitorFixture.ROLE));
            AwsResourceTagger tagger = new AwsResourceTagger(clients);
            Map<String, String> runTag = Map.of("lab:run-id", "k3f9x2");
            tagger.tag(Resource.monitoringSchedule("lab-k3f9x2-mon"), runTag);
            tagger.tag(Resource.dataQualityJobDefinition("lab-k3f9x2-dq"), runTag);
            tagger.tag(Resource.processingJob("lab-k3f9x2-base"), runTag);
            for (String arn : new String[] {"monitoring-schedule/lab-k3f9x2-mon", "data-quality-job-definition/lab-k3f9x2-dq",
                    "processing-job/lab-k3f9x2-base"}) {
                assertThat(fixture.sagemaker.listTags(r -> r.resourceArn("arn:aws:sagemaker:us-east-1:000000000000:"
                        + arn)).tags()).as(arn).anySatisfy(t -> assertThat(t.key()).isEqualTo("lab:run-id"));
            }

            ResourceDeleter deleter = new ResourceDeleter(clients);
            assertThat(deleter.delete(Resource.monitoringSchedule("lab-k3f9x2-mon"))).isEqualTo(Deletion.DELETED);
            assertThat(deleter.delete(Resource.monitoringSchedule("lab-k3f9x2-mon"))).isEqualTo(Deletion.ALREADY_GONE);
            assertThat(deleter.delete(Resource.dataQualityJobDefinition("lab-k3f9x2-dq"))).isEqualTo(Deletion.DELETED);
            assertThat(deleter.delete(Resource.dataQualityJobDefinition("lab-k3f9x2-dq")))
                    .isEqualTo(Deletion.ALREADY_GONE);
            assertThat(deleter.delete(Resource.processingJob("lab-k3f9x2-base"))).isEqualTo(Deletion.ALREADY_ENDED);
            assertThat(deleter.delete(Resource.processingJob("lab-k3f9x2-none"))).isEqualTo(Deletion.ALREADY_GONE);
            assertThat(fixture.sagemaker.listMonitoringSchedules(r -> { }).monitoringScheduleSummaries()).isEmpty();
        }
    }
}
