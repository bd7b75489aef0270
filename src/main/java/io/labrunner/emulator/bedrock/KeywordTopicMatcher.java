package io.labrunner.emulator.bedrock;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Matches denied topics by keyword overlap: the text's content words (no stop words, shorter than
 * three letters dropped, crudely stemmed to their first five letters) are compared with those of
 * the topic's name, definition and examples; two or more shared stems, or one shared stem when the
 * text has only one or two content words, make a match. Deterministic and easy to explain; an
 * embedding-based {@link TopicMatcher} can replace it.
 */
public final class KeywordTopicMatcher implements TopicMatcher {
    private static final int STEM_LENGTH = 5;
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "had", "her", "was",
            "one", "our", "out", "has", "have", "him", "his", "how", "its", "may", "who", "what", "when", "where",
            "which", "why", "with", "this", "that", "these", "those", "from", "they", "them", "their", "there",
            "about", "would", "could", "should", "will", "into", "than", "then", "some", "such", "also", "been",
            "being", "does", "did", "doing", "give", "tell", "please", "want", "need", "like", "just", "more",
            "most", "other", "over", "only", "very", "much", "many", "make", "made", "get", "got", "use", "used",
            "using", "includes", "including", "related", "topic", "topics", "questions", "question", "ask", "asking");

    @Override
    public boolean matches(String text, GuardrailConfig.DeniedTopic topic) {
        Set<String> textStems = stems(text);
        if (textStems.isEmpty()) {
            return false;
        }
        StringBuilder vocabulary = new StringBuilder(topic.name()).append(' ').append(topic.definition());
        topic.examples().forEach(example -> vocabulary.append(' ').append(example));
        Set<String> shared = new LinkedHashSet<>(textStems);
        shared.retainAll(stems(vocabulary.toString()));
        return shared.size() >= 2 || (shared.size() == 1 && textStems.size() <= 2);
    }

    static Set<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3 || STOP_WORDS.contains(word)) {
                continue;
            }
            stems.add(word.length() > STEM_LENGTH ? word.substring(0, STEM_LENGTH) : stripPlural(word));
        }
        return stems;
    }

    private static String stripPlural(String word) {
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
