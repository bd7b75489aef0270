package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.cloudwatch.MetricSink;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.sagemaker.transform.ModelLoader;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.RestJsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.transform.Listing;
import io.labrunner.emulator.sagemaker.transform.Models;
import io.labrunner.emulator.sagemaker.transform.Tags;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Endpoints: CreateEndpoint, DescribeEndpoint, ListEndpoints, UpdateEndpoint, UpdateEndpointWeightsAndCapacities
 * and DeleteEndpoint, kept across restarts, and the deployments that serve InvokeEndpoint.
 *
 * <p>Each endpoint is one state machine, and every change of state happens under this object's lock and bumps the
 * endpoint's generation: Creating → InService or Failed; InService → Updating → InService (a failed update rolls
 * back to the configuration serving, with a FailureReason); any state → Deleting → gone. A deployment loads its
 * models off the lock and applies its result only if the endpoint is still at the generation it started for, so a
 * delete always wins over a deployment finishing late: nothing re-creates or re-deploys a deleted endpoint.
 */
public final class Endpoints implements OperationGroup, CaptureDestinations {
    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);
    /** How long an endpoint stays Creating or Updating at least, so that code which does not wait sees it. */
    public static final Duration DEFAULT_STARTUP = Duration.ofMillis(300);
    /** How long a deleted endpoint stays Deleting before it is gone. */
    static final Duration DELETING = Duration.ofMillis(100);
    private static final long CAPTURE_FLUSH_MILLIS = 1000;
    private static final long METRICS_MILLIS = 500;

    private final String account;
    private final EndpointConfigs configs;
    private final Models models;
    private final DeploymentLoader loader;
    private final ResourceTags tags;
    private final InvocationMetrics metrics;
    private final Clock clock;
    private final Duration startup;
    private final StateMap<Endpoint> endpoints;
    /** The deployments serving, by endpoint key: only InService and Updating endpoints have one. */
    private final Map<String, Deployment> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private volatile boolean closing;

    /**
     * Endpoints on {@code configs}' configurations, whose models {@code loader} starts from the emulator's S3;
     * containers log to {@code logs}, invocations publish to {@code metrics}, capture goes to {@code s3}.
     *
     * @param startup how long a deployment stays Creating or Updating at least
     */
    public static Endpoints create(String account, EndpointConfigs configs, Models models, ModelLoader loader,
            S3Objects s3, LogWriter logs, MetricSink metrics, ResourceTags tags, StateStore state, Clock clock,
            Duration startup) {
        return new Endpoints(account, configs, models, new DeploymentLoader(account, models, loader, s3, logs, clock),
                tags, new InvocationMetrics(metrics), state, clock, startup);
    }

    Endpoints(String account, EndpointConfigs configs, Models models, DeploymentLoader loader, ResourceTags tags,
            InvocationMetrics metrics, StateStore state, Clock clock, Duration startup) {
        this.account = account;
        this.configs = configs;
        this.models = models;
        this.loader = loader;
        this.tags = tags;
        this.metrics = metrics;
        this.clock = clock;
        this.startup = startup;
        this.endpoints = state.map("sagemaker.endpoints", Endpoint.class);
        ScheduledThreadPoolExecutor pool =
                new ScheduledThreadPoolExecutor(2, DaemonThreads.numbered("sagemaker-endpoints-"));
        // On close, work not started is dropped; a deployment loading finishes (an interrupt would break its reads).
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.scheduler = pool;
        resume();
        scheduler.scheduleWithFixedDelay(this::flushCaptures, CAPTURE_FLUSH_MILLIS, CAPTURE_FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::publishMetrics, METRICS_MILLIS, METRICS_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void register(JsonProtocolService.Builder service) {
        service
                .handler("CreateEndpoint", this::create)
                .handler("DescribeEndpoint", this::describe)
                .handler("ListEndpoints", this::list)
                .handler("UpdateEndpoint", this::update)
                .handler("UpdateEndpointWeightsAndCapacities", this::reweigh)
                .handler("DeleteEndpoint", this::delete);
    }

    @Override
    public void registerRuntime(RestJsonProtocolService.Builder runtime) {
        EndpointInvoker invoker = new EndpointInvoker(account, this::serving, metrics, clock);
        runtime.handler("InvokeEndpoint", invoker::invoke);
    }

    @Override
    public Optional<String> captureDestination(String region, String endpointName) {
        return endpoints.get(HostingArns.key(region, endpointName))
                .map(e -> e.dataCapture() != null ? e.dataCapture() : e.pendingCapture())
                .flatMap(CaptureSettings::of)
                .map(settings -> settings.destination().toString());
    }

    /** The deployment serving endpoint {@code name}, or null when it does not serve (yet, or any more). */
    private Deployment serving(String region, String name) {
        return live.get(HostingArns.key(region, name));
    }

    /**
     * After a restart: an endpoint that served serves again before the service answers, its models loaded now;
     * a deployment under way starts again; a delete under way completes.
     */
    private void resume() {
        for (Map.Entry<String, Endpoint> entry : endpoints.entries().entrySet()) {
            Endpoint endpoint = entry.getValue();
            switch (endpoint.status()) {
                case Endpoint.DELETING -> {
                    endpoints.remove(entry.getKey());
                    tags.forget(endpoint.arn());
                }
                case Endpoint.IN_SERVICE, Endpoint.UPDATING -> {
                    try {
                        live.put(entry.getKey(), loader.load(endpoint.region(), endpoint.name(), endpoint.variants(),
                                endpoint.dataCapture()));
                        if (endpoint.status().equals(Endpoint.UPDATING)) {
                            long generation = endpoint.generation();
                            String key = entry.getKey();
                            if (endpoint.pending() == null) {
                                scheduler.schedule(() -> settleWeights(key, generation), startup.toMillis(),
                                        TimeUnit.MILLISECONDS);
                            } else {
                                schedule(key, generation);
                            }
                        }
                    } catch (DeploymentFailure e) {
                        endpoints.put(entry.getKey(), endpoint.with(Endpoint.FAILED, e.getMessage(), clock.instant()));
                    }
                }
                case Endpoint.CREATING -> schedule(entry.getKey(), endpoint.generation());
                default -> {
                }
            }
        }
    }

    private synchronized Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("EndpointName").asText();
        String arn = HostingArns.endpoint(account, region, name);
        String key = HostingArns.key(region, name);
        if (endpoints.get(key).isPresent()) {
            throw HostingErrors.validation("Cannot create already existing endpoint \"" + arn + "\".");
        }
        EndpointConfig config = configs.require(region, input.path("EndpointConfigName").asText());
        List<Endpoint.VariantState> target = config.variants().stream().map(Endpoint.VariantState::of).toList();
        var now = clock.instant();
        Endpoint endpoint = new Endpoint(region, name, arn, config.name(), Endpoint.CREATING, null, now, now,
                List.of(), null, null, target, config.dataCapture(), 1);
        endpoints.put(key, endpoint);
        if (input.has("Tags")) {
            tags.put(arn, Tags.of(input.get("Tags")));
        }
        schedule(key, endpoint.generation());
        return Map.of("EndpointArn", arn);
    }

    private Object describe(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        return require(region, input.path("EndpointName").asText()).describe(model -> models.find(region, model)
                .map(m -> m.container().path("Image").asText(null)).orElse(null));
    }

    private Object list(ObjectNode input, AwsRequest request) {
        Comparator<Endpoint> order = switch (input.path("SortBy").asText("CreationTime")) {
            case "Name" -> Comparator.comparing(Endpoint::name);
            case "Status" -> Comparator.comparing(Endpoint::status).thenComparing(Endpoint::created);
            default -> Comparator.comparing(Endpoint::created).thenComparing(Endpoint::name);
        };
        String status = input.path("StatusEquals").asText(null);
        List<Endpoint> matching = endpoints.entriesWithPrefix(request.regionOrDefault() + "/").values().stream()
                .filter(e -> Listing.nameMatches(input, e.name()))
                .filter(e -> status == null || status.equals(e.status()))
                .filter(e -> Listing.within(input, "CreationTimeAfter", "CreationTimeBefore", e.created()))
                .filter(e -> Listing.within(input, "LastModifiedTimeAfter", "LastModifiedTimeBefore", e.lastModified()))
                .sorted(Listing.ordered(input, order))
                .toList();
        return Listing.page(input, matching, "Endpoints", Endpoint::summary);
    }

    /**
     * UpdateEndpoint: deploys another configuration while the current one keeps serving, then switches over. With
     * RetainAllVariantProperties, variants of the same name keep their current weight and instance count.
     */
    private synchronized Object update(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        Endpoint endpoint = require(region, input.path("EndpointName").asText());
        requireInService(endpoint);
        EndpointConfig config = configs.require(region, input.path("EndpointConfigName").asText());
        boolean retain = input.path("RetainAllVariantProperties").asBoolean(false);
        Map<String, Endpoint.VariantState> current = new HashMap<>();
        endpoint.variants().forEach(v -> current.put(v.name(), v));
        List<Endpoint.VariantState> target = new ArrayList<>();
        for (EndpointConfig.ProductionVariant variant : config.variants()) {
            Endpoint.VariantState state = Endpoint.VariantState.of(variant);
            Endpoint.VariantState kept = current.get(variant.name());
            target.add(retain && kept != null ? state.desire(kept.currentWeight(), kept.currentInstanceCount()).settled()
                    : state);
        }
        Endpoint updating = endpoint.updating(config.name(), target, config.dataCapture(), clock.instant());
        endpoints.put(HostingArns.key(region, endpoint.name()), updating);
        schedule(HostingArns.key(region, endpoint.name()), updating.generation());
        return Map.of("EndpointArn", endpoint.arn());
    }

    /** UpdateEndpointWeightsAndCapacities: Updating for a moment, then the new weights and counts serve. */
    private synchronized Object reweigh(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        Endpoint endpoint = require(region, input.path("EndpointName").asText());
        requireInService(endpoint);
        Map<String, JsonNode> wanted = new HashMap<>();
        for (JsonNode desired : input.path("DesiredWeightsAndCapacities")) {
            wanted.put(desired.path("VariantName").asText(), desired);
        }
        List<String> unknown = wanted.keySet().stream()
                .filter(name -> endpoint.variants().stream().noneMatch(v -> v.name().equals(name))).sorted().toList();
        if (!unknown.isEmpty()) {
            throw HostingErrors.validation("The variant(s) \"" + unknown + "\" is/are not present on the endpoint \""
                    + endpoint.arn() + "\".");
        }
        List<Endpoint.VariantState> desired = endpoint.variants().stream().map(v -> {
            JsonNode change = wanted.get(v.name());
            return change == null ? v : v.desire(change.path("DesiredWeight").asDouble(v.desiredWeight()),
                    change.path("DesiredInstanceCount").asInt(v.desiredInstanceCount()));
        }).toList();
        Endpoint updating = endpoint.reweighing(desired, clock.instant());
        String key = HostingArns.key(region, endpoint.name());
        endpoints.put(key, updating);
        long generation = updating.generation();
        scheduler.schedule(() -> settleWeights(key, generation), startup.toMillis(), TimeUnit.MILLISECONDS);
        return Map.of("EndpointArn", endpoint.arn());
    }

    private void settleWeights(String key, long generation) {
        synchronized (this) {
            Endpoint endpoint = endpoints.get(key).orElse(null);
            if (closing || endpoint == null || endpoint.generation() != generation) {
                return;
            }
            List<Endpoint.VariantState> settled = endpoint.variants().stream().map(Endpoint.VariantState::settled)
                    .toList();
            Deployment deployment = live.get(key);
            if (deployment != null) {
                deployment.reweigh(settled.stream().map(Endpoint.VariantState::currentWeight).toList(),
                        settled.stream().map(v -> v.serverless() == null ? v.currentInstanceCount() : 0).toList());
            }
            endpoints.put(key, endpoint.deployed(endpoint.configName(), settled, endpoint.dataCapture(), null,
                    clock.instant()));
        }
    }

    /**
     * DeleteEndpoint, in any state: the endpoint is Deleting at once and stops serving; its requests still running
     * finish and their capture is written before this answers; a moment later it is gone.
     */
    private Object delete(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String key;
        Deployment stopped;
        long generation;
        synchronized (this) {
            Endpoint endpoint = require(region, input.path("EndpointName").asText());
            key = HostingArns.key(region, endpoint.name());
            Endpoint deleting = endpoint.with(Endpoint.DELETING, null, clock.instant());
            endpoints.put(key, deleting);
            generation = deleting.generation();
            stopped = live.remove(key);
        }
        if (stopped != null) {
            stopped.close();
        }
        scheduler.schedule(() -> forget(key, generation), DELETING.toMillis(), TimeUnit.MILLISECONDS);
        return null;
    }

    private synchronized void forget(String key, long generation) {
        endpoints.get(key).filter(e -> e.generation() == generation).ifPresent(e -> {
            endpoints.remove(key);
            tags.forget(e.arn());
        });
    }

    private void requireInService(Endpoint endpoint) {
        if (!endpoint.status().equals(Endpoint.IN_SERVICE)) {
            if (endpoint.status().equals(Endpoint.FAILED)) {
                throw HostingErrors.validation("Cannot update failed endpoint \"" + endpoint.arn() + "\".");
            }
            throw HostingErrors.inProgress(endpoint.arn());
        }
    }

    private Endpoint require(String region, String name) {
        return endpoints.get(HostingArns.key(region, name)).orElseThrow(() -> HostingErrors.endpointNotFound(
                HostingArns.endpoint(account, region, name)));
    }

    private void schedule(String key, long generation) {
        scheduler.schedule(() -> deploy(key, generation), startup.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads the deployment the endpoint is Creating or Updating to, and applies it if nothing changed meanwhile. */
    private void deploy(String key, long generation) {
        Endpoint planned = endpoints.get(key).orElse(null);
        if (closing || planned == null || planned.generation() != generation || !planned.deploying()) {
            return;
        }
        Deployment deployment = null;
        String failure = null;
        try {
            deployment = loader.load(planned.region(), planned.name(), planned.pendingVariants(),
                    planned.pendingCapture());
        } catch (DeploymentFailure e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            if (!closing) {
                LOG.warn("Endpoint {} could not be deployed", key, e);
            }
            failure = "Request to service failed. If failure persists after retry, contact customer support.";
        }
        Deployment replaced = null;
        synchronized (this) {
            Endpoint endpoint = endpoints.get(key).orElse(null);
            if (closing || endpoint == null || endpoint.generation() != generation) {
                replaced = deployment;
            } else if (failure != null) {
                endpoints.put(key, endpoint.status().equals(Endpoint.CREATING)
                        ? endpoint.with(Endpoint.FAILED, failure, clock.instant())
                        : endpoint.deployed(endpoint.configName(), endpoint.variants(), endpoint.dataCapture(),
                                failure, clock.instant()));
            } else {
                String config = endpoint.pending() != null ? endpoint.pending() : endpoint.configName();
                List<Endpoint.VariantState> serving = endpoint.pendingVariants().stream()
                        .map(Endpoint.VariantState::settled).toList();
                replaced = live.put(key, deployment);
                endpoints.put(key, endpoint.deployed(config, serving, endpoint.pendingCapture(), null,
                        clock.instant()));
            }
        }
        if (replaced != null) {
            replaced.close();
        }
    }

    private void publishMetrics() {
        try {
            metrics.publish();
        } catch (RuntimeException e) {
            LOG.warn("Endpoint metrics could not be published", e);
        }
    }

    private void flushCaptures() {
        for (Deployment deployment : live.values()) {
            try {
                deployment.flushCapture();
            } catch (RuntimeException e) {
                LOG.warn("Data capture could not be flushed", e);
            }
        }
    }

    /**
     * Stops the background work and writes every captured record; the endpoints keep their state, and those that
     * served serve again when the emulator starts on the same state.
     */
    @Override
    public void close() {
        closing = true;
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Deployment> all;
        synchronized (this) {
            all = new ArrayList<>(live.values());
            live.clear();
        }
        all.forEach(Deployment::close);
        publishMetrics();
    }
}
