package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.GuardrailConfig.PiiAction;
import io.labrunner.emulator.bedrock.GuardrailConfig.PiiRule;
import io.labrunner.emulator.bedrock.GuardrailConfig.RegexRule;
import io.labrunner.emulator.bedrock.PiiDetector.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PII entities and custom regexes: a match configured BLOCK blocks the content; ANONYMIZE replaces
 * the match with its type ({@code {EMAIL}}) or, for a regex, its name ({@code {employee-id}}).
 */
final class SensitiveInformationPolicy {

    private record Found(Span span, PiiAction action, String regex) {
    }

    PolicyResult apply(String text, List<PiiRule> entities, List<RegexRule> regexes) {
        List<Found> found = new ArrayList<>();
        for (PiiRule rule : entities) {
            PiiDetector.find(rule.type(), text).forEach(span -> found.add(new Found(span, rule.action(), null)));
        }
        for (RegexRule rule : regexes) {
            PiiDetector.find(rule.name(), Pattern.compile(rule.pattern()), m -> true, text)
                    .forEach(span -> found.add(new Found(span, rule.action(), rule.pattern())));
        }
        if (found.isEmpty()) {
            return PolicyResult.clean(text);
        }
        ArrayNode pii = Json.mapper().createArrayNode();
        ArrayNode custom = Json.mapper().createArrayNode();
        boolean blocked = false;
        for (Found f : found) {
            boolean blocks = f.action() == PiiAction.BLOCK;
            blocked |= blocks;
            String action = blocks ? "BLOCKED" : "ANONYMIZED";
            if (f.regex() == null) {
                pii.addObject().put("match", f.span().match()).put("type", f.span().type())
                        .put("action", action).put("detected", true);
            } else {
                custom.addObject().put("name", f.span().type()).put("match", f.span().match())
                        .put("regex", f.regex()).put("action", action).put("detected", true);
            }
        }
        ObjectNode assessment = Json.object();
        assessment.set("piiEntities", pii);
        assessment.set("regexes", custom);
        return new PolicyResult(blocked, !blocked, blocked ? text : mask(text, found), assessment);
    }

    /** Replaces every match, earlier and then longer matches winning where two overlap. */
    private static String mask(String text, List<Found> found) {
        List<Span> spans = found.stream().map(Found::span)
                .sorted(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end() - s.start())))
                .toList();
        StringBuilder masked = new StringBuilder();
        int position = 0;
        for (Span span : spans) {
            if (span.start() < position) {
                continue;
            }
            masked.append(text, position, span.start()).append('{').append(span.type()).append('}');
            position = span.end();
        }
        return masked.append(text.substring(position)).toString();
    }
}
