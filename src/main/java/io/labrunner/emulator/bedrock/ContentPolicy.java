package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.GuardrailConfig.ContentFilter;
import io.labrunner.emulator.bedrock.GuardrailConfig.Source;
import io.labrunner.emulator.bedrock.GuardrailConfig.Strength;
import java.util.List;

/** Content filters: the lexicon's confidence per category against the filter's strength for the source. */
final class ContentPolicy {

    PolicyResult apply(String text, List<ContentFilter> filters, Source source) {
        ArrayNode found = Json.mapper().createArrayNode();
        boolean blocked = false;
        for (ContentFilter filter : filters) {
            Strength strength = source == Source.INPUT ? filter.inputStrength() : filter.outputStrength();
            Strength confidence = ContentLexicon.confidence(filter.type(), text);
            if (confidence == Strength.NONE) {
                continue;
            }
            boolean blocks = strength.blocks(confidence);
            blocked |= blocks;
            found.addObject().put("type", filter.type()).put("confidence", confidence.name())
                    .put("filterStrength", strength.name()).put("action", blocks ? "BLOCKED" : "NONE")
                    .put("detected", blocks);
        }
        if (found.isEmpty()) {
            return PolicyResult.clean(text);
        }
        ObjectNode assessment = Json.object();
        assessment.set("filters", found);
        return new PolicyResult(blocked, false, text, assessment);
    }
}
