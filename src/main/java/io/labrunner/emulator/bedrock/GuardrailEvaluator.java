package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.GuardrailConfig.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a guardrail version's policies to text blocks and answers in ApplyGuardrail's shape:
 * action, outputs, one assessment per text block, usage.
 */
public final class GuardrailEvaluator {
    /** AWS bills guardrails per text unit of up to 1,000 characters. */
    private static final int TEXT_UNIT_CHARS = 1000;

    private final TopicPolicy topics;
    private final ContentPolicy content = new ContentPolicy();
    private final WordPolicy words = new WordPolicy();
    private final SensitiveInformationPolicy sensitive = new SensitiveInformationPolicy();

    public GuardrailEvaluator(TopicMatcher matcher) {
        this.topics = new TopicPolicy(matcher);
    }

    ObjectNode apply(GuardrailConfig config, Source source, List<String> texts) {
        boolean blocked = false;
        boolean masked = false;
        List<String> outputs = new ArrayList<>();
        ArrayNode assessments = Json.mapper().createArrayNode();
        int units = 0;
        for (String text : texts) {
            units += Math.max(1, (text.length() + TEXT_UNIT_CHARS - 1) / TEXT_UNIT_CHARS);
            ObjectNode assessment = assessments.addObject();
            PolicyResult topic = topics.apply(text, config.topics());
            PolicyResult filters = content.apply(text, config.contentFilters(), source);
            PolicyResult word = words.apply(text, config.words(), config.profanity());
            PolicyResult pii = sensitive.apply(text, config.piiEntities(), config.regexes());
            put(assessment, "topicPolicy", topic);
            put(assessment, "contentPolicy", filters);
            put(assessment, "wordPolicy", word);
            put(assessment, "sensitiveInformationPolicy", pii);
            blocked |= topic.blocked() || filters.blocked() || word.blocked() || pii.blocked();
            masked |= pii.masked();
            outputs.add(pii.text());
        }
        ObjectNode response = Json.object();
        response.set("usage", usage(config, units));
        response.put("action", blocked || masked ? "GUARDRAIL_INTERVENED" : "NONE");
        ArrayNode out = response.putArray("outputs");
        if (blocked) {
            out.addObject().put("text", config.blockedMessage(source));
        } else if (masked) {
            outputs.forEach(text -> out.addObject().put("text", text));
        }
        response.set("assessments", assessments);
        return response;
    }

    private static void put(ObjectNode assessment, String field, PolicyResult result) {
        if (result.assessment() != null) {
            assessment.set(field, result.assessment());
        }
    }

    /** Units per configured policy; custom regexes alone are not billed, as AWS prices them. */
    private static ObjectNode usage(GuardrailConfig config, int units) {
        ObjectNode usage = Json.object();
        usage.put("topicPolicyUnits", config.topics().isEmpty() ? 0 : units);
        usage.put("contentPolicyUnits", config.contentFilters().isEmpty() ? 0 : units);
        usage.put("wordPolicyUnits", config.words().isEmpty() && !config.profanity() ? 0 : units);
        usage.put("sensitiveInformationPolicyUnits", config.piiEntities().isEmpty() ? 0 : units);
        usage.put("sensitiveInformationPolicyFreeUnits", config.regexes().isEmpty() ? 0 : units);
        usage.put("contextualGroundingPolicyUnits", 0);
        return usage;
    }
}
