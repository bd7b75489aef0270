package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.Json;
import java.util.List;

/**
 * ListInferenceProfiles and GetInferenceProfile over the system-defined cross-Region profiles of the served models.
 * The emulator has no application inference profiles, so {@code typeEquals=APPLICATION} lists none.
 */
final class InferenceProfileOperations {
    private final FoundationModels models;
    private final String accountId;

    InferenceProfileOperations(FoundationModels models, String accountId) {
        this.models = models;
        this.accountId = accountId;
    }

    ObjectNode list(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String type = input.path("typeEquals").asText("SYSTEM_DEFINED");
        List<InferenceProfile> all = "SYSTEM_DEFINED".equals(type) ? models.profiles(region) : List.of();
        int start = 0;
        if (input.hasNonNull("nextToken")) {
            try {
                start = Integer.parseInt(input.get("nextToken").asText());
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > all.size()) {
                throw AwsException.validation("The provided pagination token is invalid.");
            }
        }
        int size = input.path("maxResults").asInt(1000);
        int end = Math.min(all.size(), start + size);
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("inferenceProfileSummaries");
        all.subList(start, end).forEach(p -> summaries.add(p.describe(region, accountId)));
        if (end < all.size()) {
            response.put("nextToken", Integer.toString(end));
        }
        return response;
    }

    ObjectNode get(ObjectNode input, AwsRequest request) {
        String identifier = input.path("inferenceProfileIdentifier").asText();
        String id = identifier.startsWith("arn:") ? identifier.substring(identifier.indexOf('/') + 1) : identifier;
        return models.profile(id, request.regionOrDefault())
                .filter(p -> !identifier.startsWith("arn:") || identifier.equals(p.arn(request.regionOrDefault(), accountId)))
                .map(p -> p.describe(request.regionOrDefault(), accountId))
                .orElseThrow(() -> new AwsException("ResourceNotFoundException",
                        "Inference profile " + identifier + " not found.", 404));
    }
}
