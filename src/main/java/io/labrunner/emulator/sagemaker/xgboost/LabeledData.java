package io.labrunner.emulator.sagemaker.xgboost;

import java.util.Arrays;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Rows read from a channel, all its files one after the other: a label per row, optionally a weight,
 * and the features in compressed sparse rows (a missing value simply has no entry, as in XGBoost).
 */
final class LabeledData {
    private final float[] labels;
    private final float[] weights;
    private final long[] rowStarts;
    private final int[] columns;
    private final float[] values;
    private final int width;

    private LabeledData(Builder builder) {
        this.labels = Arrays.copyOf(builder.labels, builder.rows);
        this.weights = builder.weighted ? Arrays.copyOf(builder.weights, builder.rows) : null;
        this.rowStarts = Arrays.copyOf(builder.rowStarts, builder.rows + 1);
        this.columns = Arrays.copyOf(builder.columns, builder.entries);
        this.values = Arrays.copyOf(builder.values, builder.entries);
        this.width = builder.width;
    }

    int rows() {
        return labels.length;
    }

    /** One more than the highest feature index seen. */
    int width() {
        return width;
    }

    float[] labels() {
        return labels.clone();
    }

    /** The rows as XGBoost's matrix, {@code width} features wide (at least {@link #width()}). */
    DMatrix toDMatrix(int width) throws XGBoostError {
        DMatrix matrix = new DMatrix(rowStarts, columns, values, DMatrix.SparseType.CSR, Math.max(width, this.width));
        matrix.setLabel(labels);
        if (weights != null) {
            matrix.setWeight(weights);
        }
        return matrix;
    }

    /** Collects rows one value at a time. */
    static final class Builder {
        private float[] labels = new float[1024];
        private float[] weights = new float[1024];
        private long[] rowStarts = new long[1025];
        private int[] columns = new int[16384];
        private float[] values = new float[16384];
        private int rows;
        private int entries;
        private int width;
        private boolean weighted;

        /** Starts a row. */
        void row(float label) {
            if (rows + 1 >= labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
                weights = Arrays.copyOf(weights, weights.length * 2);
                rowStarts = Arrays.copyOf(rowStarts, rowStarts.length * 2);
            }
            labels[rows] = label;
            rows++;
            rowStarts[rows] = entries;
        }

        /** The current row's instance weight. */
        void weight(float weight) {
            weighted = true;
            weights[rows - 1] = weight;
        }

        /** A feature of the current row; NaN is missing and is not stored. */
        void feature(int column, float value) {
            if (Float.isNaN(value)) {
                return;
            }
            if (entries == columns.length) {
                columns = Arrays.copyOf(columns, columns.length * 2);
                values = Arrays.copyOf(values, values.length * 2);
            }
            columns[entries] = column;
            values[entries] = value;
            entries++;
            rowStarts[rows] = entries;
            width = Math.max(width, column + 1);
        }

        /** Makes every row at least this wide, as a CSV line with trailing empty fields is. */
        void widen(int columns) {
            width = Math.max(width, columns);
        }

        int rows() {
            return rows;
        }

        LabeledData build() {
            return new LabeledData(this);
        }
    }
}
