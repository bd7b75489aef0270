package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.InferenceAnswer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SageMaker Runtime's InvokeEndpoint: picks the variant (the one X-Amzn-SageMaker-Target-Variant names, else one
 * drawn by weight), has its model answer the body, and returns the answer with the variant in
 * X-Amzn-Invoked-Production-Variant; captures the request when the endpoint's sampling picks it, and publishes the
 * invocation metrics. A payload the container refuses is a 424 ModelError carrying the container's status and
 * message, never a failure of the service.
 */
final class EndpointInvoker {
    /** The deployment serving an endpoint, or null. */
    @FunctionalInterface
    interface Serving {
        Deployment find(String region, String endpointName);
    }

    private final String account;
    private final Serving serving;
    private final InvocationMetrics metrics;
    private final Clock clock;

    EndpointInvoker(String account, Serving serving, InvocationMetrics metrics, Clock clock) {
        this.account = account;
        this.serving = serving;
        this.metrics = metrics;
        this.clock = clock;
    }

    Object invoke(ObjectNode input, AwsRequest request) {
        long started = System.nanoTime();
        String region = request.regionOrDefault();
        String name = input.path("EndpointName").asText();
        Deployment deployment = serving.find(region, name);
        if (deployment == null || !deployment.enter()) {
            throw HostingErrors.runtimeEndpointNotFound(name, account);
        }
        try {
            Deployment.ServingVariant variant = choose(deployment, input, name);
            String contentType = input.hasNonNull("ContentType") ? input.get("ContentType").asText() : null;
            String accept = input.hasNonNull("Accept") ? input.get("Accept").asText() : null;
            byte[] body = request.body();
            long modelStart = System.nanoTime();
            InferenceAnswer answer;
            try {
                answer = variant.predictor().invoke(body, contentType, accept);
            } catch (AlgorithmException e) {
                long modelMicros = (System.nanoTime() - modelStart) / 1000;
                publish(region, name, variant, deployment, modelMicros, started, 400);
                throw modelError(400, e.getMessage().replaceFirst("^ClientError: ", ""), region, name, variant);
            } catch (RuntimeException e) {
                long modelMicros = (System.nanoTime() - modelStart) / 1000;
                publish(region, name, variant, deployment, modelMicros, started, 500);
                throw modelError(500, "Internal Server Error", region, name, variant);
            }
            long modelMicros = (System.nanoTime() - modelStart) / 1000;
            CaptureWriter capture = deployment.capture();
            if (capture != null && capture.sampled()) {
                capture.append(variant.name(), clock.instant(), body, contentType, answer.body(),
                        answer.contentType(), input.hasNonNull("InferenceId") ? input.get("InferenceId").asText()
                                : null);
            }
            publish(region, name, variant, deployment, modelMicros, started, 200);
            return new AwsResponse(200, answer.contentType(),
                    Map.of("X-Amzn-Invoked-Production-Variant", variant.name()), answer.body());
        } finally {
            deployment.exit();
        }
    }

    private static Deployment.ServingVariant choose(Deployment deployment, ObjectNode input, String endpoint) {
        if (input.hasNonNull("TargetVariant")) {
            String target = input.get("TargetVariant").asText();
            Deployment.ServingVariant variant = deployment.variant(target);
            if (variant == null) {
                throw HostingErrors.runtimeValidation("Variant " + target + " not found for endpoint " + endpoint
                        + ".");
            }
            return variant;
        }
        return deployment.route(ThreadLocalRandom.current().nextDouble());
    }

    /** The time outside the model is the request's time in the service less the model's (OverheadLatency). */
    private void publish(String region, String endpoint, Deployment.ServingVariant variant, Deployment deployment,
            long modelMicros, long started, int status) {
        long totalMicros = (System.nanoTime() - started) / 1000;
        metrics.invoked(region, endpoint, variant.name(), deployment.instances(variant.name()), clock.instant(),
                modelMicros, Math.max(0, totalMicros - modelMicros), status);
    }

    private RuntimeException modelError(int status, String message, String region, String endpoint,
            Deployment.ServingVariant variant) {
        String logStream = "arn:aws:logs:" + region + ":" + account + ":log-group:/aws/sagemaker/Endpoints/"
                + endpoint;
        return HostingErrors.modelError(status, message, "primary", logStream, region, endpoint, account);
    }
}
