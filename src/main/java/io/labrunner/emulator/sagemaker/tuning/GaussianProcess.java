package io.labrunner.emulator.sagemaker.tuning;

import java.util.List;

/**
 * Gaussian-process regression on features in [0, 1]: a Matérn 5/2 kernel with one length scale per
 * feature (ARD), unit signal variance on standardised targets, and a noise variance. Hyperparameters are
 * fitted by maximising the log marginal likelihood: first one shared length scale and the noise over a
 * grid, then two sweeps of per-feature refinement over the same grid (coordinate ascent). Small and exact:
 * a tuning job has at most a few hundred observations, so a plain Cholesky decomposition suffices.
 */
final class GaussianProcess {
    private static final double[] LENGTH_SCALES = {0.05, 0.1, 0.2, 0.35, 0.6, 1.0, 2.0};
    private static final double[] NOISES = {1e-6, 1e-3, 1e-2, 0.05, 0.2};
    private static final double SQRT5 = Math.sqrt(5);

    private final double[][] x;
    private final double mean;
    private final double scale;
    private final double[] lengthScales;
    private final double noise;
    private final double[][] cholesky;
    private final double[] alpha;

    private GaussianProcess(double[][] x, double mean, double scale, double[] lengthScales, double noise,
            double[][] cholesky, double[] alpha) {
        this.x = x;
        this.mean = mean;
        this.scale = scale;
        this.lengthScales = lengthScales;
        this.noise = noise;
        this.cholesky = cholesky;
        this.alpha = alpha;
    }

    /** Fits the process to observations {@code y} at {@code x} (at least one). */
    static GaussianProcess fit(List<double[]> points, List<Double> values) {
        int n = points.size();
        double[][] x = points.toArray(new double[0][]);
        double[] y = standardised(values);
        int d = x.length == 0 ? 0 : x[0].length;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        double[] best = null;
        double bestNoise = NOISES[0];
        for (double length : LENGTH_SCALES) {
            for (double noise : NOISES) {
                double[] lengths = filled(d, length);
                double likelihood = logLikelihood(x, y, lengths, noise);
                if (likelihood > bestLikelihood) {
                    bestLikelihood = likelihood;
                    best = lengths;
                    bestNoise = noise;
                }
            }
        }
        for (int sweep = 0; sweep < 2 && n > d + 1; sweep++) {
            for (int j = 0; j < d; j++) {
                for (double length : LENGTH_SCALES) {
                    double[] lengths = best.clone();
                    lengths[j] = length;
                    double likelihood = logLikelihood(x, y, lengths, bestNoise);
                    if (likelihood > bestLikelihood + 1e-9) {
                        bestLikelihood = likelihood;
                        best = lengths;
                    }
                }
            }
        }
        return conditioned(x, values, best, bestNoise);
    }

    /**
     * The process with this one's kernel hyperparameters, conditioned on other observations: for pending
     * trials imputed with the predicted mean ("kriging believer"), without refitting.
     */
    GaussianProcess condition(List<double[]> points, List<Double> values) {
        return conditioned(points.toArray(new double[0][]), values, lengthScales, noise);
    }

    private static GaussianProcess conditioned(double[][] x, List<Double> values, double[] lengths, double noise) {
        double mean = mean(values);
        double scale = scale(values, mean);
        double[][] l = cholesky(covariance(x, lengths, noise));
        if (l == null) {
            // Cannot happen with noise > 0 on a valid kernel; more jitter rather than a failed tuning job.
            l = cholesky(covariance(x, lengths, noise + 1e-4));
        }
        return new GaussianProcess(x, mean, scale, lengths, noise, l, solve(l, standardised(values)));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double scale(List<Double> values, double mean) {
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                / Math.max(1, values.size() - 1);
        return variance > 1e-18 ? Math.sqrt(variance) : 1;
    }

    private static double[] standardised(List<Double> values) {
        double mean = mean(values);
        double scale = scale(values, mean);
        double[] y = new double[values.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (values.get(i) - mean) / scale;
        }
        return y;
    }

    /** The standard deviation of the observed targets, the unit of the model's predictions. */
    double targetScale() {
        return scale;
    }

    private static double[] filled(int d, double value) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** The log marginal likelihood, up to a constant; minus infinity where the matrix is not positive definite. */
    private static double logLikelihood(double[][] x, double[] y, double[] lengths, double noise) {
        double[][] l = cholesky(covariance(x, lengths, noise));
        if (l == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] a = solve(l, y);
        double fit = 0;
        for (int i = 0; i < y.length; i++) {
            fit += y[i] * a[i];
        }
        double logDet = 0;
        for (int i = 0; i < y.length; i++) {
            logDet += Math.log(l[i][i]);
        }
        return -0.5 * fit - logDet;
    }

    private static double[][] covariance(double[][] x, double[] lengths, double noise) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], lengths);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += noise + 1e-9;
        }
        return k;
    }

    /** Matérn 5/2: (1 + √5 r + 5r²/3) · exp(−√5 r), r the length-scaled distance. */
    static double kernel(double[] a, double[] b, double[] lengths) {
        double squared = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = (a[i] - b[i]) / lengths[i];
            squared += diff * diff;
        }
        double r = Math.sqrt(squared);
        return (1 + SQRT5 * r + 5 * squared / 3) * Math.exp(-SQRT5 * r);
    }

    /** The lower-triangular L with L·Lᵀ = k, or null when k is not positive definite. */
    private static double[][] cholesky(double[][] k) {
        int n = k.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = k[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (sum <= 0) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves (L·Lᵀ)·a = y. */
    private static double[] solve(double[][] l, double[] y) {
        double[] z = forward(l, y);
        int n = y.length;
        double[] a = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int m = i + 1; m < n; m++) {
                sum -= l[m][i] * a[m];
            }
            a[i] = sum / l[i][i];
        }
        return a;
    }

    /** Solves L·z = y. */
    private static double[] forward(double[][] l, double[] y) {
        int n = y.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = y[i];
            for (int m = 0; m < i; m++) {
                sum -= l[i][m] * z[m];
            }
            z[i] = sum / l[i][i];
        }
        return z;
    }

    /** The posterior mean and standard deviation at {@code point}, in the targets' own units. */
    Prediction predict(double[] point) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kernel(point, x[i], lengthScales);
        }
        double mu = 0;
        for (int i = 0; i < n; i++) {
            mu += k[i] * alpha[i];
        }
        double[] v = forward(cholesky, k);
        double variance = 1;
        for (double vi : v) {
            variance -= vi * vi;
        }
        return new Prediction(mean + scale * mu, scale * Math.sqrt(Math.max(variance, 1e-12)));
    }

    /** The fitted length scales, one per feature (for tests and diagnostics). */
    double[] lengthScales() {
        return lengthScales.clone();
    }

    record Prediction(double mean, double sd) {
    }

    /**
     * Expected improvement below {@code best} (for minimisation) at a prediction, with exploration margin
     * {@code xi}: E[max(best − xi − f, 0)].
     */
    static double expectedImprovement(Prediction p, double best, double xi) {
        double gain = best - xi - p.mean();
        if (p.sd() < 1e-12) {
            return Math.max(gain, 0);
        }
        double z = gain / p.sd();
        return gain * cdf(z) + p.sd() * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** The standard normal CDF (Abramowitz–Stegun 7.1.26 for erf, accurate to about 1e-7). */
    static double cdf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z / 2);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
