package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blocks text containing a configured word or phrase, or a word of the managed profanity list: whole words, any case. */
final class WordPolicy {

    PolicyResult apply(String text, List<String> words, boolean profanity) {
        ArrayNode custom = Json.mapper().createArrayNode();
        for (String word : words) {
            find(text, word).ifPresent(match -> custom.addObject().put("match", match)
                    .put("action", "BLOCKED").put("detected", true));
        }
        ArrayNode managed = Json.mapper().createArrayNode();
        if (profanity) {
            for (String word : ProfanityList.WORDS) {
                find(text, word).ifPresent(match -> managed.addObject().put("match", match)
                        .put("type", "PROFANITY").put("action", "BLOCKED").put("detected", true));
            }
        }
        if (custom.isEmpty() && managed.isEmpty()) {
            return PolicyResult.clean(text);
        }
        ObjectNode assessment = Json.object();
        assessment.set("customWords", custom);
        assessment.set("managedWordLists", managed);
        return new PolicyResult(true, false, text, assessment);
    }

    /** The first whole-word, case-insensitive occurrence of {@code word} in {@code text}. */
    static Optional<String> find(String text, String word) {
        if (word.isBlank()) {
            return Optional.empty();
        }
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
