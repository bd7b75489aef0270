package io.labrunner.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ModelModality;

/**
 * Chooses the Bedrock models a lab calls, among those the region offers: the user's choice from
 * {@code LAB_BEDROCK_TEXT_MODEL} / {@code LAB_BEDROCK_EMBEDDING_MODEL} when set, else the first of a
 * short list of small, cheap models that ListFoundationModels lists. A model offered only through a
 * cross-Region inference profile is called by the profile's id ({@code us.amazon.nova-micro-v1:0}).
 * Missing model access becomes one line that says which model, which region and what to do.
 */
public final class BedrockModels {
    /** Where the current model-access procedure is described. */
    public static final String ACCESS_GUIDE = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html";

    /** What a lab needs a model for: each use has its environment variable and its defaults. */
    public enum Use {
        TEXT("LAB_BEDROCK_TEXT_MODEL", ModelModality.TEXT,
                List.of("amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "anthropic.claude-3-haiku-20240307-v1:0")),
        EMBEDDING("LAB_BEDROCK_EMBEDDING_MODEL", ModelModality.EMBEDDING,
                List.of("amazon.titan-embed-text-v2:0", "cohere.embed-english-v3"));

        private final String variable;
        private final ModelModality output;
        private final List<String> defaults;

        Use(String variable, ModelModality output, List<String> defaults) {
            this.variable = variable;
            this.output = output;
            this.defaults = defaults;
        }

        /** The environment variable that overrides the defaults. */
        public String variable() {
            return variable;
        }

        /** The models tried in order when the variable is not set. */
        public List<String> defaults() {
            return defaults;
        }
    }

    /**
     * A model chosen for a use in a region.
     *
     * @param id     what to pass as {@code modelId}: a model id or an inference profile id
     * @param use    what it was chosen for
     * @param region where it is called
     */
    public record Chosen(String id, Use use, Region region) {

        /**
         * Runs a call to the model; an AccessDeniedException (no access to the model) becomes a
         * one-line {@link LabException} telling how to get access.
         */
        public <T> T invoke(Supplier<T> call) {
            try {
                return call.get();
            } catch (software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException e) {
                throw new LabException("No access to Bedrock model " + id + " in " + region.id() + " ("
                        + firstLine(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                        + "). Allow bedrock:InvokeModel for it (and aws-marketplace:Subscribe for third-party models),"
                        + " check that no SCP denies it, submit the one-time use-case form for Anthropic models,"
                        + " or pick another model with " + use.variable() + "; see " + ACCESS_GUIDE, e);
            }
        }
    }

    private final BedrockClient bedrock;
    private final Function<String, String> environment;

    /**
     * @param bedrock     the control-plane client of the target (its region is the one searched)
     * @param environment reads a variable, null when unset: {@code System::getenv} outside tests
     */
    public BedrockModels(BedrockClient bedrock, Function<String, String> environment) {
        this.bedrock = bedrock;
        this.environment = environment;
    }

    /** The models of the lab's target, preferences read from the process environment. */
    public static BedrockModels of(LabContext ctx) {
        return new BedrockModels(ctx.bedrock(), System::getenv);
    }

    /** The model to call for this use, or a one-line {@link LabException} saying why there is none. */
    public Chosen choose(Use use) {
        Region region = bedrock.serviceClientConfiguration().region();
        List<FoundationModelSummary> offered = offered(use, region);
        String preferred = Optional.ofNullable(environment.apply(use.variable())).map(String::strip).orElse("");
        if (!preferred.isEmpty()) {
            String base = withoutProfile(preferred);
            FoundationModelSummary model = offered.stream().filter(m -> m.modelId().equals(base)).findFirst()
                    .orElseThrow(() -> new LabException(use.variable() + "=" + preferred + ", but region " + region.id()
                            + " lists no such " + use.output + " model. Listed there: " + ids(offered) + "."));
            // A profile id the user gave is used as given: they know which geography they want.
            return new Chosen(base.equals(preferred) ? invocationId(model, region) : preferred, use, region);
        }
        for (String candidate : use.defaults()) {
            Optional<FoundationModelSummary> model = offered.stream().filter(m -> m.modelId().equals(candidate)).findFirst();
            if (model.isPresent()) {
                return new Chosen(invocationId(model.get(), region), use, region);
            }
        }
        throw new LabException("None of the " + use.name().toLowerCase(Locale.ROOT) + " models this lab tries ("
                + String.join(", ", use.defaults()) + ") is offered in " + region.id() + ". Set " + use.variable()
                + " to one that is (aws bedrock list-foundation-models --by-output-modality " + use.output
                + " --region " + region.id() + "), or use a region such as us-east-1; see " + ACCESS_GUIDE);
    }

    private List<FoundationModelSummary> offered(Use use, Region region) {
        List<FoundationModelSummary> models;
        try {
            models = bedrock.listFoundationModels(r -> { }).modelSummaries();
        } catch (software.amazon.awssdk.services.bedrock.model.AccessDeniedException e) {
            throw new LabException("Not allowed to list Bedrock models in " + region.id()
                    + ": allow bedrock:ListFoundationModels for your identity; see " + ACCESS_GUIDE, e);
        }
        List<FoundationModelSummary> usable = new ArrayList<>();
        for (FoundationModelSummary m : models) {
            boolean output = m.outputModalities().contains(use.output);
            boolean legacy = m.modelLifecycle() != null
                    && m.modelLifecycle().status() == FoundationModelLifecycleStatus.LEGACY;
            if (output && !legacy) {
                usable.add(m);
            }
        }
        return usable;
    }

    /**
     * The model id when the model runs on demand; else the id of its cross-Region inference profile
     * for the region's geography
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
     */
    static String invocationId(FoundationModelSummary model, Region region) {
        // As strings: INFERENCE_PROFILE is a value the SDK's InferenceType enum does not name.
        List<String> types = model.inferenceTypesSupportedAsStrings();
        if (types.isEmpty() || types.contains(InferenceType.ON_DEMAND.toString()) || !types.contains("INFERENCE_PROFILE")) {
            return model.modelId();
        }
        return geography(region).map(geo -> geo + "." + model.modelId()).orElse(model.modelId());
    }

    private static Optional<String> geography(Region region) {
        String id = region.id();
        if (id.startsWith("us-gov-")) {
            return Optional.of("us-gov");
        }
        if (id.startsWith("us-")) {
            return Optional.of("us");
        }
        if (id.startsWith("eu-")) {
            return Optional.of("eu");
        }
        return id.startsWith("ap-") ? Optional.of("apac") : Optional.empty();
    }

    private static String withoutProfile(String id) {
        return id.replaceFirst("^(us|eu|apac|us-gov|global)\\.", "");
    }

    private static String ids(List<FoundationModelSummary> models) {
        return models.isEmpty() ? "none" : models.stream().map(FoundationModelSummary::modelId).collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "access denied";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
