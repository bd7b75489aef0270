package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.CatalogueFile.Geography;

/**
 * A system-defined cross-Region inference profile: a geography's id for one model, e.g.
 * {@code us.anthropic.claude-haiku-4-5-20251001-v1:0}
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
 *
 * @param geography where it routes requests
 * @param model     the model it runs
 */
public record InferenceProfile(Geography geography, FoundationModel model) {

    public String id() {
        return geography.prefix() + "." + model.id();
    }

    /** Profile ARNs name the caller's region and account. */
    public String arn(String region, String accountId) {
        return "arn:aws:bedrock:" + region + ":" + accountId + ":inference-profile/" + id();
    }

    /** The profile as ListInferenceProfiles' summaries and GetInferenceProfile show it. */
    ObjectNode describe(String region, String accountId) {
        String name = geography.label() + " " + model.provider() + " " + model.name();
        String where = geography.regions().isEmpty() ? "commercial AWS Regions" : joined();
        ObjectNode node = Json.object()
                .put("inferenceProfileName", name)
                .put("description", "Routes requests to " + model.provider() + " " + model.name() + " in " + where + ".");
        if (model.lifecycle().launched() != null) {
            String created = FoundationModel.iso(model.lifecycle().launched());
            node.put("createdAt", created).put("updatedAt", created);
        }
        node.put("inferenceProfileArn", arn(region, accountId));
        var list = node.putArray("models");
        if (geography.regions().isEmpty()) {
            list.addObject().put("modelArn", "arn:aws:bedrock:::foundation-model/" + model.id());
        } else {
            geography.regions().forEach(r -> list.addObject().put("modelArn", model.arn(r)));
        }
        node.put("inferenceProfileId", id()).put("status", "ACTIVE").put("type", "SYSTEM_DEFINED");
        return node;
    }

    private String joined() {
        var regions = geography.regions();
        if (regions.size() == 1) {
            return regions.get(0);
        }
        return String.join(", ", regions.subList(0, regions.size() - 1)) + " and " + regions.get(regions.size() - 1);
    }
}
