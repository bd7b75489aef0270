package io.labrunner.emulator.bedrock;

import java.util.List;

/**
 * The policies of one guardrail version, as CreateGuardrail configured them.
 * Public so a {@link TopicMatcher} can live outside this package.
 *
 * @param name                    guardrail name
 * @param description             optional description
 * @param blockedInputMessaging   what ApplyGuardrail returns when it blocks an INPUT
 * @param blockedOutputsMessaging what ApplyGuardrail returns when it blocks an OUTPUT
 */
public record GuardrailConfig(
        String name,
        String description,
        String blockedInputMessaging,
        String blockedOutputsMessaging,
        List<DeniedTopic> topics,
        List<ContentFilter> contentFilters,
        List<String> words,
        boolean profanity,
        List<PiiRule> piiEntities,
        List<RegexRule> regexes) {

    /** A denied topic: its name, definition and example phrases. */
    public record DeniedTopic(String name, String definition, List<String> examples) {
    }

    /** A content filter category with the strength applied to inputs and to outputs. */
    public record ContentFilter(String type, Strength inputStrength, Strength outputStrength) {
    }

    /** A PII entity type and whether it is blocked or masked. */
    public record PiiRule(String type, PiiAction action) {
    }

    /** A custom sensitive-information pattern and whether it is blocked or masked. */
    public record RegexRule(String name, String description, String pattern, PiiAction action) {
    }

    /** What a sensitive-information rule does to a match. */
    public enum PiiAction { BLOCK, ANONYMIZE }

    /**
     * Filter strength and detection confidence share one scale. A filter of strength S blocks content
     * detected with confidence C when C is at least as high as the lowest confidence S catches:
     * HIGH catches LOW and up, MEDIUM catches MEDIUM and up, LOW catches only HIGH, NONE catches nothing
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-content-filters.html).
     */
    public enum Strength {
        NONE, LOW, MEDIUM, HIGH;

        boolean blocks(Strength confidence) {
            if (this == NONE || confidence == NONE) {
                return false;
            }
            return confidence.ordinal() >= HIGH.ordinal() - ordinal() + LOW.ordinal();
        }
    }

    String blockedMessage(Source source) {
        return source == Source.INPUT ? blockedInputMessaging : blockedOutputsMessaging;
    }

    /** Which side of a model call the content is on. */
    public enum Source { INPUT, OUTPUT }
}
