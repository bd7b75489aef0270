package io.labrunner.emulator.sagemaker.linearlearner;

/**
 * Feature and label statistics from the first {@code num_point_for_scaler} examples, as the container
 * computes them before training: means (subtracted when the model has a bias) and standard deviations
 * (divided by when normalize_data is on). A constant feature keeps scale 1.
 */
record Scaler(double[] shift, double[] scale, double labelShift, double labelScale) {

    static Scaler fit(Dataset data, Settings settings) {
        int n = Math.min(data.rows(), settings.numPointForScaler());
        int dim = data.dim();
        double[] mean = new double[dim];
        double[] sq = new double[dim];
        double labelMean = 0;
        double labelSq = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < dim; j++) {
                double v = data.feature(r, j);
                mean[j] += v;
                sq[j] += v * v;
            }
            labelMean += data.labels()[r];
            labelSq += data.labels()[r] * data.labels()[r];
        }
        double[] shift = new double[dim];
        double[] scale = new double[dim];
        for (int j = 0; j < dim; j++) {
            double m = mean[j] / n;
            double sd = Math.sqrt(Math.max(0, sq[j] / n - m * m));
            shift[j] = settings.useBias() ? m : 0;
            scale[j] = settings.normalizeData() && sd > 1e-12 ? sd : 1;
        }
        double lm = labelMean / n;
        double lsd = Math.sqrt(Math.max(0, labelSq / n - lm * lm));
        boolean normalizeLabel = settings.labelNormalized();
        return new Scaler(shift, scale, normalizeLabel && settings.useBias() ? lm : 0,
                normalizeLabel && lsd > 1e-12 ? lsd : 1);
    }

    /** A copy of the data in normalized units, features and labels. */
    Dataset apply(Dataset data) {
        int dim = data.dim();
        double[] features = new double[data.rows() * dim];
        double[] labels = new double[data.rows()];
        for (int r = 0; r < data.rows(); r++) {
            for (int j = 0; j < dim; j++) {
                features[r * dim + j] = (data.feature(r, j) - shift[j]) / scale[j];
            }
            labels[r] = (data.labels()[r] - labelShift) / labelScale;
        }
        return new Dataset(features, labels, data.rows(), dim);
    }

    /** Weights learnt in normalized units, as a model in the data's own units. */
    LinearModel fold(double[][] weights, double[] bias, PredictorType type, Loss loss, double threshold) {
        double[][] w = new double[weights.length][];
        double[] b = new double[bias.length];
        for (int k = 0; k < weights.length; k++) {
            w[k] = new double[weights[k].length];
            double offset = bias[k];
            for (int j = 0; j < w[k].length; j++) {
                w[k][j] = weights[k][j] / scale[j] * labelScale;
                offset -= weights[k][j] * shift[j] / scale[j];
            }
            b[k] = offset * labelScale + labelShift;
        }
        return new LinearModel(type, loss, w, b, threshold);
    }
}
