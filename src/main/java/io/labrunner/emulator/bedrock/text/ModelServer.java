package io.labrunner.emulator.bedrock.text;

import java.net.URI;
import java.util.Objects;

/**
 * A local model server with Ollama's chat API that answers the emulator's text models instead of
 * the grounded responder.
 *
 * @param url   the server's base URL, e.g. {@code http://127.0.0.1:11434}
 * @param model the model it should run, e.g. {@code llama3.2}
 */
public record ModelServer(URI url, String model) {

    public ModelServer {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("the model server needs a model name");
        }
    }
}
