package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Records to predict, parsed as the serving container parses a request body: CSV with the delimiter sniffed
 * from the first record and empty fields missing, every record as wide as the first; or LIBSVM where only
 * {@code index:value} tokens count (a label, if any, is ignored).
 */
final class InferenceRows {
    private final LabeledData data;
    private final boolean csv;

    private InferenceRows(LabeledData data, boolean csv) {
        this.data = data;
        this.csv = csv;
    }

    /** True for CSV rows, whose width is the number of features they give. */
    boolean isCsv() {
        return csv;
    }

    static InferenceRows parse(List<String> records, String contentType) throws AlgorithmException {
        ContentFormat format;
        try {
            format = ContentFormat.of(contentType);
        } catch (AlgorithmException e) {
            throw AlgorithmException.clientError(e.getMessage().substring("ClientError: ".length()));
        }
        return switch (format) {
            case CSV -> new InferenceRows(csv(records), true);
            case LIBSVM -> new InferenceRows(libsvm(records), false);
            default -> throw AlgorithmException.clientError("Content-type " + contentType + " is not supported.");
        };
    }

    /** How many columns the rows have. */
    int width() {
        return data.width();
    }

    DMatrix toDMatrix() throws XGBoostError {
        return data.toDMatrix(data.width());
    }

    private static LabeledData csv(List<String> records) throws AlgorithmException {
        String first = records.get(0).strip();
        char delimiter = ',';
        for (char candidate : "\t;| :".toCharArray()) {
            if (first.indexOf(',') < 0 && first.indexOf(candidate) >= 0) {
                delimiter = candidate;
                break;
            }
        }
        LabeledData.Builder rows = new LabeledData.Builder();
        int width = -1;
        for (String record : records) {
            String line = record.strip();
            String[] fields = line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
            if (width >= 0 && fields.length != width) {
                throw csvFailure("ValueError", "setting an array element with a sequence. The requested array has an "
                        + "inhomogeneous shape after 1 dimensions.");
            }
            width = fields.length;
            rows.row(0f);
            for (int column = 0; column < fields.length; column++) {
                try {
                    rows.feature(column, NumberField.parse(fields[column], 0, fields[column].length()));
                } catch (NumberFormatException e) {
                    throw csvFailure("ValueError", "could not convert string to float: '" + fields[column] + "'");
                }
            }
            rows.widen(fields.length);
        }
        return rows.build();
    }

    private static AlgorithmException csvFailure(String type, String detail) {
        return AlgorithmException.clientError("Loading csv data failed with Exception, please ensure data is in csv "
                + "format:\n <class '" + type + "'>\n " + detail);
    }

    private static LabeledData libsvm(List<String> records) throws AlgorithmException {
        LabeledData.Builder rows = new LabeledData.Builder();
        for (String record : records) {
            rows.row(0f);
            for (String token : record.strip().split(" ")) {
                int colon = token.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String index = token.substring(0, colon);
                String value = token.substring(colon + 1);
                try {
                    rows.feature(Integer.parseInt(index), NumberField.parse(value, 0, value.length()));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw AlgorithmException.clientError("Loading libsvm data failed with Exception, please ensure "
                            + "data is in libsvm format:\n <class 'ValueError'>\n invalid token '" + token + "'");
                }
            }
        }
        return rows.build();
    }
}
