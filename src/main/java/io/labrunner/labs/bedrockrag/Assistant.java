package io.labrunner.labs.bedrockrag;

import io.labrunner.core.BedrockModels;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Asks the text model through Converse. The system prompt holds the rules (answer only from the
 * context, else say "I don't know"); the user message holds the retrieved chunks, each tagged with
 * its source, then the question. Temperature 0: the same question gets the same answer.
 */
final class Assistant {
    static final String SYSTEM_PROMPT = "You are the support assistant of Quillfeather Instruments."
            + " Answer the question using only the facts in the context of the user's message, quoting names,"
            + " numbers and codes exactly as written there. If the context does not contain the answer,"
            + " or there is no context, reply only: I don't know.";

    private final BedrockRuntimeClient runtime;
    private final BedrockModels.Chosen model;

    Assistant(BedrockRuntimeClient runtime, BedrockModels.Chosen model) {
        this.runtime = runtime;
        this.model = model;
    }

    String modelId() {
        return model.id();
    }

    /** The answer from the given context; with no chunks the message holds the question alone. */
    String answer(String question, List<Chunk> context) {
        return converse(SYSTEM_PROMPT, prompt(question, context));
    }

    /** The question alone, without the grounding rules: what a bare chatbot is asked. */
    String bare(String question) {
        return converse(null, question);
    }

    /**
     * The user message: each chunk in a {@code <document>} tag that names its source, then the
     * question. Tags keep the sources apart from the facts: a model (or the emulator's responder)
     * quotes the text, not the labels.
     */
    static String prompt(String question, List<Chunk> context) {
        if (context.isEmpty()) {
            return "Question: " + question;
        }
        StringBuilder prompt = new StringBuilder("Context:\n");
        for (Chunk chunk : context) {
            prompt.append("<document source=\"").append(chunk.id()).append("\" title=\"").append(chunk.title()).append("\">\n")
                    .append(chunk.text()).append("\n</document>\n");
        }
        return prompt.append("\nQuestion: ").append(question).toString();
    }

    private String converse(String system, String user) {
        ConverseResponse response = model.invoke(() -> runtime.converse(r -> {
            r.modelId(model.id())
                    .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(user)).build())
                    .inferenceConfig(c -> c.temperature(0f).maxTokens(300));
            if (system != null) {
                r.system(SystemContentBlock.fromText(system));
            }
        }));
        StringBuilder text = new StringBuilder();
        response.output().message().content().stream().filter(b -> b.text() != null).forEach(b -> text.append(b.text()));
        return text.toString().strip();
    }
}
