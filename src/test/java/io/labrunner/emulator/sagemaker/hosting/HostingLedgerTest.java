package io.labrunner.emulator.sagemaker.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Capability;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.target.Sweeper;
import io.labrunner.target.TaggedResources;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner's cleanup, tagging and sweeping of endpoints and endpoint configurations. */
class HostingLedgerTest {
    private final HostingFixture fixture = new HostingFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void endpoint(String name) {
        fixture.xgboostModel(name + "-model", 3, 1);
        fixture.sagemaker.createEndpointConfig(r -> r.endpointConfigName(name + "-config").productionVariants(v -> v
                .variantName("AllTraffic").modelName(name + "-model").instanceType("ml.m5.large")
                .initialInstanceCount(1)));
        fixture.sagemaker.createEndpoint(r -> r.endpointName(name).endpointConfigName(name + "-config"));
    }

    @Test
    void anEndpointIsDeletedAndWaitedForEvenWhileCreatingThenAlreadyGone() throws InterruptedException {
        endpoint("lab-k3f9x2-ep");
        ResourceDeleter deleter = new ResourceDeleter(fixture.clients);

        assertThat(deleter.delete(Resource.endpoint("lab-k3f9x2-ep"))).isEqualTo(Deletion.DELETED);
        assertThat(fixture.sagemaker.listEndpoints(r -> { }).endpoints()).isEmpty();
        assertThat(deleter.delete(Resource.endpoint("lab-k3f9x2-ep"))).isEqualTo(Deletion.ALREADY_GONE);
        assertThat(deleter.delete(Resource.endpointConfig("lab-k3f9x2-ep-config"))).isEqualTo(Deletion.DELETED);
        assertThat(deleter.delete(Resource.endpointConfig("lab-k3f9x2-ep-config"))).isEqualTo(Deletion.ALREADY_GONE);
    }

    @Test
    void endpointsAreTaggedAndSweptByName() {
        endpoint("lab-k3f9x2-ep");
        new AwsResourceTagger(fixture.clients).tag(Resource.endpoint("lab-k3f9x2-ep"), Map.of("lab:run-id", "k3f9x2"));
        assertThat(fixture.sagemaker.listTags(r -> r.resourceArn(
                "arn:aws:sagemaker:us-east-1:000000000000:endpoint/lab-k3f9x2-ep")).tags())
                .anySatisfy(t -> assertThat(t.value()).isEqualTo("k3f9x2"));

        var found = new Sweeper(fixture.clients, Set.of(Capability.SAGEMAKER_HOSTING), TaggedResources.NONE,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(2))).find(Duration.ofHours(1));
        assertThat(found).extracting(l -> l.resource().orElseThrow())
                .contains(Resource.endpoint("lab-k3f9x2-ep"), Resource.endpointConfig("lab-k3f9x2-ep-config"));
    }
}
