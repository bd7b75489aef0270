package io.labrunner.emulator.bedrock;

/**
 * Decides whether a text is about a denied topic. The seam where an embedding model can replace
 * the keyword matcher.
 */
public interface TopicMatcher {

    /** True when {@code text} is about the topic described by {@code topic}'s name, definition and examples. */
    boolean matches(String text, GuardrailConfig.DeniedTopic topic);
}
