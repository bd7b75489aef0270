package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.ConfinedDuckDb;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads Parquet as the container does (pyarrow, then the first column as the label and the rest as
 * features), through a DuckDB connection that can reach only the channel's own folders.
 */
final class ParquetReader {

    private ParquetReader() {
    }

    static LabeledData read(List<Path> files) throws AlgorithmException {
        List<Path> folders = files.stream().map(f -> f.toAbsolutePath().getParent()).distinct().toList();
        String list = files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        try (Connection duck = ConfinedDuckDb.open(folders);
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM read_parquet(" + list + ")")) {
            int columns = rows.getMetaData().getColumnCount();
            LabeledData.Builder data = new LabeledData.Builder();
            while (rows.next()) {
                data.row(number(rows, 1));
                for (int column = 2; column <= columns; column++) {
                    data.feature(column - 2, number(rows, column));
                }
            }
            data.widen(columns - 1);
            return data.build();
        } catch (SQLException e) {
            throw AlgorithmException.clientError("Failed to load parquet data with exception:\n" + firstLine(e.getMessage()));
        }
    }

    private static float number(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            return Float.NaN;
        }
        if (value instanceof Number number) {
            return number.floatValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1f : 0f;
        }
        throw new SQLException("column '" + rows.getMetaData().getColumnName(column) + "' holds non-numeric values ("
                + rows.getMetaData().getColumnTypeName(column) + "); XGBoost reads numbers only");
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
