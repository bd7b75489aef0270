package io.labrunner.labs.sagemakerendpoint;

import io.labrunner.core.LabContext;
import io.labrunner.labs.sagemakerxgboost.SageMakerWaits;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DesiredWeightAndCapacity;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;

/**
 * A canary release on one real-time endpoint: two production variants behind the same URL, the
 * champion taking 90 % of the requests and the challenger 10 %, each on its own instance. SageMaker
 * routes each request by the variants' weights; when the verdict is in, UpdateEndpointWeightsAndCapacities
 * moves the weights without redeploying anything.
 */
final class Canary {
    /** The smallest general-purpose instance the XGBoost image serves on; see {@link CostComparison} for its price. */
    static final String INSTANCE_TYPE = "ml.m5.large";
    /** Weights are relative: 0.9 and 0.1 send 90 % and 10 % of the requests. */
    static final Map<String, Float> INITIAL_WEIGHTS = Map.of(Candidates.CHAMPION, 0.9f, Candidates.CHALLENGER, 0.1f);

    private Canary() {
    }

    /** CreateEndpointConfig: one variant per model, the challenger on the small share. */
    static void createConfig(SageMakerClient sageMaker, String config, Map<String, String> modelByVariant, Map<String, String> tags) {
        List<ProductionVariant> variants = modelByVariant.entrySet().stream().map(variant -> ProductionVariant.builder()
                .variantName(variant.getKey())
                .modelName(variant.getValue())
                .instanceType(INSTANCE_TYPE)
                .initialInstanceCount(1)
                .initialVariantWeight(INITIAL_WEIGHTS.get(variant.getKey()))
                .build()).toList();
        sageMaker.createEndpointConfig(create -> create
                .endpointConfigName(config)
                .productionVariants(variants)
                .tags(XgboostTraining.tags(tags)));
    }

    static void createEndpoint(SageMakerClient sageMaker, String endpoint, String config, Map<String, String> tags) {
        sageMaker.createEndpoint(create -> create.endpointName(endpoint).endpointConfigName(config).tags(XgboostTraining.tags(tags)));
    }

    /** Puts every request on {@code winner}: weight 1 for it, 0 for the others, which keep their instances. */
    static void shiftAllTo(SageMakerClient sageMaker, String endpoint, String winner, List<String> variants) {
        List<DesiredWeightAndCapacity> weights = variants.stream().map(variant -> DesiredWeightAndCapacity.builder()
                .variantName(variant)
                .desiredWeight(variant.equals(winner) ? 1f : 0f)
                .build()).toList();
        sageMaker.updateEndpointWeightsAndCapacities(update -> update.endpointName(endpoint).desiredWeightsAndCapacities(weights));
    }

    /**
     * Waits with the SDK's waiter until the endpoint is InService (Creating or Updating before); fails
     * with its FailureReason if it went to Failed. The waiter's own 30-second polls suit AWS, where an
     * endpoint takes minutes; polling soon then seldom suits the emulator too.
     */
    static DescribeEndpointResponse awaitInService(LabContext ctx, String endpoint) {
        SageMakerClient sageMaker = ctx.sageMaker();
        try {
            sageMaker.waiter().waitUntilEndpointInService(DescribeEndpointRequest.builder().endpointName(endpoint).build(),
                    SageMakerWaits.soonThenSeldom());
        } catch (SdkClientException failed) {
            // The waiter gives up on Failed without the reason; Describe has it.
        }
        DescribeEndpointResponse described = sageMaker.describeEndpoint(d -> d.endpointName(endpoint));
        if (described.endpointStatus() != EndpointStatus.IN_SERVICE) {
            throw new IllegalStateException("Endpoint " + endpoint + " is " + described.endpointStatusAsString() + ": "
                    + described.failureReason());
        }
        return described;
    }
}
