package io.labrunner.labs.modelmonitoring;

import io.labrunner.core.LabContext;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointRequest;
import io.labrunner.labs.sagemakerxgboost.SageMakerWaits;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CaptureMode;
import software.amazon.awssdk.services.sagemaker.model.CaptureOption;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;

/**
 * A real-time endpoint that writes down what it sees: the endpoint config names the model, one
 * instance, and a DataCaptureConfig — capture on, every request (100 %), inputs and outputs, into
 * the lab's bucket. SageMaker then writes JSON Lines files under
 * {@code <DestinationS3Uri>/<EndpointName>/<VariantName>/yyyy/mm/dd/hh/}, one line per request.
 */
public final class CapturedEndpoint {
    /** The smallest general-purpose hosting instance; about $0.115 an hour in us-east-1 (Dec 2026). */
    public static final ProductionVariantInstanceType INSTANCE = ProductionVariantInstanceType.ML_M5_LARGE;
    public static final String VARIANT = "AllTraffic";

    private CapturedEndpoint() {
    }

    /**
     * CreateEndpointConfig with capture on. {@code CsvContentTypes} text/csv makes SageMaker keep CSV
     * payloads as text in the capture files ({@code "encoding": "CSV"}) instead of base64.
     */
    public static String createConfig(SageMakerClient sageMaker, String config, String model, String captureUri,
            int samplingPercentage, Map<String, String> tags) {
        return sageMaker.createEndpointConfig(create -> create
                .endpointConfigName(config)
                .productionVariants(variant -> variant
                        .variantName(VARIANT)
                        .modelName(model)
                        .instanceType(INSTANCE)
                        .initialInstanceCount(1)
                        .initialVariantWeight(1f))
                .dataCaptureConfig(capture -> capture
                        .enableCapture(true)
                        .initialSamplingPercentage(samplingPercentage)
                        .destinationS3Uri(captureUri)
                        .captureOptions(CaptureOption.builder().captureMode(CaptureMode.INPUT).build(),
                                CaptureOption.builder().captureMode(CaptureMode.OUTPUT).build())
                        .captureContentTypeHeader(header -> header.csvContentTypes("text/csv")))
                .tags(XgboostTraining.tags(tags))).endpointConfigArn();
    }

    /** CreateEndpoint; instances start (minutes on AWS) while the endpoint is Creating. */
    public static String create(SageMakerClient sageMaker, String endpoint, String config, Map<String, String> tags) {
        return sageMaker.createEndpoint(create -> create
                .endpointName(endpoint)
                .endpointConfigName(config)
                .tags(XgboostTraining.tags(tags))).endpointArn();
    }

    /** Waits with the SDK's waiter; fails unless the endpoint is InService, with its FailureReason. */
    public static DescribeEndpointResponse awaitInService(SageMakerClient sageMaker, String endpoint) {
        try {
            sageMaker.waiter().waitUntilEndpointInService(DescribeEndpointRequest.builder().endpointName(endpoint).build(),
                    SageMakerWaits.soonThenSeldom());
        } catch (SdkClientException endedFailed) {
            // The waiter gives up on Failed without the reason; Describe has it.
        }
        DescribeEndpointResponse done = sageMaker.describeEndpoint(describe -> describe.endpointName(endpoint));
        if (done.endpointStatus() != EndpointStatus.IN_SERVICE) {
            throw new IllegalStateException("Endpoint " + endpoint + " is " + done.endpointStatusAsString() + ": "
                    + done.failureReason());
        }
        return done;
    }

    /** Sends each row as its own request, as an application scoring one customer at a time would. */
    public static int send(LabContext ctx, String endpoint, List<String> rows) {
        int churners = 0;
        for (String row : rows) {
            String score = ctx.sageMakerRuntime().invokeEndpoint(InvokeEndpointRequest.csv(endpoint, row)).body().asUtf8String();
            if (Double.parseDouble(score.strip().split("[,\\n]")[0]) >= 0.5) {
                churners++;
            }
        }
        return churners;
    }
}
