package io.labrunner.emulator.sagemaker.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantSummary;

/** Endpoint configurations and endpoints through the SDK: states, waiters, updates, deletes and their errors. */
class EndpointLifecycleTest {
    private final HostingFixture fixture = new HostingFixture();
    private final software.amazon.awssdk.services.sagemaker.SageMakerClient sagemaker = fixture.sagemaker;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void config(String name, String model, String... variants) {
        sagemaker.createEndpointConfig(r -> r.endpointConfigName(name).productionVariants(
                java.util.Arrays.stream(variants).map(v -> software.amazon.awssdk.services.sagemaker.model
                        .ProductionVariant.builder().variantName(v).modelName(model).instanceType("ml.m5.large")
                        .initialInstanceCount(1).initialVariantWeight(1.0f).build()).toList()));
    }

    @Test
    void anEndpointIsCreatingThenInServiceWithItsVariants() {
        fixture.xgboostModel("m1", 5, 1);
        config("c1", "m1", "AllTraffic");
        String arn = sagemaker.createEndpoint(r -> r.endpointName("E1").endpointConfigName("c1")
                .tags(t -> t.key("lab").value("hosting"))).endpointArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:endpoint/e1");
        assertThat(sagemaker.describeEndpoint(r -> r.endpointName("E1")).endpointStatus())
                .isEqualTo(EndpointStatus.CREATING);
        var described = fixture.waitInService("E1");
        assertThat(described.endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
        ProductionVariantSummary variant = described.productionVariants().get(0);
        assertThat(variant.variantName()).isEqualTo("AllTraffic");
        assertThat(variant.currentWeight()).isEqualTo(1.0f);
        assertThat(variant.currentInstanceCount()).isEqualTo(1);
        assertThat(variant.deployedImages().get(0).specifiedImage()).isEqualTo(HostingFixture.XGBOOST_IMAGE);
        assertThat(sagemaker.listEndpoints(r -> r.nameContains("e1")).endpoints()).singleElement()
                .satisfies(e -> assertThat(e.endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE));
        assertThat(sagemaker.listTags(r -> r.resourceArn(arn)).tags()).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo("hosting"));
        assertThat(sagemaker.describeEndpointConfig(r -> r.endpointConfigName("c1")).productionVariants().get(0)
                .modelName()).isEqualTo("m1");
    }

