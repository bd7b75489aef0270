package io.labrunner.emulator.sagemaker.transform;

import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SLOW_IMAGE;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SUM_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceDeleter.Deletion;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/** The runner's cleanup and tagging of SageMaker models and transform jobs, against these operations. */
class SageMakerLedgerTest {
    private final TransformFixture fixture = new TransformFixture();
    private final AwsClients clients = new AwsClients(Optional.of(fixture.emulator.getEndpoint()),
            Region.of(fixture.emulator.getRegion()), StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    fixture.emulator.getAccessKey(), fixture.emulator.getSecretKey())));

    @AfterEach
    void close() {
        clients.close();
        fixture.close();
    }

    @Test
    void aModelIsDeletedOnceAndThenAlreadyGone() throws InterruptedException {
        fixture.createModel("lab-k3f9x2-model", SUM_IMAGE, 1);
        ResourceDeleter deleter = new ResourceDeleter(clients);

        assertThat(deleter.delete(Resource.sageMakerModel("lab-k3f9x2-model"))).isEqualTo(Deletion.DELETED);
        assertThat(deleter.delete(Resource.sageMakerModel("lab-k3f9x2-model"))).isEqualTo(Deletion.ALREADY_GONE);
        assertThat(fixture.sagemaker.listModels(r -> { }).models()).isEmpty();
    }

    @Test
    void aRunningTransformJobIsStoppedAndAnUnknownOneIsAlreadyGone() throws InterruptedException {
        fixture.createModel("m", SLOW_IMAGE, 1);
        fixture.put("in/a.csv", "1\n2\n3\n4\n5\n6\n7\n8\n");
        fixture.sagemaker.createTransformJob(r -> r.transformJobName("lab-k3f9x2-score").modelName("m")
                .batchStrategy("SingleRecord")
                .transformInput(i -> i.contentType("text/csv").splitType("Line")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/"))))
                .transformOutput(o -> o.s3OutputPath("s3://data/out"))
                .transformResources(t -> t.instanceType("ml.m5.large").instanceCount(1)));
        ResourceDeleter deleter = new ResourceDeleter(clients);

        assertThat(deleter.delete(Resource.transformJob("lab-k3f9x2-score"))).isEqualTo(Deletion.DELETED);
        assertThat(fixture.sagemaker.describeTransformJob(r -> r.transformJobName("lab-k3f9x2-score"))
                .transformJobStatus()).isEqualTo(TransformJobStatus.STOPPED);
        assertThat(deleter.delete(Resource.transformJob("lab-k3f9x2-score"))).isEqualTo(Deletion.ALREADY_ENDED);
        assertThat(deleter.delete(Resource.transformJob("lab-k3f9x2-nope"))).isEqualTo(Deletion.ALREADY_GONE);
    }

    @Test
    void modelsAndJobsAreTaggedThroughAddTags() {
        fixture.createModel("lab-k3f9x2-model", SUM_IMAGE, 1);

        new AwsResourceTagger(clients).tag(Resource.sageMakerModel("lab-k3f9x2-model"), Map.of("lab:run-id", "k3f9x2"));

        assertThat(fixture.tags("arn:aws:sagemaker:us-east-1:000000000000:model/lab-k3f9x2-model"))
                .containsEntry("lab:run-id", "k3f9x2");
    }
}
