package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;

/**
 * The most output tokens each served text model allows, as its model card in the Bedrock user guide states
 * (kept in the catalogue file, {@code maxOutputTokens}), and the checks of a requested maximum against it.
 */
final class ModelLimits {
    private ModelLimits() {
    }

    static int maxOutputTokens(FoundationModel model) {
        return model.maxOutputTokens() > 0 ? model.maxOutputTokens() : 4096;
    }

    /**
     * A requested token count, or null when none is given. A number past Integer's range is above every
     * model's limit: asInt() would wrap it to a negative and report the wrong value.
     */
    static Integer requested(JsonNode node) {
        if (!node.isNumber()) {
            return null;
        }
        return node.canConvertToInt() ? node.asInt() : node.doubleValue() > 0 ? Integer.MAX_VALUE : 0;
    }

    /** The requested maximum checked against the model's, or the model's own when none was asked for (Converse's default). */
    static int maxTokens(FoundationModel model, Integer requested, String field) {
        int limit = maxOutputTokens(model);
        if (requested == null) {
            return limit;
        }
        if (requested < 1) {
            throw AwsException.validation("1 validation error detected: Value '" + requested + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (requested > limit) {
            throw AwsException.validation("The maximum tokens you requested exceeds the model limit of " + limit
                    + ". Try again with a maximum tokens value that is lower than " + limit + ".");
        }
        return requested;
    }
}
