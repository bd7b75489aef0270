package io.labrunner.labs.sagemakerendpoint;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * What CloudWatch says each variant did: SageMaker publishes one-minute metrics in the namespace
 * {@code AWS/SageMaker} with the dimensions {@code EndpointName} and {@code VariantName} —
 * {@code Invocations} (requests the model answered; read its Sum) and {@code ModelLatency} (how long
 * the container took, in microseconds; Sum over SampleCount is the mean).
 *
 * @param invocations        requests the variant served in the window
 * @param modelLatencyMicros mean time its model took per request, in microseconds (NaN without requests)
 */
record VariantMetrics(String variant, double invocations, double modelLatencyMicros) {
    static final String NAMESPACE = "AWS/SageMaker";
    /** One-minute periods: SageMaker's endpoint metrics are published at that resolution. */
    private static final int PERIOD_SECONDS = 60;

    static VariantMetrics read(CloudWatchClient cloudWatch, String endpoint, String variant, Instant from, Instant to) {
        List<Datapoint> invocations = datapoints(cloudWatch, "Invocations", endpoint, variant, from, to);
        List<Datapoint> latency = datapoints(cloudWatch, "ModelLatency", endpoint, variant, from, to);
        double requests = invocations.stream().mapToDouble(Datapoint::sum).sum();
        double latencySum = latency.stream().mapToDouble(Datapoint::sum).sum();
        double latencyCount = latency.stream().mapToDouble(Datapoint::sampleCount).sum();
        return new VariantMetrics(variant, requests, latencyCount == 0 ? Double.NaN : latencySum / latencyCount);
    }

    private static List<Datapoint> datapoints(CloudWatchClient cloudWatch, String metric, String endpoint, String variant,
            Instant from, Instant to) {
        return cloudWatch.getMetricStatistics(get -> get
                .namespace(NAMESPACE)
                .metricName(metric)
                .dimensions(Dimension.builder().name("EndpointName").value(endpoint).build(),
                        Dimension.builder().name("VariantName").value(variant).build())
                .startTime(from)
                .endTime(to)
                .period(PERIOD_SECONDS)
                .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT)).datapoints();
    }
}
