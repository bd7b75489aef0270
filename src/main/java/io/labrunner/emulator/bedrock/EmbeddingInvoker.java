package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;

/** InvokeModel for embedding models: the request and response bodies of each provider, vectors from one {@link TextEmbedder}. */
final class EmbeddingInvoker {
    private final TextEmbedder embedder;

    EmbeddingInvoker(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    AwsResponse invoke(FoundationModel model, AwsRequest request) {
        throw AwsException.notImplemented("bedrock", "InvokeModel for " + model.id());
    }
}
