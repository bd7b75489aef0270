package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SageMaker models: CreateModel, DescribeModel, ListModels and DeleteModel, kept across restarts.
 * A model only records which container serves which artifact; Batch Transform runs it.
 */
public final class Models implements OperationGroup {
    private final S3Objects s3;
    private final ResourceTags tags;
    private final Clock clock;
    private final StateMap<SageMakerModel> models;
    private final ModelPackages packages;

    public Models(S3Objects s3, ResourceTags tags, StateStore state, Clock clock) {
        this(s3, tags, state, clock, ModelPackages.NONE);
    }

    /** Models whose containers may name a model package of {@code packages} instead of an image. */
    public Models(S3Objects s3, ResourceTags tags, StateStore state, Clock clock, ModelPackages packages) {
        this.packages = packages;
        this.s3 = s3;
        this.tags = tags;
        this.clock = clock;
        this.models = state.map("sagemaker.models", SageMakerModel.class);
    }

    @Override
    public void register(JsonProtocolService.Builder service) {
        service
                .handler("CreateModel", this::create)
                .handler("DescribeModel", (input, request) -> require(request.regionOrDefault(),
                        input.path("ModelName").asText()).describe())
                .handler("ListModels", this::list)
                .handler("DeleteModel", this::delete);
    }

    /** The model {@code name} in {@code region}, as CreateTransformJob, a running job and an endpoint look it up. */
    public Optional<SageMakerModel> find(String region, String name) {
        return models.get(Arns.key(region, name));
    }

    private synchronized Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("ModelName").asText();
        String arn = Arns.model(region, name);
        if (find(region, name).isPresent()) {
            throw TransformErrors.validation("Cannot create already existing model \"" + arn + "\".");
        }
        List<JsonNode> containers = containers(input);
        if (containers.isEmpty()) {
            throw TransformErrors.validation("Either PrimaryContainer or Containers must be provided.");
        }
        ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
        for (JsonNode container : containers) {
            JsonNode running = fromPackage(region, container);
            checkContainer(running);
            resolved.add(running);
        }
        ObjectNode definition = input.deepCopy();
        definition.remove("ModelName");
        definition.remove("Tags");
        if (containers.stream().anyMatch(container -> container.has("ModelPackageName"))) {
            definition.set(SageMakerModel.RESOLVED_CONTAINERS, resolved);
        }
        models.put(Arns.key(region, name), new SageMakerModel(region, name, arn, definition, clock.instant()));
        if (input.has("Tags")) {
            tags.put(arn, Tags.of(input.get("Tags")));
        }
        return Map.of("ModelArn", arn);
    }

    /**
     * A container naming a model package runs the package's image on its artifact, as AWS deploys a package:
     * the package's container, with the request's own Environment entries on top of the package's.
     */
    private JsonNode fromPackage(String region, JsonNode container) {
        if (!container.has("ModelPackageName")) {
            return container;
        }
        ObjectNode resolved = packages.deployableContainer(region, container.get("ModelPackageName").asText());
        ObjectNode environment = resolved.has("Environment") && resolved.get("Environment").isObject()
                ? (ObjectNode) resolved.get("Environment") : resolved.putObject("Environment");
        if (container.has("Environment")) {
            environment.setAll((ObjectNode) container.get("Environment"));
        }
        if (environment.isEmpty()) {
            resolved.remove("Environment");
        }
        resolved.put("ModelPackageName", container.get("ModelPackageName").asText());
        return resolved;
    }

    private static List<JsonNode> containers(ObjectNode input) {
        if (input.has("PrimaryContainer")) {
            return List.of(input.get("PrimaryContainer"));
        }
        List<JsonNode> containers = new java.util.ArrayList<>();
        input.path("Containers").forEach(containers::add);
        return containers;
    }

    /**
     * What CreateModel checks of each container (a package's one once resolved): an image to run, and
     * model data that exists. AWS looks the artifact up before it
     * accepts the model ("Could not find model data at s3://..."), and so does this emulator.
     */
    private void checkContainer(JsonNode container) {
        if (!container.has("Image") && !container.has("ModelPackageName")) {
            throw TransformErrors.validation("Either Image or ModelPackageName must be provided for a container.");
        }
        JsonNode url = container.get("ModelDataUrl");
        if (url != null && !artifactExists(url.asText())) {
            throw TransformErrors.validation("Could not find model data at " + url.asText() + ".");
        }
    }

    private boolean artifactExists(String url) {
        return S3Uri.parse(url)
                .filter(uri -> !uri.key().isEmpty() && s3.bucketExists(uri.bucket()))
                .map(uri -> s3.list(uri.bucket(), uri.key()).stream().anyMatch(o -> o.key().equals(uri.key())))
                .orElse(false);
    }

    private Object list(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        Comparator<SageMakerModel> order = "Name".equals(input.path("SortBy").asText("CreationTime"))
                ? Comparator.comparing(SageMakerModel::name)
                : Comparator.comparing(SageMakerModel::created).thenComparing(SageMakerModel::name);
        List<SageMakerModel> matching = models.entriesWithPrefix(region + "/").values().stream()
                .filter(m -> Listing.nameMatches(input, m.name()))
                .filter(m -> Listing.within(input, "CreationTimeAfter", "CreationTimeBefore", m.created()))
                .sorted(Listing.ordered(input, order))
                .toList();
        return Listing.page(input, matching, "Models", SageMakerModel::summary);
    }

    private synchronized Object delete(ObjectNode input, AwsRequest request) {
        SageMakerModel model = require(request.regionOrDefault(), input.path("ModelName").asText());
        models.remove(Arns.key(model.region(), model.name()));
        tags.forget(model.arn());
        return null;
    }

    private SageMakerModel require(String region, String name) {
        return find(region, name).orElseThrow(() -> TransformErrors.modelNotFound(Arns.model(region, name)));
    }
}
