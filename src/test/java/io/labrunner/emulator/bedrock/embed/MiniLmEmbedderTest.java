package io.labrunner.emulator.bedrock.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.labrunner.emulator.bedrock.embed.TextEmbedder.Embedding;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

    @Test
    void similarSentencesScoreHigherThanUnrelatedOnes() {
        Embedding question = EMBEDDER.embed("How long does Kinesis keep records by default?");
        Embedding answer = EMBEDDER.embed("A Kinesis data stream retains records for 24 hours unless you raise the retention period.");
        Embedding unrelated = EMBEDDER.embed("Preheat the oven and bake the bread for forty minutes.");

        assertThat(question.similarity(answer)).isGreaterThan(question.similarity(unrelated) + 0.2);
    }

    @Test
    void vectorsHaveUnitLengthAndTheModelsDimensions() {
        Embedding embedding = EMBEDDER.embed("Athena bills by the bytes it scans.");

        assertThat(embedding.vector()).hasSize(EMBEDDER.dimensions());
        assertThat(embedding.similarity(embedding)).isCloseTo(1.0, within(1e-5));
        assertThat(embedding.inputTokens()).isBetween(7, 14);
    }

    @Test
    void theSameTextAlwaysGetsTheSameVector() {
        assertThat(EMBEDDER.embed("Glue crawlers infer schemas.").vector())
                .containsExactly(EMBEDDER.embed("Glue crawlers infer schemas.").vector());
    }

    @Test
    void growingTheLengthKeepsCosineSimilarityExactly() {
        Embedding a = EMBEDDER.embed("Firehose buffers records before it writes them to S3.");
        Embedding b = EMBEDDER.embed("Delivery streams batch data by size or time.");
        Projection toTitan = new Projection(384, 1024);

        double projected = Vectors.cosine(toTitan.apply(a.vector()), toTitan.apply(b.vector()));

        assertThat(projected).isCloseTo(a.similarity(b), within(1e-4));
        assertThat(toTitan.apply(a.vector())).hasSize(1024);
    }

    @Test
    void shrinkingTheLengthKeepsTheOrderOfSimilarities() {
        Embedding question = EMBEDDER.embed("What does a Glue crawler do?");
        Embedding near = EMBEDDER.embed("A crawler scans data in S3 and writes table definitions to the Glue Data Catalog.");
        Embedding far = EMBEDDER.embed("The football match ended in a draw after extra time.");
        Projection small = new Projection(384, 256);

        double nearScore = Vectors.cosine(small.apply(question.vector()), small.apply(near.vector()));
        double farScore = Vectors.cosine(small.apply(question.vector()), small.apply(far.vector()));

        assertThat(nearScore).isGreaterThan(farScore);
        assertThat(nearScore).isCloseTo(question.similarity(near), within(0.15));
    }
}
