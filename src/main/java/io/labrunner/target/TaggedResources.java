package io.labrunner.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.LabException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Resources that carry a {@code lab:run-id} tag, whatever their kind. */
@FunctionalInterface
public interface TaggedResources {

    /** One tagged resource: its ARN and all its tags. */
    record Tagged(String arn, Map<String, String> tags) {
        public Tagged {
            tags = Map.copyOf(tags);
        }
    }

    /** Nothing tagged: for listing by name alone. */
    TaggedResources NONE = List::of;

    /**
     * The target does not serve the Tagging API: it answered as to an operation or service it does not know, not at
     * all, or not in the API's JSON. The message says which, in a few words.
     */
    final class NotServed extends LabException {
        public NotServed(String why) {
            super(why);
        }
    }

    /** Every resource tagged {@code lab:run-id}; {@link NotServed} where the target has no Tagging API. */
    List<Tagged> find();

    /** The Tagging API of any target: AWS's regional endpoint, or the target's own endpoint. */
    static TaggedResources of(Target target) {
        return target.endpoint().map(endpoint -> taggingApi(endpoint, target.region(), target.credentials()))
                .orElseGet(() -> taggingApi(target.region(), target.credentials()));
    }

    /**
     * The Resource Groups Tagging API's GetResources, filtered on the {@code lab:run-id} key, all
     * pages. It covers the region's resources plus global ones such as IAM roles.
     */
    static TaggedResources taggingApi(Region region, AwsCredentialsProvider credentials) {
        return taggingApi(URI.create("https://tagging." + region.id() + ".amazonaws.com/"), region, credentials);
    }

    /** As {@link #taggingApi(Region, AwsCredentialsProvider)}, at a given endpoint: an emulator's, or a stand-in's. */
    static TaggedResources taggingApi(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        ObjectMapper json = new ObjectMapper();
        SignedJson client = new SignedJson(region, credentials);
        return () -> {
            List<Tagged> found = new ArrayList<>();
            String token = "";
            do {
                ObjectNode request = json.createObjectNode();
                request.putArray("TagFilters").addObject().put("Key", "lab:run-id");
                request.put("ResourcesPerPage", 100);
                if (!token.isEmpty()) {
                    request.put("PaginationToken", token);
                }
                SignedJson.Response response;
                try {
                    response = client.call(endpoint, "tagging",
                            "ResourceGroupsTaggingAPI_20170126.GetResources", request.toString());
                } catch (IOException e) {
                    throw new NotServed("cannot reach it: " + (e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage()));
                }
                JsonNode body = answer(json, response);
                if (!response.ok()) {
                    String code = body.path("__type").asText(body.path("code").asText());
                    code = code.substring(code.lastIndexOf('#') + 1);
                    if (response.status() == 404 || response.status() == 501 || NOT_SERVED.contains(code)) {
                        throw new NotServed("GetResources answered " + response.status()
                                + (code.isEmpty() ? "" : " " + code));
                    }
                    throw new LabException("The Resource Groups Tagging API refused GetResources: "
                            + body.path("__type").asText() + " " + body.path("message").asText(body.path("Message").asText()));
                }
                for (JsonNode mapping : body.path("ResourceTagMappingList")) {
                    Map<String, String> tags = new LinkedHashMap<>();
                    mapping.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
                    found.add(new Tagged(mapping.path("ResourceARN").asText(), tags));
                }
                token = body.path("PaginationToken").asText("");
            } while (!token.isEmpty());
            return found;
        };
    }

    /** Error codes with which a server says it has no such operation or service. */
    Set<String> NOT_SERVED = Set.of("UnknownOperationException", "UnknownOperation",
            "NotImplemented", "InvalidAction", "UnknownServiceException");

    /** The answer's JSON; an answer in anything else comes from no Tagging API. */
    private static JsonNode answer(ObjectMapper json, SignedJson.Response response) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new NotServed("GetResources answered " + response.status() + " without the API's JSON");
        }
        return body;
    }
}
