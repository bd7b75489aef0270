package io.labrunner.labs.bedrockrag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brute-force nearest neighbours: the cosine similarity of the question's vector with every chunk's,
 * best first. Exact, and at a few thousand chunks faster than a round trip to a vector database.
 */
final class Similarity {

    /** A chunk and how close it is to the question: 1 same direction, 0 unrelated, -1 opposite. */
    record Scored(Indexed indexed, double score) {
    }

    private Similarity() {
    }

    /** cos(a, b) = a·b / (|a| |b|); 0 when either vector is all zeros. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length
                    + " (embedded by different models or dimensions?)");
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    /** The {@code k} chunks closest to {@code query}, best first; ties keep index order. */
    static List<Scored> topK(float[] query, List<Indexed> index, int k) {
        List<Scored> scored = new ArrayList<>();
        for (Indexed indexed : index) {
            scored.add(new Scored(indexed, cosine(query, indexed.vector())));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored.subList(0, Math.min(k, scored.size()));
    }
}
