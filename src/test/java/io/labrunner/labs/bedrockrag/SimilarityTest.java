package io.labrunner.labs.bedrockrag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTest {

    private static Indexed entry(String id, float... vector) {
        return new Indexed(new Chunk(id, "doc.md", "Doc", id), "model", vector);
    }

    @Test
    void cosineIgnoresLengthAndSeesOnlyDirection() {
        assertThat(Similarity.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6})).isCloseTo(1.0, within(1e-9));
        assertThat(Similarity.cosine(new float[] {1, 0}, new float[] {0, 5})).isCloseTo(0.0, within(1e-9));
        assertThat(Similarity.cosine(new float[] {1, 1}, new float[] {-1, -1})).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void aZeroVectorIsSimilarToNothing() {
        assertThat(Similarity.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    @Test
    void vectorsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> Similarity.cosine(new float[] {1, 2}, new float[] {1, 2, 3}))
                .hasMessageContaining("different lengths");
    }

    @Test
    void topKReturnsTheClosestChunksBestFirst() {
        List<Indexed> index = List.of(entry("east", 1, 0), entry("north", 0, 1), entry("north-east", 1, 1),
                entry("west", -1, 0));

        List<Similarity.Scored> top = Similarity.topK(new float[] {1, 0.2f}, index, 2);

        assertThat(top).extracting(s -> s.indexed().chunk().id()).containsExactly("east", "north-east");
        assertThat(top.get(0).score()).isGreaterThan(top.get(1).score());
    }

    @Test
    void askingForMoreThanTheIndexHoldsReturnsEverything() {
        assertThat(Similarity.topK(new float[] {1, 0}, List.of(entry("only", 1, 0)), 3)).hasSize(1);
    }
}
