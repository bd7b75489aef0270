package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.AwsException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The models the emulator serves, and the lookup that turns a model id from a request into one of them. */
public final class FoundationModels {
    // Cross-Region inference profiles name a model with a geography prefix, e.g. us.amazon.nova-micro-v1:0
    // (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
    private static final Pattern PROFILE_PREFIX = Pattern.compile("^(us|eu|apac|us-gov|global)\\.");

    private final List<FoundationModel> models;

    public FoundationModels(List<FoundationModel> models) {
        this.models = List.copyOf(models);
    }

    public List<FoundationModel> all() {
        return models;
    }

    /** The model a request names by id, inference-profile id or foundation-model ARN. */
    public Optional<FoundationModel> find(String identifier) {
        String id = identifier.contains("foundation-model/")
                ? identifier.substring(identifier.indexOf("foundation-model/") + "foundation-model/".length())
                : identifier.contains("inference-profile/")
                        ? identifier.substring(identifier.indexOf("inference-profile/") + "inference-profile/".length())
                        : identifier;
        String base = PROFILE_PREFIX.matcher(id).replaceFirst("");
        return models.stream().filter(m -> m.id().equals(base)).findFirst();
    }

    /** Like {@link #find}, but a model the emulator does not serve is AWS's error for an unknown model. */
    public FoundationModel require(String identifier) {
        return find(identifier).orElseThrow(() -> unknown(identifier));
    }

    private static AwsException unknown(String identifier) {
        // TODO(runtime): confirm the wording AWS returns for an unknown model id.
        return AwsException.validation("The provided model identifier is invalid.");
    }
}
