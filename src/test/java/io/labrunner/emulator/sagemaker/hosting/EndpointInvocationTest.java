package io.labrunner.emulator.sagemaker.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.SageMakerRuntime;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;

/** InvokeEndpoint through the labs' SageMaker Runtime client: predictions, routing, variants, errors, metrics. */
class EndpointInvocationTest {
    private final HostingFixture fixture = new HostingFixture();
    private final SageMakerRuntime runtime = fixture.runtime;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void endpoint(String name, Map<String, Float> weights) {
        fixture.sagemaker.createEndpointConfig(r -> r.endpointConfigName(name + "-config").productionVariants(
                weights.entrySet().stream().map(w -> ProductionVariant.builder().variantName(w.getKey())
                        .modelName("m-" + w.getKey().toLowerCase(java.util.Locale.ROOT)).instanceType("ml.m5.large")
                        .initialInstanceCount(2).initialVariantWeight(w.getValue()).build()).toList()));
        fixture.sagemaker.createEndpoint(r -> r.endpointName(name).endpointConfigName(name + "-config"));
        fixture.waitInService(name);
    }

    @Test
    void theBoostersOwnPredictionsComeBackAsCsvAndJson() throws Exception {
        String url = fixture.xgboostModel("m-alltraffic", 20, 7);
        endpoint("churn", Map.of("AllTraffic", 1f));
        var answer = runtime.invokeEndpoint(InvokeEndpointRequest.csv("churn", "0.9,0.8,0.1\n0.1,0.2,0.5"));

        assertThat(answer.invokedProductionVariant()).isEqualTo("AllTraffic");
        assertThat(answer.contentType()).startsWith("text/csv");
        String[] scores = answer.body().asUtf8String().split(",");
        assertThat(scores).hasSize(2);
        float[][] expected = predictInProcess(url, new float[] {0.9f, 0.8f, 0.1f, 0.1f, 0.2f, 0.5f});
        assertThat(Float.parseFloat(scores[0])).isEqualTo(expected[0][0]);
        assertThat(Float.parseFloat(scores[1])).isEqualTo(expected[1][0]);
        assertThat(Double.parseDouble(scores[0])).isGreaterThan(0.5);
        assertThat(Double.parseDouble(scores[1])).isLessThan(0.5);

        var json = runtime.invokeEndpoint(new InvokeEndpointRequest("churn", "text/csv", "application/json",
                SdkBytes.fromUtf8String("0.9,0.8,0.1"), null));
        assertThat(json.contentType()).isEqualTo("application/json");
        assertThat(json.body().asUtf8String()).isEqualTo("{\"predictions\": [{\"score\": " + scores[0] + "}]}");
    }

    private static float[][] predictInProcess(String url, float[] rows) throws Exception {
        byte[] archive = HostingFixtureFiles.read(url);
        Booster booster = XGBoost.loadModel(archive);
        DMatrix matrix = new DMatrix(rows, rows.length / 3, 3, Float.NaN);
        float[][] out = booster.predict(matrix);
        matrix.dispose();
        booster.dispose();
        return out;
    }

    @Test
    void trafficSplitsByWeightAndTargetVariantPicksTheVariant() {
        fixture.xgboostModel("m-blue", 5, 1);
        fixture.xgboostModel("m-green", 5, 2);
        endpoint("ab", Map.of("Blue", 9f, "Green", 1f));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            counts.merge(runtime.invokeEndpoint(InvokeEndpointRequest.csv("ab", "0.5,0.5,0.5"))
                    .invokedProductionVariant(), 1, Integer::sum);
        }
        // 10% of 400 is 40; a binomial's 5-sigma band is about 40 ± 30.
        assertThat(counts.getOrDefault("Green", 0)).isBetween(10, 80);
        assertThat(counts.get("Blue") + counts.getOrDefault("Green", 0)).isEqualTo(400);
        for (int i = 0; i < 20; i++) {
            assertThat(runtime.invokeEndpoint(InvokeEndpointRequest.csv("ab", "0.5,0.5,0.5").withTargetVariant("Green"))
                    .invokedProductionVariant()).isEqualTo("Green");
        }

