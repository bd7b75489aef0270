package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.sagemaker.transform.Listing;
import io.labrunner.emulator.sagemaker.transform.Models;
import io.labrunner.emulator.sagemaker.transform.Tags;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CreateEndpointConfig, DescribeEndpointConfig, ListEndpointConfigs and DeleteEndpointConfig, kept across restarts. */
public final class EndpointConfigs implements OperationGroup {
    private final String account;
    private final Models models;
    private final ResourceTags tags;
    private final Clock clock;
    private final StateMap<EndpointConfig> configs;

    public EndpointConfigs(String account, Models models, ResourceTags tags, StateStore state, Clock clock) {
        this.account = account;
        this.models = models;
        this.tags = tags;
        this.clock = clock;
        this.configs = state.map("sagemaker.endpoint-configs", EndpointConfig.class);
    }

    @Override
    public void register(JsonProtocolService.Builder service) {
        service
                .handler("CreateEndpointConfig", this::create)
                .handler("DescribeEndpointConfig", (input, request) -> require(request.regionOrDefault(),
                        input.path("EndpointConfigName").asText()).describe())
                .handler("ListEndpointConfigs", this::list)
                .handler("DeleteEndpointConfig", this::delete);
    }

    /** The configuration {@code name} in {@code region}, as CreateEndpoint and UpdateEndpoint look it up. */
    Optional<EndpointConfig> find(String region, String name) {
        return configs.get(HostingArns.key(region, name));
    }

    EndpointConfig require(String region, String name) {
        return find(region, name).orElseThrow(() -> HostingErrors.endpointConfigNotFound(
                HostingArns.endpointConfig(account, region, name)));
    }

    private synchronized Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("EndpointConfigName").asText();
        String arn = HostingArns.endpointConfig(account, region, name);
        if (find(region, name).isPresent()) {
            throw HostingErrors.validation("Cannot create already existing endpoint configuration \"" + arn + "\".");
        }
        checkVariants(region, input.path("ProductionVariants"));
        checkCapture(input.get("DataCaptureConfig"));
        ObjectNode stored = input.deepCopy();
        stored.remove("EndpointConfigName");
        stored.remove("Tags");
        configs.put(HostingArns.key(region, name), new EndpointConfig(region, name, arn, stored, clock.instant()));
        if (input.has("Tags")) {
            tags.put(arn, Tags.of(input.get("Tags")));
        }
        return Map.of("EndpointConfigArn", arn);
    }

    /** Each variant names an existing model and runs either on instances or serverless; names are unique. */
    private void checkVariants(String region, JsonNode variants) {
        Set<String> names = new HashSet<>();
        for (JsonNode variant : variants) {
            String name = variant.path("VariantName").asText();
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw HostingErrors.validation("The variant name(s) [" + name + "] is/are repeated in the endpoint "
                        + "configuration; variant names must be unique.");
            }
            boolean serverless = variant.has("ServerlessConfig");
            boolean instances = variant.has("InstanceType") || variant.has("InitialInstanceCount");
            if (serverless && instances) {
                throw HostingErrors.validation("Variant " + name + " cannot have both ServerlessConfig and "
                        + "InstanceType/InitialInstanceCount.");
            }
            if (!serverless && !(variant.has("InstanceType") && variant.has("InitialInstanceCount"))) {
                throw HostingErrors.validation("Variant " + name + " must specify either ServerlessConfig or both "
                        + "InstanceType and InitialInstanceCount.");
            }
            String model = variant.path("ModelName").asText();
            if (models.find(region, model).isEmpty()) {
                throw HostingErrors.validation("Could not find model \"" + HostingArns.model(account, region, model)
                        + "\".");
            }
        }
    }

    private static void checkCapture(JsonNode capture) {
        if (capture == null) {
            return;
        }
        String destination = capture.path("DestinationS3Uri").asText();
        if (S3Uri.parse(destination).isEmpty()) {
            throw HostingErrors.validation("Invalid DestinationS3Uri '" + destination + "' in DataCaptureConfig: the "
                    + "embedded emulator captures to s3://bucket/prefix URIs.");
        }
    }

    private Object list(ObjectNode input, AwsRequest request) {
        Comparator<EndpointConfig> order = "Name".equals(input.path("SortBy").asText("CreationTime"))
                ? Comparator.comparing(EndpointConfig::name)
                : Comparator.comparing(EndpointConfig::created).thenComparing(EndpointConfig::name);
        List<EndpointConfig> matching = configs.entriesWithPrefix(request.regionOrDefault() + "/").values().stream()
                .filter(c -> Listing.nameMatches(input, c.name()))
                .filter(c -> Listing.within(input, "CreationTimeAfter", "CreationTimeBefore", c.created()))
                .sorted(Listing.ordered(input, order))
                .toList();
        return Listing.page(input, matching, "EndpointConfigs", EndpointConfig::summary);
    }

    /** AWS deletes a configuration even while an endpoint runs on it; the endpoint keeps running. */
    private synchronized Object delete(ObjectNode input, AwsRequest request) {
        EndpointConfig config = require(request.regionOrDefault(), input.path("EndpointConfigName").asText());
        configs.remove(HostingArns.key(config.region(), config.name()));
        tags.forget(config.arn());
        return null;
    }
}
