package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads LIBSVM as XGBoost does: {@code <label>[:<weight>] <index>:<value> ...}, indices as given (zero-based,
 * so one-based files simply leave feature 0 empty), {@code qid:} tokens ignored.
 */
final class LibsvmReader {

    private LibsvmReader() {
    }

    static LabeledData read(List<Path> files) throws AlgorithmException, IOException {
        LabeledData.Builder rows = new LabeledData.Builder();
        for (Path file : files) {
            readFile(file, rows);
        }
        return rows.build();
    }

    private static void readFile(Path file, LabeledData.Builder rows) throws AlgorithmException, IOException {
        String name = String.valueOf(file.getFileName());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String fault = readLine(line, rows);
            if (fault != null) {
                if (first) {
                    // The container checks the first line itself, with these words (data_utils.py).
                    throw AlgorithmException.clientError("First line '" + NumberField.snippet(line) + "...' of file '"
                            + name + "' is not 'LIBSVM' format. Please ensure the file is in 'LIBSVM' format.");
                }
                throw AlgorithmException.clientError("Failed to load libsvm data with exception:\nline " + (i + 1)
                        + " of file '" + name + "': " + fault);
            }
            first = false;
        }
    }

    /** Reads one line into {@code rows}; returns what is wrong with it, or null. */
    private static String readLine(String line, LabeledData.Builder rows) {
        String[] tokens = line.split("[ \t]+");
        String[] label = tokens[0].split(":", -1);
        float value;
        float weight = 1f;
        try {
            value = NumberField.parse(label[0], 0, label[0].length());
            if (label.length == 2) {
                weight = NumberField.parse(label[1], 0, label[1].length());
            }
        } catch (NumberFormatException e) {
            return "'" + tokens[0] + "' is not a label <label>(:<weight>)";
        }
        if (label.length > 2 || Float.isNaN(value)) {
            return "'" + tokens[0] + "' is not a label <label>(:<weight>)";
        }
        int[] indices = new int[tokens.length - 1];
        float[] values = new float[tokens.length - 1];
        int count = 0;
        for (int t = 1; t < tokens.length; t++) {
            String[] pair = tokens[t].split(":", -1);
            if (pair.length != 2) {
                return "'" + tokens[t] + "' is not <index>:<value>";
            }
            if (pair[0].equals("qid")) {
                continue;
            }
            try {
                indices[count] = Integer.parseInt(pair[0]);
                values[count] = NumberField.parse(pair[1], 0, pair[1].length());
            } catch (NumberFormatException e) {
                return "'" + tokens[t] + "' is not <index>:<value>";
            }
            if (indices[count] < 0) {
                return "'" + tokens[t] + "' has a negative index";
            }
            count++;
        }
        rows.row(value);
        if (label.length == 2) {
            rows.weight(weight);
        }
        for (int i = 0; i < count; i++) {
            rows.feature(indices[i], values[i]);
        }
        return null;
    }
}
