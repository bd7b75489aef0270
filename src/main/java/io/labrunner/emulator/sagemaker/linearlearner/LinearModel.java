package io.labrunner.emulator.sagemaker.linearlearner;

/**
 * A trained model in the data's own units: per output k, {@code score_k = weights[k] · x + bias[k]},
 * normalization already folded in. Scores are what the serving container returns: a probability for
 * the logistic loss, class probabilities (softmax) for multiclass, the raw value otherwise.
 *
 * @param threshold binary only: an example is labelled 1 when its score is at least this
 */
record LinearModel(PredictorType predictorType, Loss loss, double[][] weights, double[] bias, double threshold) {

    int featureDim() {
        return weights[0].length;
    }

    /** The raw linear scores of one example. */
    double[] raw(double[] x, int offset) {
        double[] out = new double[bias.length];
        for (int k = 0; k < bias.length; k++) {
            double s = bias[k];
            double[] w = weights[k];
            for (int j = 0; j < w.length; j++) {
                s += w[j] * x[offset + j];
            }
            out[k] = s;
        }
        return out;
    }

    /** The served score(s) of one example: see the record's description. */
    double[] scores(double[] x, int offset) {
        double[] raw = raw(x, offset);
        if (predictorType == PredictorType.MULTICLASS_CLASSIFIER) {
            return softmax(raw);
        }
        if (loss == Loss.LOGISTIC) {
            raw[0] = Loss.sigmoid(raw[0]);
        }
        return raw;
    }

    int label(double[] scores) {
        if (predictorType == PredictorType.MULTICLASS_CLASSIFIER) {
            int best = 0;
            for (int k = 1; k < scores.length; k++) {
                if (scores[k] > scores[best]) {
                    best = k;
                }
            }
            return best;
        }
        return scores[0] >= threshold ? 1 : 0;
    }

    LinearModel withThreshold(double newThreshold) {
        return new LinearModel(predictorType, loss, weights, bias, newThreshold);
    }

    static double[] softmax(double[] raw) {
        double max = Double.NEGATIVE_INFINITY;
        for (double r : raw) {
            max = Math.max(max, r);
        }
        double sum = 0;
        double[] out = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            out[k] = Math.exp(raw[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < raw.length; k++) {
            out[k] /= sum;
        }
        return out;
    }
}
