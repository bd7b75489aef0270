package io.labrunner.emulator.sagemaker.hosting;

import io.labrunner.emulator.cloudwatch.MetricSink;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoint invocation metrics SageMaker publishes to CloudWatch in {@code AWS/SageMaker} with the dimensions
 * EndpointName and VariantName ("Amazon SageMaker AI metrics in Amazon CloudWatch"): Invocations and
 * InvocationsPerInstance (Count), ModelLatency and OverheadLatency (Microseconds), and Invocation4XXErrors and
 * Invocation5XXErrors, for which 1 is sent for each such response and 0 otherwise, so their Average is the error
 * rate. InvocationsPerInstance is the invocation divided by the variant's instance count; serverless variants
 * have no instances and get none.
 *
 * <p>Data points are queued and handed to CloudWatch by {@link #publish()} about every second, as SageMaker sends
 * its metrics at intervals rather than with each response: CloudWatch keeps what it is given durably, and doing so
 * on the request path would cost each invocation a write to disk.
 */
final class InvocationMetrics {
    static final String NAMESPACE = "AWS/SageMaker";
    private final MetricSink sink;
    private final java.util.Queue<Queued> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record Queued(String region, MetricSink.MetricDatum datum) {
    }

    InvocationMetrics(MetricSink sink) {
        this.sink = sink;
    }

    /** One request the variant's model answered (or refused, {@code status} 4xx or 5xx). */
    void invoked(String region, String endpoint, String variant, int instances, Instant at, long modelMicros,
            long overheadMicros, int status) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("EndpointName", endpoint);
        dimensions.put("VariantName", variant);
        put(region, "Invocations", dimensions, at, 1, "Count");
        if (instances > 0) {
            put(region, "InvocationsPerInstance", dimensions, at, 1.0 / instances, "Count");
        }
        put(region, "ModelLatency", dimensions, at, modelMicros, "Microseconds");
        put(region, "OverheadLatency", dimensions, at, overheadMicros, "Microseconds");
        put(region, "Invocation4XXErrors", dimensions, at, status / 100 == 4 ? 1 : 0, "Count");
        put(region, "Invocation5XXErrors", dimensions, at, status / 100 == 5 ? 1 : 0, "Count");
    }

    private void put(String region, String name, Map<String, String> dimensions, Instant at, double value,
            String unit) {
        queue.add(new Queued(region, new MetricSink.MetricDatum(NAMESPACE, name, dimensions, at, value, unit)));
    }

    /** Hands every queued data point to CloudWatch. */
    void publish() {
        for (Queued next = queue.poll(); next != null; next = queue.poll()) {
            sink.put(next.region(), next.datum());
        }
    }
}
