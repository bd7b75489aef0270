package io.labrunner.emulator.bedrock.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The context passages and the question found in a retrieval-augmented prompt. Recognised layouts,
 * in the system prompt or in any user turn:
 * <ul>
 * <li>tagged blocks: {@code <context>}, {@code <document>}, {@code <documents>}, {@code <passage>},
 *     {@code <source>}, {@code <search_results>}, {@code <excerpt>}, {@code <information>} (any attributes,
 *     nested tags stripped);</li>
 * <li>a heading line such as {@code Context:}, {@code Documents:}, {@code Passages:}, {@code Sources:},
 *     {@code Background:} or {@code Search results:}, whose passages run until a {@code Question:} /
 *     {@code Query:} line or the end;</li>
 * <li>fenced blocks between lines of {@code ---} or {@code ===} (LlamaIndex's default template);</li>
 * <li>the paragraphs before a {@code Question:} / {@code Query:} line when nothing above matched
 *     (LangChain's "Use the following pieces of context" template);</li>
 * <li>otherwise, a system prompt's own sentences, e.g. "Answer using these facts: ...".</li>
 * </ul>
 * The question is the text after the last user turn's {@code Question:} / {@code Query:} label (up to an
 * {@code Answer:} line), else what is left of the last user turn once its context is taken out.
 */
record RagPrompt(List<String> passages, String question) {
    private static final Pattern TAGGED = Pattern.compile(
            "<(context|contexts|documents?|passages?|sources?|search_results?|excerpts?|information|knowledge)"
                    + "(\\s[^>]*)?>(.*?)</\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z_][^>]*>");
    private static final Pattern HEADING = Pattern.compile(
            "^[ \\t]*(?:#+[ \\t]*)?(?:retrieved[ \\t]+|relevant[ \\t]+)?(context|contexts|context information|documents?"
                    + "|passages?|sources?|background|references?|search results|knowledge|excerpts?)[ \\t]*:[ \\t]*",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern QUESTION = Pattern.compile(
            "^[ \\t]*(?:#+[ \\t]*)?(?:user[ \\t]+)?(question|query|q)[ \\t]*:[ \\t]*",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern ANSWER = Pattern.compile(
            "^[ \\t]*(?:helpful[ \\t]+)?answer[ \\t]*:.*$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern FENCED = Pattern.compile(
            "^[ \\t]*(?:-{3,}|={3,})[ \\t]*$(.*?)^[ \\t]*(?:-{3,}|={3,})[ \\t]*$", Pattern.MULTILINE | Pattern.DOTALL);

    private static final Pattern INSTRUCTION_START = Pattern.compile("(use|answer|given|if you|if the|only|you are|you're"
            + "|do not|don't|please|based on|respond|reply|be |always|never|keep|cite|ignore|act as|your task)\\b");
    private static final Pattern POINTER = Pattern.compile("\\b(the|this|these) (following|provided|given|above|below|retrieved)"
            + " (pieces of )?(context|documents?|passages?|information|excerpts?|sources?|search results)\\b");

    static RagPrompt of(Prompt prompt) {
        List<String> passages = new ArrayList<>();
        List<String> systemRest = new ArrayList<>();
        for (String system : prompt.system()) {
            systemRest.add(extract(system, passages));
        }
        String lastUser = prompt.lastUserText();
        String lastUserRest = lastUser;
        for (Prompt.Turn turn : prompt.turns()) {
            if (turn.role() == Prompt.Turn.Role.USER) {
                // The last user turn comes last, so its rest is the one kept.
                lastUserRest = extract(turn.text(), passages);
            }
        }
        String question = question(lastUserRest);
        if (passages.isEmpty()) {
            Matcher label = QUESTION.matcher(lastUserRest);
            if (label.find() && label.start() > 0) {
                passages.add(lastUserRest.substring(0, label.start()));
            }
        }
        if (passages.isEmpty()) {
            passages.addAll(systemRest);
        }
        if (question.isBlank()) {
            question = lastUser.strip();
        }
        return new RagPrompt(List.copyOf(passages), question);
    }

    /** Moves the context blocks of {@code text} into {@code passages}; returns the rest of the text. */
    private static String extract(String text, List<String> passages) {
        StringBuilder rest = new StringBuilder();
        Matcher tagged = TAGGED.matcher(text);
        int from = 0;
        while (tagged.find()) {
            rest.append(text, from, tagged.start()).append('\n');
            passages.add(ANY_TAG.matcher(tagged.group(3)).replaceAll("\n"));
            from = tagged.end();
        }
        rest.append(text.substring(from));
        String remaining = rest.toString();

        Matcher fenced = FENCED.matcher(remaining);
        if (fenced.find()) {
            passages.add(fenced.group(1));
            remaining = remaining.substring(0, fenced.start()) + "\n" + remaining.substring(fenced.end());
        }

        Matcher heading = HEADING.matcher(remaining);
        if (heading.find()) {
            Matcher question = QUESTION.matcher(remaining);
            int end = question.find(heading.end()) ? question.start() : remaining.length();
            passages.add(remaining.substring(heading.end(), end));
            remaining = remaining.substring(0, heading.start()) + "\n" + remaining.substring(end);
        }
        return remaining;
    }

    private static String question(String text) {
        Matcher label = QUESTION.matcher(text);
        String question = text;
        int start = -1;
        while (label.find()) {
            start = label.end();
        }
        if (start >= 0) {
            question = text.substring(start);
        }
        Matcher answer = ANSWER.matcher(question);
        if (answer.find()) {
            question = question.substring(0, answer.start());
        }
        return question.strip();
    }

    /**
     * True for a sentence that instructs the model rather than states a fact: one ending in a colon,
     * starting like an order ("Use…", "Answer…", "If you…", "You are…"), saying "don't know", or
     * pointing at "the following/provided context".
     */
    static boolean isInstruction(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        return lower.endsWith(":")
                || INSTRUCTION_START.matcher(lower).lookingAt()
                || lower.contains("don't know") || lower.contains("do not know")
                || POINTER.matcher(lower).find();
    }
}
