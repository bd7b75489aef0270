package io.labrunner.emulator.cloudwatch;

import java.time.Instant;
import java.util.Map;

/**
 * Where services publish the metrics AWS publishes for them (SageMaker endpoints' Invocations and
 * ModelLatency, Model Monitor's feature metrics), as if through PutMetricData: what they put is read
 * back with GetMetricData, GetMetricStatistics and ListMetrics, and alarms are evaluated on it.
 */
@FunctionalInterface
public interface MetricSink {

    /** Accepts nothing: for services running without the built-in CloudWatch. */
    MetricSink NONE = (region, datum) -> { };

    void put(String region, MetricDatum datum);

    /**
     * One data point.
     *
     * @param namespace  e.g. {@code AWS/SageMaker}
     * @param name       e.g. {@code Invocations}
     * @param dimensions e.g. {@code EndpointName → e1, VariantName → AllTraffic}, in the order AWS lists them
     * @param timestamp  when it was observed
     * @param value      the value
     * @param unit       CloudWatch's unit name: {@code Count}, {@code Microseconds}, {@code None}, …
     */
    record MetricDatum(String namespace, String name, Map<String, String> dimensions, Instant timestamp,
                       double value, String unit) {
        public MetricDatum {
            dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
        }
    }
}
