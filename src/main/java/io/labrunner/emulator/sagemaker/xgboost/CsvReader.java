package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the container's CSV: no header, the label in the first column, the instance weight in the second
 * when {@code csv_weights=1}, then the features; an empty field is a missing value. The delimiter is found
 * from the first line of the first file, as the container's {@code csv.Sniffer} does.
 */
final class CsvReader {
    private static final String DELIMITERS = ",\t;| :";

    private CsvReader() {
    }

    /** The delimiter of a CSV whose first line this is. */
    static char delimiter(String firstLine) throws AlgorithmException {
        for (char candidate : DELIMITERS.toCharArray()) {
            if (firstLine.indexOf(candidate) >= 0) {
                return candidate;
            }
        }
        throw AlgorithmException.clientError("Could not determine delimiter on line " + NumberField.snippet(firstLine)
                + ":\nCould not determine delimiter");
    }

    static LabeledData read(List<Path> files, char delimiter, boolean weighted) throws AlgorithmException, IOException {
        LabeledData.Builder rows = new LabeledData.Builder();
        for (Path file : files) {
            readFile(file, delimiter, weighted, rows);
        }
        return rows.build();
    }

    /** The first line of a file, for sniffing its delimiter. */
    static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElse("");
        }
    }

    private static void readFile(Path file, char delimiter, boolean weighted, LabeledData.Builder rows)
            throws AlgorithmException, IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String name = String.valueOf(file.getFileName());
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lineNumber++;
            if (contentEnd > start) {
                readLine(text, start, contentEnd, delimiter, weighted, rows, name, lineNumber);
            }
            start = end + 1;
        }
    }

    private static void readLine(String text, int start, int end, char delimiter, boolean weighted,
            LabeledData.Builder rows, String file, int lineNumber) throws AlgorithmException {
        int column = 0;
        int fieldStart = start;
        while (fieldStart <= end) {
            int fieldEnd = text.indexOf(delimiter, fieldStart);
            if (fieldEnd < 0 || fieldEnd > end) {
                fieldEnd = end;
            }
            float value;
            try {
                value = NumberField.parse(text, fieldStart, fieldEnd);
            } catch (NumberFormatException notANumber) {
                throw nonNumeric(text.substring(start, end), text.substring(fieldStart, fieldEnd).strip(), column,
                        file, lineNumber);
            }
            if (column == 0) {
                if (Float.isNaN(value)) {
                    throw AlgorithmException.clientError("Failed to load csv data with exception:\nline " + lineNumber
                            + " of file '" + file + "' has no label: the label must be the first column.");
                }
                rows.row(value);
            } else if (weighted && column == 1) {
                rows.weight(Float.isNaN(value) ? 1f : value);
            } else {
                rows.feature(column - (weighted ? 2 : 1), value);
            }
            column++;
            fieldStart = fieldEnd + 1;
        }
        rows.widen(column - (weighted ? 2 : 1));
    }

    private static AlgorithmException nonNumeric(String line, String field, int column, String file, int lineNumber) {
        if (lineNumber == 1) {
            // The container's wording for the usual cause, a header row (sagemaker-xgboost-container data_utils).
            return AlgorithmException.clientError("Non-numeric value '" + field + "' found in the header line '"
                    + NumberField.snippet(line) + "...' of file '" + file + "'. CSV format requires no header in it. "
                    + "If the header line is already removed, XGBoost does not support non-numeric values in the data.");
        }
        String what = column == 0 ? "label (column 1)" : "column " + (column + 1);
        return AlgorithmException.clientError("Failed to load csv data with exception:\nnon-numeric value '" + field
                + "' in the " + what + " of line " + lineNumber + " of file '" + file
                + "'. XGBoost does not support non-numeric values in the data.");
    }
}
