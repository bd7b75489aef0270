package io.labrunner.labs.bedrockrag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a Markdown document into chunks. The rule: the {@code # Title} line names the document;
 * each paragraph (text between blank lines) becomes one chunk; a paragraph longer than
 * {@link #MAX_WORDS} words is cut between sentences into pieces of at most that many words (a single
 * longer sentence stays whole). Chunks never cross a paragraph, so a chunk keeps one topic, and they
 * do not overlap, because these paragraphs stand on their own.
 *
 * <p>A Bedrock knowledge base's default does a similar job by tokens: fixed-size chunks of about
 * 300 tokens with 20 % overlap.
 */
final class Chunker {
    /** About 80 tokens: small enough that one chunk is about one thing, big enough to hold a whole fact. */
    static final int MAX_WORDS = 60;
    // A sentence ends at . ! or ? followed by white space; "4.8.0" and "NZ$1,140" stay whole.
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    private Chunker() {
    }

    static List<Chunk> chunk(String source, String markdown) {
        String text = markdown.replace("\r\n", "\n").strip();
        String title = source;
        if (text.startsWith("# ")) {
            int end = text.indexOf('\n');
            title = (end < 0 ? text.substring(2) : text.substring(2, end)).strip();
            text = end < 0 ? "" : text.substring(end + 1).strip();
        }
        List<Chunk> chunks = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(text)) {
            String flat = paragraph.strip().replaceAll("\\s+", " ");
            for (String piece : pack(flat)) {
                chunks.add(new Chunk(source + "#" + (chunks.size() + 1), source, title, piece));
            }
        }
        return chunks;
    }

    /** Whole sentences, in order, packed into pieces of at most {@link #MAX_WORDS} words. */
    static List<String> pack(String paragraph) {
        List<String> pieces = new ArrayList<>();
        if (paragraph.isEmpty()) {
            return pieces;
        }
        StringBuilder piece = new StringBuilder();
        int words = 0;
        for (String sentence : SENTENCE_END.split(paragraph)) {
            int count = sentence.split(" ").length;
            if (words > 0 && words + count > MAX_WORDS) {
                pieces.add(piece.toString());
                piece.setLength(0);
                words = 0;
            }
            piece.append(piece.length() == 0 ? "" : " ").append(sentence);
            words += count;
        }
        pieces.add(piece.toString());
        return pieces;
    }
}
