package io.labrunner.emulator.bedrock.embed;

import java.util.Random;

/**
 * Maps vectors of one length onto another through a fixed random orthonormal basis, so that an
 * embedder of 384 dimensions can answer in the 256, 512 or 1,024 dimensions a Bedrock model
 * offers. Growing the length keeps every cosine similarity exactly (the basis vectors are
 * orthonormal); shrinking it keeps them approximately (Johnson–Lindenstrauss). The basis comes from
 * a fixed seed, so the same text always gets the same vector.
 */
public final class Projection {
    private static final long SEED = 0x1ab5_2026L;

    private final int from;
    private final int to;
    /** {@code from} orthonormal vectors of length {@code to} when growing; {@code to} of length {@code from} when shrinking. */
    private final double[][] basis;

    public Projection(int from, int to) {
        this.from = from;
        this.to = to;
        this.basis = orthonormal(Math.min(from, to), Math.max(from, to));
    }

    /** Projects a vector of length {@code from} and scales the result to unit length. */
    public float[] apply(float[] v) {
        if (v.length != from) {
            throw new IllegalArgumentException("expected a vector of length " + from + ", got " + v.length);
        }
        float[] out = new float[to];
        if (from <= to) {
            for (int i = 0; i < from; i++) {
                for (int j = 0; j < to; j++) {
                    out[j] += (float) (v[i] * basis[i][j]);
                }
            }
        } else {
            for (int j = 0; j < to; j++) {
                double sum = 0;
                for (int i = 0; i < from; i++) {
                    sum += v[i] * basis[j][i];
                }
                out[j] = (float) sum;
            }
        }
        return Vectors.normalized(out);
    }

    /** {@code count} orthonormal vectors of length {@code length} (count ≤ length), by Gram–Schmidt on Gaussian draws. */
    private static double[][] orthonormal(int count, int length) {
        Random random = new Random(SEED);
        double[][] basis = new double[count][length];
        for (int k = 0; k < count; k++) {
            double[] v = basis[k];
            for (int j = 0; j < length; j++) {
                v[j] = random.nextGaussian();
            }
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int j = 0; j < length; j++) {
                    dot += v[j] * basis[p][j];
                }
                for (int j = 0; j < length; j++) {
                    v[j] -= dot * basis[p][j];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < length; j++) {
                v[j] /= norm;
            }
        }
        return basis;
    }
}
