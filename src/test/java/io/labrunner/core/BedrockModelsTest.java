package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.BedrockServiceClientConfiguration;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.ListFoundationModelsRequest;
import software.amazon.awssdk.services.bedrock.model.ListFoundationModelsResponse;
import software.amazon.awssdk.services.bedrock.model.ModelModality;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;

class BedrockModelsTest {
    private static final Region VIRGINIA = Region.US_EAST_1;

    private static FoundationModelSummary text(String id, String... inferenceTypes) {
        return FoundationModelSummary.builder().modelId(id).outputModalities(ModelModality.TEXT)
                .inferenceTypesSupportedWithStrings(inferenceTypes.length == 0 ? List.of("ON_DEMAND") : List.of(inferenceTypes))
                .build();
    }

    private static FoundationModelSummary embedding(String id) {
        return FoundationModelSummary.builder().modelId(id).outputModalities(ModelModality.EMBEDDING)
                .inferenceTypesSupportedWithStrings("ON_DEMAND").build();
    }

    /** A control-plane client whose region lists exactly these models. */
    private static BedrockClient region(Region region, FoundationModelSummary... models) {
        return new BedrockClient() {
            @Override
            public String serviceName() {
                return "bedrock";
            }

            @Override
            public void close() {
            }

            @Override
            public BedrockServiceClientConfiguration serviceClientConfiguration() {
                return BedrockServiceClientConfiguration.builder().region(region).build();
            }

            @Override
            public ListFoundationModelsResponse listFoundationModels(ListFoundationModelsRequest request) {
                return ListFoundationModelsResponse.builder().modelSummaries(models).build();
            }
        };
    }

    private static BedrockModels models(BedrockClient bedrock, Map<String, String> environment) {
        return new BedrockModels(bedrock, environment::get);
    }

    @Test
    void theFirstDefaultTheRegionListsIsChosen() {
        BedrockClient bedrock = region(VIRGINIA, text("anthropic.claude-3-haiku-20240307-v1:0"),
                text("amazon.nova-micro-v1:0"), embedding("amazon.titan-embed-text-v2:0"));

        assertThat(models(bedrock, Map.of()).choose(BedrockModels.Use.TEXT).id()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(models(bedrock, Map.of()).choose(BedrockModels.Use.EMBEDDING).id()).isEqualTo("amazon.titan-embed-text-v2:0");
    }

    @Test
    void aRegionWithoutTheFirstDefaultFallsBackToTheNext() {
        BedrockClient bedrock = region(VIRGINIA, text("anthropic.claude-3-haiku-20240307-v1:0"), embedding("cohere.embed-english-v3"));

        assertThat(models(bedrock, Map.of()).choose(BedrockModels.Use.TEXT).id()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(models(bedrock, Map.of()).choose(BedrockModels.Use.EMBEDDING).id()).isEqualTo("cohere.embed-english-v3");
    }

    @Test
    void aModelOnlyOfferedThroughAnInferenceProfileIsCalledByTheProfileOfTheRegionsGeography() {
        BedrockClient bedrock = region(Region.EU_WEST_1, text("amazon.nova-micro-v1:0", "INFERENCE_PROFILE"));

        assertThat(models(bedrock, Map.of()).choose(BedrockModels.Use.TEXT).id()).isEqualTo("eu.amazon.nova-micro-v1:0");
    }

    @Test
    void theEnvironmentVariableOverridesTheDefaults() {
        BedrockClient bedrock = region(VIRGINIA, text("amazon.nova-micro-v1:0"), text("meta.llama3-8b-instruct-v1:0"));

        BedrockModels.Chosen chosen = models(bedrock, Map.of("LAB_BEDROCK_TEXT_MODEL", " meta.llama3-8b-instruct-v1:0 "))
                .choose(BedrockModels.Use.TEXT);

        assertThat(chosen.id()).isEqualTo("meta.llama3-8b-instruct-v1:0");
        assertThat(chosen.region()).isEqualTo(VIRGINIA);
    }

    @Test
    void aProfileIdGivenInTheEnvironmentIsUsedAsGiven() {
        BedrockClient bedrock = region(VIRGINIA, text("amazon.nova-lite-v1:0", "INFERENCE_PROFILE"));

        assertThat(models(bedrock, Map.of("LAB_BEDROCK_TEXT_MODEL", "global.amazon.nova-lite-v1:0"))
                .choose(BedrockModels.Use.TEXT).id()).isEqualTo("global.amazon.nova-lite-v1:0");
    }

    @Test
    void aPreferredModelTheRegionDoesNotListIsAClearError() {
        BedrockClient bedrock = region(Region.EU_CENTRAL_1, text("amazon.nova-micro-v1:0"));

        assertThatThrownBy(() -> models(bedrock, Map.of("LAB_BEDROCK_TEXT_MODEL", "amazon.nova-pro-v1:0"))
                .choose(BedrockModels.Use.TEXT))
                .isInstanceOf(LabException.class)
                .hasMessage("LAB_BEDROCK_TEXT_MODEL=amazon.nova-pro-v1:0, but region eu-central-1 lists no such TEXT model."
                        + " Listed there: amazon.nova-micro-v1:0.");
    }

    @Test
    void aRegionWithNoneOfTheDefaultsSaysWhichModelsWhereAndWhatToDo() {
        BedrockClient bedrock = region(Region.of("me-central-1"), text("legacy.model-v1:0"));

        assertThatThrownBy(() -> models(bedrock, Map.of()).choose(BedrockModels.Use.EMBEDDING))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("amazon.titan-embed-text-v2:0").hasMessageContaining("me-central-1")
                .hasMessageContaining("LAB_BEDROCK_EMBEDDING_MODEL").hasMessageContaining(BedrockModels.ACCESS_GUIDE);
    }

    @Test
    void legacyModelsAreNotChosen() {
        FoundationModelSummary legacy = text("amazon.nova-micro-v1:0").toBuilder()
                .modelLifecycle(l -> l.status(FoundationModelLifecycleStatus.LEGACY)).build();
        BedrockClient bedrock = region(VIRGINIA, legacy, text("amazon.nova-lite-v1:0"));

        assertThat(models(bedrock, Map.of()).choose(BedrockModels.Use.TEXT).id()).isEqualTo("amazon.nova-lite-v1:0");
    }

    @Test
    void missingModelAccessBecomesOneLineNamingModelRegionAndTheWayToAccess() {
        BedrockModels.Chosen chosen = new BedrockModels.Chosen("amazon.nova-micro-v1:0", BedrockModels.Use.TEXT, VIRGINIA);
        AccessDeniedException denied = AccessDeniedException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("You don't have access to the model with the specified model ID.").build())
                .build();

        assertThatThrownBy(() -> chosen.invoke(() -> {
            throw denied;
        }))
                .isInstanceOf(LabException.class)
                .hasMessageStartingWith("No access to Bedrock model amazon.nova-micro-v1:0 in us-east-1"
                        + " (You don't have access to the model with the specified model ID.).")
                .hasMessageContaining("LAB_BEDROCK_TEXT_MODEL").hasMessageContaining(BedrockModels.ACCESS_GUIDE)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aCallThatSucceedsReturnsItsResult() {
        BedrockModels.Chosen chosen = new BedrockModels.Chosen("m", BedrockModels.Use.TEXT, VIRGINIA);

        assertThat(chosen.invoke(() -> "answer")).isEqualTo("answer");
    }
}
