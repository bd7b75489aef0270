package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.time.Instant;

/** Renders guardrails in GetGuardrail's and ListGuardrails' shapes; timestamps are ISO 8601, as the model says. */
final class GuardrailJson {
    private GuardrailJson() {
    }

    static ObjectNode get(Guardrail guardrail, Guardrail.Version version) {
        GuardrailConfig config = version.config();
        ObjectNode out = Json.object();
        out.put("name", config.name());
        out.put("guardrailId", guardrail.id());
        out.put("guardrailArn", guardrail.arn());
        out.put("version", version.version());
        if (version.description() != null) {
            out.put("description", version.description());
        }
        if (!config.topics().isEmpty()) {
            ArrayNode topics = out.putObject("topicPolicy").putArray("topics");
            config.topics().forEach(t -> {
                ObjectNode topic = topics.addObject().put("name", t.name()).put("definition", t.definition());
                t.examples().forEach(topic.putArray("examples")::add);
                topic.put("type", "DENY");
            });
        }
        if (!config.contentFilters().isEmpty()) {
            ArrayNode filters = out.putObject("contentPolicy").putArray("filters");
            config.contentFilters().forEach(f -> filters.addObject().put("type", f.type())
                    .put("inputStrength", f.inputStrength().name()).put("outputStrength", f.outputStrength().name()));
        }
        if (!config.words().isEmpty() || config.profanity()) {
            ObjectNode wordPolicy = out.putObject("wordPolicy");
            ArrayNode words = wordPolicy.putArray("words");
            config.words().forEach(w -> words.addObject().put("text", w));
            ArrayNode managed = wordPolicy.putArray("managedWordLists");
            if (config.profanity()) {
                managed.addObject().put("type", "PROFANITY");
            }
        }
        if (!config.piiEntities().isEmpty() || !config.regexes().isEmpty()) {
            ObjectNode policy = out.putObject("sensitiveInformationPolicy");
            ArrayNode pii = policy.putArray("piiEntities");
            config.piiEntities().forEach(p -> pii.addObject().put("type", p.type()).put("action", p.action().name()));
            ArrayNode regexes = policy.putArray("regexes");
            config.regexes().forEach(r -> {
                ObjectNode regex = regexes.addObject().put("name", r.name()).put("pattern", r.pattern())
                        .put("action", r.action().name());
                if (r.description() != null) {
                    regex.put("description", r.description());
                }
            });
        }
        out.put("status", "READY");
        out.put("createdAt", iso(version.createdAt()));
        out.put("updatedAt", iso(version.updatedAt()));
        out.put("blockedInputMessaging", config.blockedInputMessaging());
        out.put("blockedOutputsMessaging", config.blockedOutputsMessaging());
        return out;
    }

    static ObjectNode summary(Guardrail guardrail, Guardrail.Version version) {
        ObjectNode out = Json.object();
        out.put("id", guardrail.id());
        out.put("arn", guardrail.arn());
        out.put("status", "READY");
        out.put("name", version.config().name());
        if (version.description() != null) {
            out.put("description", version.description());
        }
        out.put("version", version.version());
        out.put("createdAt", iso(version.createdAt()));
        out.put("updatedAt", iso(version.updatedAt()));
        return out;
    }

    static String iso(Instant instant) {
        return instant.toString();
    }
}
