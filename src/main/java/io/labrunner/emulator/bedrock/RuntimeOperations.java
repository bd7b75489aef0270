package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;

/**
 * Bedrock Runtime's model invocations (InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream):
 * the model named is looked up, then embedding models go to the {@link EmbeddingInvoker} and text models to
 * the {@link TextInvoker}. Their answers are complete responses: event streams, and bodies and headers that
 * depend on the model invoked. They run outside the guardrail store's lock, so a slow generation never holds up
 * the control plane.
 */
final class RuntimeOperations {
    private final FoundationModels models;
    private final EmbeddingInvoker embeddings;
    private final TextInvoker text;

    RuntimeOperations(FoundationModels models, EmbeddingInvoker embeddings, TextInvoker text) {
        this.models = models;
        this.embeddings = embeddings;
        this.text = text;
    }

    /** The operation named by its path suffix ({@code invoke}, {@code converse-stream}...). */
    AwsResponse invoke(String action, ObjectNode input, AwsRequest request) {
        FoundationModel model = models.require(input.path("modelId").asText(), request.regionOrDefault());
        if (model.kind() == FoundationModel.Kind.EMBEDDING) {
            return embeddings.handle(action, model, request);
        }
        return text.handle(action, model, request);
    }
}
