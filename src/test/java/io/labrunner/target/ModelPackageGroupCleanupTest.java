package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Capability;
import io.labrunner.core.Leftovers;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceKinds;
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

/** The ledger, tagging, leftovers and sweep of Model Registry groups, with the versions registered in them. */
class ModelPackageGroupCleanupTest {
    private static final String GROUP = "lab-k3f9x2-churn";
    private final Emulator emulator = Emulator.builder().port(0).build().start();
    private final AwsClients clients = new AwsClients(Optional.of(emulator.getEndpoint()),
            Region.of(emulator.getRegion()), EndpointTarget.emulatorCredentials());
    private final SageMakerClient sagemaker = clients.sageMaker();

    @AfterEach
    void close() {
        clients.close();
        emulator.close();
    }

    private String registerGroupWithVersions(int versions) {
        String arn = sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName(GROUP)).modelPackageGroupArn();
        for (int i = 0; i < versions; i++) {
            sagemaker.createModelPackage(r -> r.modelPackageGroupName(GROUP).inferenceSpecification(s -> s
                    .containers(c -> c.image("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1")
                            .modelDataUrl("s3://data/model.tar.gz"))
                    .supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv")));
        }
        return arn;
    }

    @Test
    void aGroupIsDeletedWithItsVersionsAndThenAlreadyGone() throws InterruptedException {
        registerGroupWithVersions(2);
        ResourceDeleter deleter = new ResourceDeleter(clients);

        assertThat(deleter.delete(Resource.modelPackageGroup(GROUP))).isEqualTo(Deletion.DELETED);
        assertThat(sagemaker.listModelPackageGroups(r -> { }).modelPackageGroupSummaryList()).isEmpty();
        assertThat(deleter.delete(Resource.modelPackageGroup(GROUP))).isEqualTo(Deletion.ALREADY_GONE);
    }

    @Test
    void aGroupIsTaggedAndFoundAsALeftoverOfItsRun() {
        String arn = registerGroupWithVersions(1);

        new AwsResourceTagger(clients).tag(Resource.modelPackageGroup(GROUP), Map.of("lab:run-id", "k3f9x2"));

        assertThat(sagemaker.listTags(r -> r.resourceArn(arn)).tags())
                .anyMatch(t -> t.key().equals("lab:run-id") && t.value().equals("k3f9x2"));
        assertThat(new Leftovers(clients, Set.of(Capability.S3, Capability.SAGEMAKER_TRAINING)).find("k3f9x2"))
                .containsExactly("SageMaker model package group " + GROUP);
    }

    @Test
    void aSweepFindsTheGroupByTagByVersionAndByNameOnceAndDeletesIt() {
        String groupArn = registerGroupWithVersions(2);
        Instant now = Instant.now().plus(Duration.ofHours(7));
        Map<String, String> tags = Map.of("lab:run-id", "k3f9x2", "lab:expires-at", now.toString());
        TaggedResources tagged = () -> List.of(new TaggedResources.Tagged(groupArn, tags),
                new TaggedResources.Tagged(groupArn.replace("model-package-group/", "model-package/") + "/2", tags));
        Sweeper sweeper = new Sweeper(clients, Set.of(Capability.S3, Capability.SAGEMAKER_TRAINING), tagged,
                Clock.fixed(now.plus(Duration.ofHours(30)), ZoneOffset.UTC));

        List<Sweeper.Leftover> found = sweeper.find(Duration.ofHours(6));

        assertThat(found).extracting(Sweeper.Leftover::resource)
                .containsExactly(Optional.of(Resource.modelPackageGroup(GROUP)));
        assertThat(sweeper.delete(found)).isEmpty();
        assertThat(sagemaker.listModelPackageGroups(r -> { }).modelPackageGroupSummaryList()).isEmpty();
    }

    @Test
    void arnsOfGroupsAndVersionsNameTheGroup() {
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:model-package-group/lab-k3f9x2-churn"))
                .contains(Resource.modelPackageGroup("lab-k3f9x2-churn"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:model-package/lab-k3f9x2-churn/3"))
                .contains(Resource.modelPackageGroup("lab-k3f9x2-churn"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:model-package/unversioned")).isEmpty();
    }
}
