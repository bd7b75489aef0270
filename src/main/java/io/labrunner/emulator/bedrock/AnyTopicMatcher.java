package io.labrunner.emulator.bedrock;

import java.util.List;

/** Matches when any of its matchers does, asking them in order and stopping at the first that matches. */
public final class AnyTopicMatcher implements TopicMatcher {
    private final List<TopicMatcher> matchers;

    public AnyTopicMatcher(List<TopicMatcher> matchers) {
        this.matchers = List.copyOf(matchers);
    }

    @Override
    public boolean matches(String text, GuardrailConfig.DeniedTopic topic) {
        return matchers.stream().anyMatch(matcher -> matcher.matches(text, topic));
    }
}