    @Test
    void deletingWhileCreatingWinsAndTheDeletedWaiterReturns() {
        fixture.xgboostModel("m1", 5, 1);
        config("c1", "m1", "AllTraffic");
        for (int round = 0; round < 3; round++) {
            sagemaker.createEndpoint(r -> r.endpointName("e1").endpointConfigName("c1"));
            sagemaker.deleteEndpoint(r -> r.endpointName("e1"));
            fixture.waitDeleted("e1");
            assertThatThrownBy(() -> sagemaker.describeEndpoint(r -> r.endpointName("e1")))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                                "Could not find endpoint \"arn:aws:sagemaker:us-east-1:000000000000:endpoint/e1\".");
                    });
        }
        // Past the time the deployment would have finished: nothing brings the endpoint back.
        sleep(600);
        assertThat(sagemaker.listEndpoints(r -> r.nameContains("e1")).endpoints()).isEmpty();
    }

    @Test
    void deletingWhileUpdatingWins() {
        fixture.xgboostModel("m1", 5, 1);
        config("c1", "m1", "AllTraffic");
        config("c2", "m1", "Blue", "Green");
        sagemaker.createEndpoint(r -> r.endpointName("e1").endpointConfigName("c1"));
        fixture.waitInService("e1");
        sagemaker.updateEndpoint(r -> r.endpointName("e1").endpointConfigName("c2"));
        assertThat(sagemaker.describeEndpoint(r -> r.endpointName("e1")).endpointStatus())
                .isEqualTo(EndpointStatus.UPDATING);
        sagemaker.deleteEndpoint(r -> r.endpointName("e1"));
        fixture.waitDeleted("e1");
        sleep(600);
        assertThat(sagemaker.listEndpoints(r -> r.nameContains("e1")).endpoints()).isEmpty();
    }

    @Test
    void anUpdateDeploysTheNewConfigurationAndWeightsChangeThroughUpdating() {
        fixture.xgboostModel("m1", 5, 1);
        config("c1", "m1", "AllTraffic");
        config("c2", "m1", "Blue", "Green");
        sagemaker.createEndpoint(r -> r.endpointName("e1").endpointConfigName("c1"));
        fixture.waitInService("e1");

        sagemaker.updateEndpoint(r -> r.endpointName("e1").endpointConfigName("c2"));
        var updating = sagemaker.describeEndpoint(r -> r.endpointName("e1"));
        assertThat(updating.endpointStatus()).isEqualTo(EndpointStatus.UPDATING);
        assertThat(updating.pendingDeploymentSummary().endpointConfigName()).isEqualTo("c2");
        assertThatThrownBy(() -> sagemaker.updateEndpoint(r -> r.endpointName("e1").endpointConfigName("c1")))
                .hasMessageContaining("Cannot update in-progress endpoint");
        var updated = fixture.waitInService("e1");
        assertThat(updated.endpointConfigName()).isEqualTo("c2");
        assertThat(updated.productionVariants()).extracting(ProductionVariantSummary::variantName)
                .containsExactly("Blue", "Green");

        sagemaker.updateEndpointWeightsAndCapacities(r -> r.endpointName("e1").desiredWeightsAndCapacities(
                d -> d.variantName("Blue").desiredWeight(0f), d -> d.variantName("Green").desiredInstanceCount(2)));
        var reweighing = sagemaker.describeEndpoint(r -> r.endpointName("e1"));
        assertThat(reweighing.endpointStatus()).isEqualTo(EndpointStatus.UPDATING);
        assertThat(reweighing.productionVariants().get(0).currentWeight()).isEqualTo(1.0f);
        assertThat(reweighing.productionVariants().get(0).desiredWeight()).isEqualTo(0.0f);
        var settled = fixture.waitInService("e1");
        assertThat(settled.productionVariants().get(0).currentWeight()).isEqualTo(0.0f);
        assertThat(settled.productionVariants().get(1).currentInstanceCount()).isEqualTo(2);
        assertThatThrownBy(() -> sagemaker.updateEndpointWeightsAndCapacities(r -> r.endpointName("e1")
                .desiredWeightsAndCapacities(d -> d.variantName("Red").desiredWeight(1f))))
                .hasMessageContaining("Red");
    }

    @Test
    void aMissingArtifactFailsTheEndpointWithAReasonAndTheInServiceWaiterStops() {
        fixture.xgboostModel("m1", 5, 1);
        fixture.s3.deleteObject(r -> r.bucket(HostingFixture.BUCKET).key("xgb/m1/model.tar.gz"));
        config("c1", "m1", "AllTraffic");
        sagemaker.createEndpoint(r -> r.endpointName("e1").endpointConfigName("c1"));
        assertThatThrownBy(() -> fixture.waitInService("e1")).hasMessageContaining("Failed");
        var failed = sagemaker.describeEndpoint(r -> r.endpointName("e1"));
        assertThat(failed.endpointStatus()).isEqualTo(EndpointStatus.FAILED);
        assertThat(failed.failureReason()).startsWith("Failed to download model data for container")
                .contains("s3://models/xgb/m1/model.tar.gz");
    }

    @Test
    void aCorruptArtifactFailsTheEndpoint() {
        String notGzip = "s3://models/bad/model.tar.gz";
        fixture.s3.putObject(r -> r.bucket("models").key("bad/model.tar.gz"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("not a tarball"));
        sagemaker.createModel(r -> r.modelName("bad").executionRoleArn(HostingFixture.ROLE)
                .primaryContainer(c -> c.image(HostingFixture.XGBOOST_IMAGE).modelDataUrl(notGzip)));
        String garbage = fixture.upload("garbage/model.tar.gz", Map.of("xgboost-model", "not a booster".getBytes()));
        sagemaker.createModel(r -> r.modelName("garbage").executionRoleArn(HostingFixture.ROLE)
                .primaryContainer(c -> c.image(HostingFixture.XGBOOST_IMAGE).modelDataUrl(garbage)));
        config("c-bad", "bad", "AllTraffic");
        config("c-garbage", "garbage", "AllTraffic");
        sagemaker.createEndpoint(r -> r.endpointName("bad").endpointConfigName("c-bad"));
        sagemaker.createEndpoint(r -> r.endpointName("garbage").endpointConfigName("c-garbage"));
        assertThatThrownBy(() -> fixture.waitInService("bad")).hasMessageContaining("Failed");
        assertThatThrownBy(() -> fixture.waitInService("garbage")).hasMessageContaining("Failed");
        assertThat(sagemaker.describeEndpoint(r -> r.endpointName("bad")).failureReason())
                .startsWith("Failed to extract model data archive from URL \"" + notGzip + "\"");
        assertThat(sagemaker.describeEndpoint(r -> r.endpointName("garbage")).failureReason())
                .contains("did not pass the ping health check");
    }

    @Test
    void badRequestsAreRefusedAndNothingIsCreated() {
        assertThatThrownBy(() -> config("c1", "nope", "AllTraffic"))
                .hasMessageContaining("Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/nope\"");
        assertThat(sagemaker.listEndpointConfigs(r -> r.nameContains("c1")).endpointConfigs()).isEmpty();
        assertThatThrownBy(() -> sagemaker.createEndpoint(r -> r.endpointName("e1").endpointConfigName("c1")))
                .hasMessageContaining("Could not find endpoint configuration");
        assertThat(sagemaker.listEndpoints(r -> r.nameContains("e1")).endpoints()).isEmpty();
        fixture.xgboostModel("m1", 5, 1);
        config("c1", "m1", "AllTraffic");
        assertThatThrownBy(() -> config("c1", "m1", "AllTraffic"))
                .hasMessageContaining("Cannot create already existing endpoint configuration");
        sagemaker.createEndpoint(r -> r.endpointName("e1").endpointConfigName("c1"));
        assertThatThrownBy(() -> sagemaker.createEndpoint(r -> r.endpointName("e1").endpointConfigName("c1")))
                .hasMessageContaining("Cannot create already existing endpoint");
        assertThatThrownBy(() -> sagemaker.waiter().waitUntilEndpointInService(DescribeEndpointRequest.builder()
                .endpointName("nope").build(), HostingFixture.FAST)).isNotNull();
        sagemaker.deleteEndpointConfig(r -> r.endpointConfigName("c1"));
        assertThat(fixture.waitInService("e1").endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
