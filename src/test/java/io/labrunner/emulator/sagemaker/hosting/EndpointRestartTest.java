package io.labrunner.emulator.sagemaker.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.SageMakerRuntime.InvokeEndpointRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;

/** Endpoints survive a restart of the emulator on the same data: in service, serving the same predictions. */
class EndpointRestartTest {

    @Test
    void anEndpointInServiceBeforeARestartServesAtOnceAfterIt(@TempDir Path data) {
        String before;
        try (HostingFixture first = new HostingFixture(data)) {
            first.s3.createBucket(r -> r.bucket(HostingFixture.BUCKET));
            first.xgboostModel("m1", 10, 3);
            first.sagemaker.createEndpointConfig(r -> r.endpointConfigName("c1").productionVariants(v -> v
                    .variantName("AllTraffic").modelName("m1").instanceType("ml.m5.large").initialInstanceCount(1)));
            first.sagemaker.createEndpoint(r -> r.endpointName("kept").endpointConfigName("c1"));
            first.waitInService("kept");
            first.sagemaker.createEndpoint(r -> r.endpointName("gone").endpointConfigName("c1"));
            first.waitInService("gone");
            first.sagemaker.deleteEndpoint(r -> r.endpointName("gone"));
            before = first.runtime.invokeEndpoint(InvokeEndpointRequest.csv("kept", "0.7,0.6,0.1")).body()
                    .asUtf8String();
        }
        try (HostingFixture second = new HostingFixture(data)) {
            assertThat(second.sagemaker.describeEndpoint(r -> r.endpointName("kept")).endpointStatus())
                    .isEqualTo(EndpointStatus.IN_SERVICE);
            assertThat(second.runtime.invokeEndpoint(InvokeEndpointRequest.csv("kept", "0.7,0.6,0.1")).body()
                    .asUtf8String()).isEqualTo(before);
            assertThat(second.sagemaker.listEndpoints(r -> r.nameContains("gone")).endpoints()).isEmpty();
            assertThat(second.sagemaker.describeEndpointConfig(r -> r.endpointConfigName("c1")).productionVariants())
                    .hasSize(1);
        }
    }
}
