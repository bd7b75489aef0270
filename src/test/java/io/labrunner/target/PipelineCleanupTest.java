package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Capability;
import io.labrunner.core.Leftovers;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.emulator.Emulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The ledger, tagging, leftovers and sweep of SageMaker pipelines. */
class PipelineCleanupTest {
    private static final String PIPELINE = "lab-k3f9x2-retrain";
    private static final String DEFINITION = "{\"Version\":\"2020-12-01\",\"Parameters\":[],\"Steps\":[{\"Name\":\"Stop\","
            + "\"Type\":\"Fail\",\"Arguments\":{\"ErrorMessage\":\"nothing to do\"}}]}";
    private final Emulator emulator = Emulator.builder().port(0).build().start();
    private final AwsClients clients = new AwsClients(Optional.of(emulator.getEndpoint()),
            Region.of(emulator.getRegion()), EndpointTarget.emulatorCredentials());
    private final SageMakerClient sagemaker = clients.sageMaker();

    @AfterEach
    void close() {
        clients.close();
        emulator.close();
    }

    private String createPipeline() {
        return sagemaker.createPipeline(r -> r.pipelineName(PIPELINE).pipelineDefinition(DEFINITION)
                .roleArn("arn:aws:iam::" + Emulator.ACCOUNT_ID + ":role/pipelines")).pipelineArn();
    }

    @Test
    void aPipelineIsDeletedAndThenAlreadyGone() throws InterruptedException {
        createPipeline();
        ResourceDeleter deleter = new ResourceDeleter(clients);

        assertThat(deleter.delete(Resource.sageMakerPipeline(PIPELINE))).isEqualTo(Deletion.DELETED);
        assertThat(sagemaker.listPipelines(r -> { }).pipelineSummaries()).isEmpty();
        assertThat(deleter.delete(Resource.sageMakerPipeline(PIPELINE))).isEqualTo(Deletion.ALREADY_GONE);
    }

    @Test
    void aPipelineIsTaggedAndFoundAsALeftoverOfItsRun() {
        String arn = createPipeline();

        new AwsResourceTagger(clients).tag(Resource.sageMakerPipeline(PIPELINE), Map.of("lab:run-id", "k3f9x2"));

        assertThat(sagemaker.listTags(r -> r.resourceArn(arn)).tags())
                .anyMatch(t -> t.key().equals("lab:run-id") && t.value().equals("k3f9x2"));
        assertThat(new Leftovers(clients, Set.of(Capability.S3, Capability.SAGEMAKER_PIPELINES)).find("k3f9x2"))
                .containsExactly("SageMaker pipeline " + PIPELINE);
    }

    @Test
    void aSweepFindsThePipelineByTagAndByNameOnceAndDeletesIt() {
        String arn = createPipeline();
        Instant now = Instant.now().plus(Duration.ofHours(7));
        TaggedResources tagged = () -> List.of(new TaggedResources.Tagged(arn,
                Map.of("lab:run-id", "k3f9x2", "lab:expires-at", now.toString())));
        Sweeper sweeper = new Sweeper(clients, Set.of(Capability.S3, Capability.SAGEMAKER_PIPELINES), tagged,
                Clock.fixed(now.plus(Duration.ofHours(30)), ZoneOffset.UTC));

        List<Sweeper.Leftover> found = sweeper.find(Duration.ofHours(6));

        assertThat(found).extracting(Sweeper.Leftover::resource)
                .containsExactly(Optional.of(Resource.sageMakerPipeline(PIPELINE)));
        assertThat(sweeper.delete(found)).isEmpty();
        assertThat(sagemaker.listPipelines(r -> { }).pipelineSummaries()).isEmpty();
    }
}
