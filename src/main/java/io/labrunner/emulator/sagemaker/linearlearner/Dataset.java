package io.labrunner.emulator.sagemaker.linearlearner;

/**
 * Examples in memory: features row-major in one array (rows × dim), labels apart.
 */
record Dataset(double[] features, double[] labels, int rows, int dim) {

    double feature(int row, int column) {
        return features[row * dim + column];
    }
}
