package io.labrunner.emulator.bedrock.text;

import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.bedrock.embed.TextEmbedder.Embedding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a language model that answers only from context present in the
 * prompt, so that retrieval-augmented generation can be learned without a model: it finds the
 * context passages and the question ({@link RagPrompt} lists the prompt layouts it understands),
 * splits the passages into sentences, ranks them by cosine similarity with the question using the
 * embedding model, and answers with the best sentence verbatim (and the runner-up when it scores
 * almost as well). A sentence only counts when its passage mentions every name the question asks
 * about (capitalised words and words with digits, such as "Redshift" or "us-east-1"), so that a
 * question about something the context never names is not answered with a look-alike fact. When the
 * prompt carries no context, or no sentence qualifies, it answers {@link #DONT_KNOW} instead of
 * guessing — the behaviour a grounded prompt asks of a real model. Token counts come from the
 * embedding model's tokenizer.
 */
public final class GroundedResponder implements TextModel {
    /** The fixed answer when the context does not answer the question. */
    public static final String DONT_KNOW = "I don't know: the provided context does not contain the answer to that question.";
    /**
     * Least cosine similarity (all-MiniLM-L6-v2) between question and sentence for the sentence to
     * count as an answer. Measured on ten passages about AWS services: the sentence that answers a
     * question scored 0.46–0.89 against it; off-topic questions scored at most 0.10 against any
     * sentence, and AWS-flavoured questions the passages do not answer at most 0.34 (0.46 for one about
     * another service's price, which the name check above rejects instead).
     */
    public static final double THRESHOLD = 0.40;
    /** Capitalised words that name no particular thing the context must mention. */
    private static final Set<String> GENERIC_NAMES = Set.of("amazon", "aws", "i");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    /** A runner-up sentence within this much of the best one is part of the answer too. */
    private static final double RUNNER_UP_MARGIN = 0.05;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"')\\]]?\\s+(?=[\\p{Lu}\\d\"'(\\[])");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\d+[.)]|[-*•])\\s+");
    private static final int MIN_WORDS = 3;
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Sentences embedded lately: a RAG session asks many questions over the same few passages. */
    private static final int CACHED_SENTENCES = 4096;

    private final TextEmbedder embedder;
    private final TokenCounter tokens;
    private final Map<String, Embedding> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
                    return size() > CACHED_SENTENCES;
                }
            });

    public GroundedResponder(TextEmbedder embedder, TokenCounter tokens) {
        this.embedder = embedder;
        this.tokens = tokens;
    }

    @Override
    public Generation generate(Prompt prompt) {
        int inputTokens = tokens.count(prompt.allText());
        return OutputLimits.apply(answer(RagPrompt.of(prompt)), inputTokens, prompt.settings(), tokens);
    }

    @Override
    public String name() {
        return "grounded-responder";
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    /** The answer before any length limit: the best-matching context sentences, or {@link #DONT_KNOW}. */
    String answer(RagPrompt rag) {
        List<Sentence> sentences = sentences(rag.passages());
        List<String> names = names(rag.question());
        if (sentences.isEmpty() || rag.question().isBlank()) {
            return DONT_KNOW;
        }
        Embedding question = embedder.embed(rag.question());
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            if (mentionsAll(sentence.passage(), names)) {
                scored.add(new Scored(i, sentence.text(), question.similarity(embedded(sentence.text()))));
            }
        }
        if (scored.isEmpty()) {
            return DONT_KNOW;
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::position));
        Scored best = scored.get(0);
        if (best.score() < THRESHOLD) {
            return DONT_KNOW;
        }
        List<Scored> chosen = new ArrayList<>(List.of(best));
        if (scored.size() > 1 && scored.get(1).score() >= best.score() - RUNNER_UP_MARGIN) {
            chosen.add(scored.get(1));
        }
        chosen.sort(Comparator.comparingInt(Scored::position));
        StringBuilder answer = new StringBuilder();
        chosen.forEach(s -> answer.append(answer.length() == 0 ? "" : " ").append(s.text()));
        return answer.toString();
    }

    private Embedding embedded(String sentence) {
        Embedding cached = cache.get(sentence);
        if (cached == null) {
            cached = embedder.embed(sentence);
            cache.put(sentence, cached);
        }
        return cached;
    }

    /** The passages' sentences, in order, without list markers, duplicates, fragments or instructions. */
    static List<Sentence> sentences(List<String> passages) {
        List<Sentence> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String passage : passages) {
            for (String line : LINE_BREAK.splitAsStream(passage).toList()) {
                String stripped = LIST_MARKER.matcher(line).replaceFirst("").strip();
                for (String sentence : SENTENCE_END.splitAsStream(stripped).toList()) {
                    String s = sentence.strip();
                    if (WHITESPACE.splitAsStream(s).count() >= MIN_WORDS && !RagPrompt.isInstruction(s) && seen.add(s)) {
                        out.add(new Sentence(s, passage));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The question's names: words that are capitalised (other than a sentence's first word) or hold a
     * digit, less generic ones such as "Amazon" and "AWS".
     */
    static List<String> names(String question) {
        List<String> names = new ArrayList<>();
        Matcher word = WORD.matcher(question);
        while (word.find()) {
            String w = word.group();
            String before = question.substring(0, word.start()).strip();
            boolean sentenceStart = before.isEmpty() || ".?!:".indexOf(before.charAt(before.length() - 1)) >= 0;
            boolean capitalised = Character.isUpperCase(w.charAt(0)) && !sentenceStart;
            boolean name = capitalised || w.chars().anyMatch(Character::isDigit);
            if (name && !GENERIC_NAMES.contains(w.toLowerCase(Locale.ROOT))) {
                names.add(w);
            }
        }
        return names;
    }

    private static boolean mentionsAll(String passage, List<String> names) {
        String lower = passage.toLowerCase(Locale.ROOT);
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT).replaceFirst("s$", "");
            if (!Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n)).matcher(lower).find()) {
                return false;
            }
        }
        return true;
    }

    /** A context sentence and the passage it came from. */
    record Sentence(String text, String passage) {
    }

    private record Scored(int position, String text, double score) {
    }
}
