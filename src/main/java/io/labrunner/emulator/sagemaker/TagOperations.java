package io.labrunner.emulator.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.protocol.JsonProtocolService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AddTags, ListTags and DeleteTags, for the ARN of any SageMaker resource; and the same tags for the Resource Groups
 * Tagging API.
 */
public final class TagOperations implements OperationGroup, io.labrunner.emulator.TaggableResources {
    /** ListTags answers up to 50 tags a page unless asked for more (its MaxResults is at least 50). */
    private static final int DEFAULT_PAGE = 50;
    private final ResourceTags tags;

    public TagOperations(ResourceTags tags) {
        this.tags = tags;
    }

    @Override
    public void register(JsonProtocolService.Builder sagemaker) {
        sagemaker.handler("AddTags", (input, request) -> addTags(input))
                .handler("ListTags", (input, request) -> listTags(input))
                .handler("DeleteTags", (input, request) -> deleteTags(input));
    }

    /** The {@code Tags} member of a request, as key → value in the order given. */
    public static Map<String, String> tagsOf(JsonNode tagList) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tagList != null) {
            tagList.forEach(tag -> out.put(tag.path("Key").asText(), tag.path("Value").asText()));
        }
        return out;
    }

    /** Tags as the API lists them. */
    public static List<Map<String, String>> tagList(Map<String, String> tags) {
        List<Map<String, String>> out = new ArrayList<>();
        tags.forEach((key, value) -> out.add(Map.of("Key", key, "Value", value)));
        return out;
    }

    @Override
    public java.util.Set<String> arnServices() {
        return java.util.Set.of("sagemaker");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        List<TaggedResource> out = new ArrayList<>();
        tags.all().forEach((arn, resourceTags) -> {
            if (software.amazon.awssdk.arns.Arn.tryFromString(arn).flatMap(a -> a.region())
                    .filter(region::equals).isPresent()) {
                out.add(new TaggedResource(arn, resourceTags));
            }
        });
        return out;
    }

    @Override
    public void tag(String arn, Map<String, String> added) {
        tags.put(arn, added);
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        tags.remove(arn, keys);
    }

    private Map<String, Object> addTags(ObjectNode input) {
        Map<String, String> added = tagsOf(input.get("Tags"));
        tags.put(input.get("ResourceArn").asText(), added);
        return Map.of("Tags", tagList(added));
    }

    private Map<String, Object> listTags(ObjectNode input) {
        List<Map<String, String>> all = tagList(tags.of(input.get("ResourceArn").asText()));
        int size = input.path("MaxResults").asInt(DEFAULT_PAGE);
        int from = Paging.offset(input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Tags", all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())));
        if (from + size < all.size()) {
            out.put("NextToken", Paging.token(from + size));
        }
        return out;
    }

    private Map<String, Object> deleteTags(ObjectNode input) {
        List<String> keys = new ArrayList<>();
        input.get("TagKeys").forEach(key -> keys.add(key.asText()));
        tags.remove(input.get("ResourceArn").asText(), keys);
        return Map.of();
    }
}
