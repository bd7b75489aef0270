package io.labrunner.labs.sagemakerxgboost;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain logistic regression by gradient descent on standardized features: the simplest model a
 * statistician would try first, used by tests to show a dataset carries a learnable signal.
 */
public final class Logistic {
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;

    private Logistic(double[] mean, double[] scale, double[] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    public static Logistic fit(List<double[]> rows, List<Integer> labels) {
        int d = rows.get(0).length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / rows.size();
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.size();
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] == 0 ? 1 : Math.sqrt(scale[j]);
        }
        double[] w = new double[d + 1];
        Logistic model = new Logistic(mean, scale, w);
        for (int iteration = 0; iteration < 400; iteration++) {
            double[] gradient = new double[d + 1];
            for (int i = 0; i < rows.size(); i++) {
                double error = model.score(rows.get(i)) - labels.get(i);
                double[] x = model.standardize(rows.get(i));
                gradient[d] += error;
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * x[j];
                }
            }
            for (int j = 0; j <= d; j++) {
                w[j] -= 0.5 * gradient[j] / rows.size();
            }
        }
        return model;
    }

    private double[] standardize(double[] row) {
        double[] x = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            x[j] = (row[j] - mean[j]) / scale[j];
        }
        return x;
    }

    public double score(double[] row) {
        double[] x = standardize(row);
        double z = weights[x.length];
        for (int j = 0; j < x.length; j++) {
            z += weights[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public List<Double> scores(List<double[]> rows) {
        List<Double> scores = new ArrayList<>();
        rows.forEach(r -> scores.add(score(r)));
        return scores;
    }
}
