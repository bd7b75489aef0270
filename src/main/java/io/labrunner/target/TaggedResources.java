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

    /** Nothing: targets without the Resource Groups Tagging API. */
    TaggedResources NONE = List::of;

    List<Tagged> find();

    /**
     * The Resource Groups Tagging API's GetResources, filtered on the {@code lab:run-id} key, all
     * pages. It covers the region's resources plus global ones such as IAM roles.
     */
    static TaggedResources taggingApi(Region region, AwsCredentialsProvider credentials) {
        return taggingApi(URI.create("https://tagging." + region.id() + ".amazonaws.com/"), region, credentials);
    }

    /** As {@link #taggingApi(Region, AwsCredentialsProvider)}, at a given endpoint (tests). */
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
                try {
                    SignedJson.Response response = client.call(endpoint, "tagging",
                            "ResourceGroupsTaggingAPI_20170126.GetResources", json.writeValueAsString(request));
                    JsonNode body = json.readTree(response.body());
                    if (!response.ok()) {
                        throw new LabException("The Resource Groups Tagging API refused GetResources: "
                                + body.path("__type").asText() + " " + body.path("message").asText(body.path("Message").asText()));
                    }
                    for (JsonNode mapping : body.path("ResourceTagMappingList")) {
                        Map<String, String> tags = new LinkedHashMap<>();
                        mapping.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
                        found.add(new Tagged(mapping.path("ResourceARN").asText(), tags));
                    }
                    token = body.path("PaginationToken").asText("");
                } catch (IOException e) {
                    throw new LabException("Cannot reach the Resource Groups Tagging API: " + e.getMessage());
                }
            } while (!token.isEmpty());
            return found;
        };
    }
}
