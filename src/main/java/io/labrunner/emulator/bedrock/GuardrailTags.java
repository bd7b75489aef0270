package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.TaggableResources.TaggedResource;
import io.labrunner.emulator.protocol.ErrorWithMembers;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of guardrails, by ARN, kept across restarts: set by CreateGuardrail's {@code tags} and TagResource,
 * removed by UntagResource, listed by ListTagsForResource, dropped with the guardrail. Bedrock allows 50 tags a
 * resource (TooManyTagsException's documentation).
 */
final class GuardrailTags {
    static final int MAX_TAGS = 50;

    private final GuardrailStore guardrails;
    private final StateMap<TagSet> byArn;

    GuardrailTags(GuardrailStore guardrails, StateStore state) {
        this.guardrails = guardrails;
        this.byArn = state.map("bedrock.tags", TagSet.class);
    }

    /** A request's {@code tags} ({@code [{"key": k, "value": v}]}) in the order given. */
    static Map<String, String> read(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        list.forEach(tag -> out.put(tag.path("key").asText(), tag.path("value").asText()));
        return out;
    }

    /** Refuses more tags than a resource may carry, before anything is created or changed. */
    static void checkCount(String arn, int count) {
        if (count > MAX_TAGS) {
            throw new ErrorWithMembers("TooManyTagsException", "The request contains more tags than can be"
                    + " associated with a resource (" + MAX_TAGS + " tags per resource).", 400,
                    Map.of("resourceName", arn));
        }
    }

    ObjectNode tagResource(ObjectNode input, AwsRequest request) {
        tag(input.path("resourceARN").asText(), read(input.path("tags")));
        return Json.object();
    }

    ObjectNode untagResource(ObjectNode input, AwsRequest request) {
        List<String> keys = new ArrayList<>();
        input.path("tagKeys").forEach(key -> keys.add(key.asText()));
        untag(input.path("resourceARN").asText(), keys);
        return Json.object();
    }

    ObjectNode listTagsForResource(ObjectNode input, AwsRequest request) {
        String arn = input.path("resourceARN").asText();
        Map<String, String> tags = guardrails.locked(() -> {
            require(arn);
            return of(arn);
        });
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("tags");
        tags.forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        return out;
    }

    void tag(String arn, Map<String, String> added) {
        guardrails.locked(() -> {
            require(arn);
            LinkedHashMap<String, String> merged = of(arn);
            merged.putAll(added);
            checkCount(arn, merged.size());
            byArn.put(arn, new TagSet(merged));
            return null;
        });
    }

    void untag(String arn, Collection<String> keys) {
        guardrails.locked(() -> {
            require(arn);
            LinkedHashMap<String, String> left = of(arn);
            keys.forEach(left::remove);
            byArn.put(arn, new TagSet(left));
            return null;
        });
    }

    /** Every guardrail of the region with its tags. */
    List<TaggedResource> tagged(String region) {
        return guardrails.locked(() -> guardrails.all().stream()
                .filter(g -> g.arn().startsWith("arn:aws:bedrock:" + region + ":"))
                .map(g -> new TaggedResource(g.arn(), of(g.arn()))).toList());
    }

    /** The ARN of the guardrail an identifier (id or ARN) names, or null when there is none. */
    String arnOf(String identifier) {
        return guardrails.locked(() -> {
            try {
                return guardrails.find(identifier).arn();
            } catch (AwsException e) {
                return null;
            }
        });
    }

    /** Drops the tags of a deleted guardrail. */
    void forget(String arn) {
        byArn.remove(arn);
    }

    private LinkedHashMap<String, String> of(String arn) {
        return byArn.get(arn).map(set -> new LinkedHashMap<>(set.tags())).orElseGet(LinkedHashMap::new);
    }

    /** The guardrail {@code arn} names exactly; Bedrock's other resources are not served here. */
    private void require(String arn) {
        boolean known = guardrails.all().stream().anyMatch(g -> g.arn().equals(arn));
        if (!known) {
            throw new AwsException("ResourceNotFoundException", "The specified resource ARN was not found: " + arn
                    + ".", 404);
        }
    }

    /** One resource's tags, in the order they were added. */
    record TagSet(LinkedHashMap<String, String> tags) {
    }
}