        fixture.sagemaker.updateEndpointWeightsAndCapacities(r -> r.endpointName("ab").desiredWeightsAndCapacities(
                d -> d.variantName("Blue").desiredWeight(0f), d -> d.variantName("Green").desiredWeight(1f)));
        fixture.waitInService("ab");
        for (int i = 0; i < 50; i++) {
            assertThat(runtime.invokeEndpoint(InvokeEndpointRequest.csv("ab", "0.5,0.5,0.5"))
                    .invokedProductionVariant()).isEqualTo("Green");
        }
    }

    @Test
    void errorsAreNamedAsSageMakerRuntimeNamesThem() {
        fixture.xgboostModel("m-alltraffic", 5, 1);
        assertThatThrownBy(() -> runtime.invokeEndpoint(InvokeEndpointRequest.csv("nope", "1,2,3")))
                .isInstanceOfSatisfying(SageMakerRuntime.InvokeEndpointException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("ValidationError");
                    assertThat(e.getMessage()).contains("Endpoint nope of account 000000000000 not found.");
                });
        endpoint("e1", Map.of("AllTraffic", 1f));
        assertThatThrownBy(() -> runtime.invokeEndpoint(InvokeEndpointRequest.csv("e1", "1,2,3")
                .withTargetVariant("Red"))).isInstanceOfSatisfying(SageMakerRuntime.InvokeEndpointException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> runtime.invokeEndpoint(InvokeEndpointRequest.csv("e1", "1,2")))
                .isInstanceOfSatisfying(SageMakerRuntime.InvokeEndpointException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(424);
                    assertThat(e.errorCode()).isEqualTo("ModelError");
                    assertThat(e.getMessage()).contains("Received client error (400) from primary")
                            .contains("Feature size of csv inference data 2 is not consistent with feature size of "
                                    + "trained model 3");
                });
        assertThatThrownBy(() -> runtime.invokeEndpoint(InvokeEndpointRequest.csv("e1", "1,abc,3")))
                .isInstanceOfSatisfying(SageMakerRuntime.InvokeEndpointException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ModelError"));
        assertThatThrownBy(() -> runtime.invokeEndpoint(new InvokeEndpointRequest("e1", "image/png", null,
                SdkBytes.fromUtf8String("x"), null))).isInstanceOfSatisfying(
                        SageMakerRuntime.InvokeEndpointException.class, e -> assertThat(e.statusCode()).isEqualTo(424));
        // Still serving after the refusals.
        assertThat(runtime.invokeEndpoint(InvokeEndpointRequest.csv("e1", "1,2,3")).body().asUtf8String()).isNotBlank();
    }

    @Test
    void invocationMetricsAreReadableThroughCloudWatch() throws InterruptedException {
        fixture.xgboostModel("m-alltraffic", 5, 1);
        endpoint("metered", Map.of("AllTraffic", 1f));
        Instant start = Instant.now().minusSeconds(120);
        for (int i = 0; i < 5; i++) {
            runtime.invokeEndpoint(InvokeEndpointRequest.csv("metered", "0.1,0.2,0.3"));
        }
        assertThatThrownBy(() -> runtime.invokeEndpoint(InvokeEndpointRequest.csv("metered", "0.1")))
                .isInstanceOf(SageMakerRuntime.InvokeEndpointException.class);

        // SageMaker sends its metrics at intervals, not with each response.
        long deadline = System.currentTimeMillis() + 10_000;
        while (sum("Invocations", start) < 6.0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sum("Invocations", start)).isEqualTo(6.0);
        assertThat(sum("InvocationsPerInstance", start)).isEqualTo(3.0);
        assertThat(sum("Invocation4XXErrors", start)).isEqualTo(1.0);
        assertThat(sum("Invocation5XXErrors", start)).isEqualTo(0.0);
        var latency = fixture.cloudWatch.getMetricStatistics(r -> r.namespace("AWS/SageMaker")
                .metricName("ModelLatency").dimensions(d -> d.name("EndpointName").value("metered"),
                        d -> d.name("VariantName").value("AllTraffic"))
                .startTime(start).endTime(Instant.now().plusSeconds(60)).period(60)
                .statistics(Statistic.AVERAGE, Statistic.SAMPLE_COUNT)).datapoints();
        assertThat(latency).isNotEmpty();
        assertThat(latency.get(0).unitAsString()).isEqualTo("Microseconds");
        assertThat(latency.get(0).average()).isPositive();
        assertThat(fixture.cloudWatch.listMetrics(r -> r.namespace("AWS/SageMaker")).metrics())
                .extracting(m -> m.metricName()).contains("OverheadLatency", "ModelLatency", "Invocations");
    }

    private double sum(String metric, Instant start) {
        List<software.amazon.awssdk.services.cloudwatch.model.Datapoint> points = fixture.cloudWatch
                .getMetricStatistics(r -> r.namespace("AWS/SageMaker").metricName(metric)
                        .dimensions(d -> d.name("EndpointName").value("metered"),
                                d -> d.name("VariantName").value("AllTraffic"))
                        .startTime(start).endTime(Instant.now().plusSeconds(60)).period(3600)
                        .statistics(Statistic.SUM)).datapoints();
        return points.stream().mapToDouble(p -> p.sum()).sum();
    }
}
