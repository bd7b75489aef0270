package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.bedrock.embed.TextEmbedder.Embedding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches denied topics by meaning: a text is about a topic when one of its sentences is close enough
 * (cosine similarity at least {@link #DEFAULT_THRESHOLD}) to the topic's name, its definition or one of its
 * examples. Catches paraphrases that share no word with the topic ("Where should I put my money to get the best
 * returns?" against an investment-advice topic), which a keyword match cannot.
 */
public final class EmbeddingTopicMatcher implements TopicMatcher {
    /**
     * Tuned with all-MiniLM-L6-v2 on three topics (investment, medical and political advice): paraphrases scored
     * 0.37 to 0.73 against their topic, everyday support questions at most 0.32. The threshold sits above the clean
     * prompts with a margin, giving up the paraphrases scored lowest rather than block clean prompts.
     */
    public static final double DEFAULT_THRESHOLD = 0.42;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int CACHE_SIZE = 512;

    private final TextEmbedder embedder;
    private final double threshold;
    // Topic phrases recur on every call and a text is checked against every topic: embed each once.
    private final Map<String, Embedding> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public EmbeddingTopicMatcher(TextEmbedder embedder) {
        this(embedder, DEFAULT_THRESHOLD);
    }

    public EmbeddingTopicMatcher(TextEmbedder embedder, double threshold) {
        this.embedder = embedder;
        this.threshold = threshold;
    }

    @Override
    public boolean matches(String text, GuardrailConfig.DeniedTopic topic) {
        List<String> references = new ArrayList<>(topic.examples());
        references.add(topic.definition());
        references.add(topic.name());
        for (String sentence : SENTENCE_END.split(text.strip())) {
            if (sentence.isBlank()) {
                continue;
            }
            Embedding embedded = embed(sentence);
            for (String reference : references) {
                if (reference != null && !reference.isBlank() && embedded.similarity(embed(reference)) >= threshold) {
                    return true;
                }
            }
        }
        return false;
    }

    private Embedding embed(String text) {
        synchronized (cache) {
            Embedding cached = cache.get(text);
            if (cached != null) {
                return cached;
            }
        }
        Embedding embedding = embedder.embed(text);
        synchronized (cache) {
            cache.put(text, embedding);
        }
        return embedding;
    }
}
