package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.List;

/** Blocks text about any denied topic, as judged by a {@link TopicMatcher}. */
final class TopicPolicy {
    private final TopicMatcher matcher;

    TopicPolicy(TopicMatcher matcher) {
        this.matcher = matcher;
    }

    PolicyResult apply(String text, List<GuardrailConfig.DeniedTopic> topics) {
        ArrayNode matched = Json.mapper().createArrayNode();
        for (GuardrailConfig.DeniedTopic topic : topics) {
            if (matcher.matches(text, topic)) {
                matched.addObject().put("name", topic.name()).put("type", "DENY")
                        .put("action", "BLOCKED").put("detected", true);
            }
        }
        if (matched.isEmpty()) {
            return PolicyResult.clean(text);
        }
        ObjectNode assessment = Json.object();
        assessment.set("topics", matched);
        return new PolicyResult(true, false, text, assessment);
    }
}
