package io.labrunner.labs.bedrockrag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void eachParagraphBecomesAChunkUnderTheDocumentsTitle() {
        List<Chunk> chunks = Chunker.chunk("a.md", "# The title\n\nFirst paragraph. Still first.\n\nSecond\nparagraph.\n");

        assertThat(chunks).containsExactly(
                new Chunk("a.md#1", "a.md", "The title", "First paragraph. Still first."),
                new Chunk("a.md#2", "a.md", "The title", "Second paragraph."));
    }

    @Test
    void aLongParagraphIsCutBetweenSentencesIntoPiecesOfAtMostTheWordLimit() {
        String sentence = "One two three four five six seven eight nine ten.";
        String paragraph = String.join(" ", java.util.Collections.nCopies(13, sentence));

        List<String> pieces = Chunker.pack(paragraph);

        assertThat(pieces).hasSize(3);
        assertThat(pieces).allSatisfy(p -> assertThat(p.split(" ")).hasSizeLessThanOrEqualTo(Chunker.MAX_WORDS));
        assertThat(pieces).allSatisfy(p -> assertThat(p).startsWith("One").endsWith("ten."));
        assertThat(String.join(" ", pieces)).isEqualTo(paragraph);
    }

    @Test
    void versionNumbersAndPricesDoNotEndASentence() {
        assertThat(Chunker.pack("Firmware 4.8.0 costs NZ$1,140.50 today. Next.")).containsExactly(
                "Firmware 4.8.0 costs NZ$1,140.50 today. Next.");
    }

    @Test
    void aDocumentWithoutATitleIsNamedByItsFile() {
        assertThat(Chunker.chunk("notes.md", "Just text.")).containsExactly(new Chunk("notes.md#1", "notes.md", "notes.md", "Just text."));
    }

    @Test
    void everyShippedDocumentChunksIntoPiecesWithinTheLimit() throws IOException {
        for (String document : BedrockRagLab.DOCUMENTS) {
            try (InputStream in = ChunkerTest.class.getResourceAsStream("/labs/bedrock-rag/docs/" + document)) {
                assertThat(in).as(document).isNotNull();
                List<Chunk> chunks = Chunker.chunk(document, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(chunks).as(document).isNotEmpty()
                        .allSatisfy(c -> assertThat(c.text().split(" ")).hasSizeLessThanOrEqualTo(Chunker.MAX_WORDS));
            }
        }
    }
}
