package io.labrunner.emulator.bedrock.text;

/**
 * Generates the assistant's next message for a conversation. The emulator's Bedrock runtime
 * operations (Converse, InvokeModel and their streaming forms) all end here, whatever the request's
 * wire shape.
 */
public interface TextModel {

    /** Answers the conversation's last user turn, honouring the prompt's maximum length and stop sequences. */
    Generation generate(Prompt prompt);

    /** A short name for what produced the text, reported in responses, e.g. {@code grounded-responder}. */
    String name();

    /** True when the same prompt always gets the same answer (no model server behind it). */
    boolean deterministic();
}
