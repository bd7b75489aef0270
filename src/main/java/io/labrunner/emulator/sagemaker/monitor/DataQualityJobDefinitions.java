package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerErrors;
import io.labrunner.emulator.sagemaker.TagOperations;
import io.labrunner.emulator.sagemaker.transform.Listing;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreateDataQualityJobDefinition, DescribeDataQualityJobDefinition, ListDataQualityJobDefinitions and
 * DeleteDataQualityJobDefinition. Kept across restarts.
 */
public final class DataQualityJobDefinitions implements OperationGroup {
    private final ResourceTags tags;
    private final Clock clock;
    private final StateMap<JobDefinition> definitions;

    public DataQualityJobDefinitions(ResourceTags tags, StateStore state, Clock clock) {
        this.tags = tags;
        this.clock = clock;
        this.definitions = state.map("sagemaker.data-quality-job-definitions", JobDefinition.class);
    }

    @Override
    public void register(JsonProtocolService.Builder service) {
        service
                .handler("CreateDataQualityJobDefinition", this::create)
                .handler("DescribeDataQualityJobDefinition", (input, request) -> require(request.regionOrDefault(),
                        input.path("JobDefinitionName").asText()).describe())
                .handler("ListDataQualityJobDefinitions", this::list)
                .handler("DeleteDataQualityJobDefinition", this::delete);
    }

    private synchronized Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("JobDefinitionName").asText();
        String key = MonitorArns.key(region, name);
        String arn = MonitorArns.jobDefinition(region, name);
        if (definitions.get(key).isPresent()) {
            throw SageMakerErrors.resourceInUse("Job definition with name " + name + " already exists (" + arn + ")");
        }
        ObjectNode stored = input.deepCopy();
        stored.remove("Tags");
        stored.remove("JobDefinitionName");
        JobDefinition definition = new JobDefinition(region, name, arn, stored, clock.instant());
        definition.job().validate();
        definitions.put(key, definition);
        if (input.has("Tags")) {
            tags.put(arn, TagOperations.tagsOf(input.get("Tags")));
        }
        return Map.of("JobDefinitionArn", arn);
    }

    Optional<JobDefinition> find(String region, String name) {
        return definitions.get(MonitorArns.key(region, name));
    }

    private Object list(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        Comparator<JobDefinition> order = "Name".equals(input.path("SortBy").asText())
                ? Comparator.comparing(JobDefinition::name)
                : Comparator.comparing(JobDefinition::created).thenComparing(JobDefinition::name);
        String endpoint = input.path("EndpointName").asText(null);
        List<JobDefinition> matching = definitions.entriesWithPrefix(region + "/").values().stream()
                .filter(d -> Listing.nameMatches(input, d.name()))
                .filter(d -> endpoint == null || endpoint.equals(d.endpointName()))
                .filter(d -> Listing.within(input, "CreationTimeAfter", "CreationTimeBefore", d.created()))
                .sorted(Listing.ordered(input, order))
                .toList();
        return Listing.page(input, matching, "JobDefinitionSummaries", JobDefinition::summary);
    }

    private synchronized Object delete(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        JobDefinition definition = require(region, input.path("JobDefinitionName").asText());
        definitions.remove(MonitorArns.key(region, definition.name()));
        tags.forget(definition.arn());
        return null;
    }

    private JobDefinition require(String region, String name) {
        return find(region, name).orElseThrow(() -> notFound(region, name));
    }

    /** The model declares ResourceNotFound for an unknown job definition. */
    static AwsException notFound(String region, String name) {
        return new AwsException("ResourceNotFound", "Could not find job definition "
                + MonitorArns.jobDefinition(region, name) + ".", 400);
    }
}
