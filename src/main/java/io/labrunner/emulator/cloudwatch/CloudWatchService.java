package io.labrunner.emulator.cloudwatch;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import io.labrunner.emulator.protocol.QueryProtocolService;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Emulated CloudWatch metrics and metric alarms (signing name {@code monitoring}), in the three protocols its
 * clients speak: Smithy RPC v2 CBOR (SDK for Java v2), AWS JSON 1.0 with target prefix
 * {@code GraniteServiceVersion20100801} (botocore 1.3x+: boto3, AWS CLI v1) and the query protocol (older
 * botocore, such as Debian's AWS CLI v2.9). All three run the same handlers through the protocol core. Other
 * services publish metrics in-process through {@link #sink()}. Alarms are evaluated every
 * {@code evaluationInterval} and whenever their metric receives data.
 */
public final class CloudWatchService implements AwsService, io.labrunner.emulator.TaggableResources {
    /** How often alarms are evaluated when nothing else says. */
    public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(5);

    private final JsonProtocolService json;
    private final QueryProtocolService query;
    private final MetricOperations metrics;
    private final AlarmOperations alarms;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    public CloudWatchService(String account, StateStore state, Clock clock, Duration evaluationInterval) {
        this.clock = clock;
        MetricStore store = new MetricStore(state);
        AlarmOperations[] alarmsRef = new AlarmOperations[1];
        this.metrics = new MetricOperations(store, clock, (region, id) -> alarmsRef[0].evaluateMetric(region, id));
        this.alarms = new AlarmOperations(state, metrics, clock, account);
        alarmsRef[0] = alarms;
        Map<String, OperationHandler> handlers = new LinkedHashMap<>();
        handlers.put("PutMetricData", (in, r) -> metrics.putMetricData(in, r.regionOrDefault()));
        handlers.put("ListMetrics", (in, r) -> metrics.listMetrics(in, r.regionOrDefault()));
        handlers.put("GetMetricStatistics", (in, r) -> metrics.getMetricStatistics(in, r.regionOrDefault()));
        handlers.put("GetMetricData", (in, r) -> metrics.getMetricData(in, r.regionOrDefault()));
        handlers.put("PutMetricAlarm", (in, r) -> alarms.putMetricAlarm(in, r.regionOrDefault()));
        handlers.put("DescribeAlarms", (in, r) -> alarms.describeAlarms(in, r.regionOrDefault()));
        handlers.put("DescribeAlarmsForMetric", (in, r) -> alarms.describeAlarmsForMetric(in, r.regionOrDefault()));
        handlers.put("DeleteAlarms", (in, r) -> alarms.deleteAlarms(in, r.regionOrDefault()));
        handlers.put("SetAlarmState", (in, r) -> alarms.setAlarmState(in, r.regionOrDefault()));
        handlers.put("EnableAlarmActions", (in, r) -> alarms.setActionsEnabled(in, r.regionOrDefault(), true));
        handlers.put("DisableAlarmActions", (in, r) -> alarms.setActionsEnabled(in, r.regionOrDefault(), false));
        handlers.put("DescribeAlarmHistory", (in, r) -> alarms.describeAlarmHistory(in, r.regionOrDefault()));
        handlers.put("TagResource", (in, r) -> alarms.tagResource(in, r.regionOrDefault()));
        handlers.put("UntagResource", (in, r) -> alarms.untagResource(in, r.regionOrDefault()));
        handlers.put("ListTagsForResource", (in, r) -> alarms.listTagsForResource(in, r.regionOrDefault()));
        JsonProtocolService.Builder jsonBuilder = JsonProtocolService.builder("cloudwatch").rpcV2Cbor(true)
                .validationError(CloudWatchErrors::validation);
        QueryProtocolService.Builder queryBuilder = QueryProtocolService.builder("cloudwatch");
        handlers.forEach((name, handler) -> {
            jsonBuilder.handler(name, handler);
            queryBuilder.handler(name, handler);
        });
        this.json = jsonBuilder.build();
        this.query = queryBuilder.build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cloudwatch-alarms"));
        long every = Math.max(1, evaluationInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::evaluateAlarms, every, every, TimeUnit.MILLISECONDS);
    }

    private void evaluateAlarms() {
        try {
            alarms.evaluateAll();
        } catch (RuntimeException e) {
            // A closed state store while shutting down: the next run, if any, tries again.
        }
    }

    /** Where services publish their metrics, as if through PutMetricData but into {@code AWS/...} namespaces too. */
    public MetricSink sink() {
        return (region, datum) -> metrics.put(region == null || region.isEmpty() ? "us-east-1" : region,
                new MetricId(datum.namespace(), datum.name(), datum.dimensions()),
                Observation.single(datum.timestamp().toEpochMilli(), datum.unit() == null ? "None" : datum.unit(),
                        datum.value()), clock.millis());
    }

    /** Metric alarms for the Resource Groups Tagging API, over their own tags. */
    @Override
    public Set<String> arnServices() {
        return Set.of("cloudwatch");
    }

    @Override
    public java.util.List<TaggedResource> taggedResources(String region) {
        return alarms.tagged(region);
    }

    /** As TagResource on the alarm the ARN names. */
    @Override
    public void tag(String arn, Map<String, String> tags) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("ResourceARN", arn);
        com.fasterxml.jackson.databind.node.ArrayNode list = in.putArray("Tags");
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        alarms.tagResource(in, regionOf(arn));
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("ResourceARN", arn);
        keys.forEach(in.putArray("TagKeys")::add);
        alarms.untagResource(in, regionOf(arn));
    }

    private static String regionOf(String arn) {
        return software.amazon.awssdk.arns.Arn.tryFromString(arn).flatMap(a -> a.region()).orElse("");
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return json.operations();
    }

    @Override
    public String signingName() {
        return "monitoring";
    }

    /** The query protocol: what callers without a JSON or CBOR body speak, and how the front door answers them. */
    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        boolean jsonOrCbor = request.header("x-amz-target").isPresent() || request.path().startsWith("/service/")
                || request.header("smithy-protocol").isPresent();
        return jsonOrCbor ? json.handle(request) : query.handle(request);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
