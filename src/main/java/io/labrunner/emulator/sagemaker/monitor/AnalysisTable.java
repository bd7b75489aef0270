package io.labrunner.emulator.sagemaker.monitor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a dataset's files into DuckDB as the view {@code data}: one VARCHAR column per feature (types are
 * inferred afterwards, as the analyzer infers them), blanks as NULL. Column names are the CSV header's or
 * the JSON keys; without them Spark's {@code _c0, _c1, …}, as the analyzer names them.
 */
final class AnalysisTable {
    /** How a monitoring execution with nothing to analyze fails on AWS. */
    static final String NO_DATA = "Job inputs had no data";

    private AnalysisTable() {
    }

    /**
     * @param files the dataset's files, all inside a folder {@code duck} may read
     * @return the feature names, in column order
     */
    static List<String> load(Connection duck, List<Path> files, DatasetFormat format) throws SQLException {
        if (files.isEmpty()) {
            throw new AnalyzerException(NO_DATA);
        }
        String list = files.stream().map(f -> literal(f.toString())).collect(Collectors.joining(", ", "[", "]"));
        try (Statement st = duck.createStatement()) {
            switch (format.kind()) {
                case CSV -> st.execute("CREATE TABLE raw AS SELECT * FROM read_csv(" + list + ", header="
                        + format.header() + ", all_varchar=true, auto_detect=true)");
                case JSON_LINES -> st.execute("CREATE TABLE raw AS SELECT * FROM read_json(" + list
                        + ", format='newline_delimited')");
                case CAPTURE -> loadCapture(st, list);
            }
            List<String> raw = columns(st);
            List<String> names = new ArrayList<>();
            List<String> select = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                String name = format.kind() == DatasetFormat.Kind.JSON_LINES || format.header() ? raw.get(i) : "_c" + i;
                names.add(name);
                select.add("NULLIF(trim(CAST(" + ident(raw.get(i)) + " AS VARCHAR)), '') AS " + ident("f" + i));
            }
            st.execute("CREATE VIEW data AS SELECT " + String.join(", ", select) + " FROM raw");
            return names;
        }
    }

    /**
     * Captured records: the CSV of the endpoint's output, then of its input, split into cells. The output comes
     * first because the analyzer assumes "the prediction/output column(s) are the 1st column(s)" of the
     * baseline (AWS's "Create a Baseline" guide; the SDK's output_columns_position START).
     */
    private static void loadCapture(Statement st, String list) throws SQLException {
        String columns = "{captureData: 'STRUCT(endpointInput STRUCT(data VARCHAR, encoding VARCHAR), "
                + "endpointOutput STRUCT(data VARCHAR, encoding VARCHAR))'}";
        st.execute("CREATE TABLE capture AS SELECT "
                + text("captureData.endpointOutput") + " AS output_text, "
                + text("captureData.endpointInput") + " AS input_text FROM read_json(" + list
                + ", format='newline_delimited', columns=" + columns + ")");
        st.execute("CREATE TABLE cells AS SELECT "
                + "CASE WHEN output_text IS NULL THEN [] ELSE string_split(output_text, ',') END "
                + "|| CASE WHEN input_text IS NULL THEN [] ELSE string_split(input_text, ',') END AS c FROM capture");
        int width;
        try (ResultSet rs = st.executeQuery("SELECT coalesce(max(len(c)), 0) FROM cells")) {
            rs.next();
            width = rs.getInt(1);
        }
        if (width == 0) {
            throw new AnalyzerException(NO_DATA);
        }
        List<String> select = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            select.add("c[" + (i + 1) + "] AS " + ident("column" + i));
        }
        st.execute("CREATE TABLE raw AS SELECT " + String.join(", ", select) + " FROM cells");
    }

    /** A capture member's data as text: BASE64 decoded, one trailing newline dropped. */
    private static String text(String member) {
        return "rtrim(CASE WHEN " + member + ".encoding = 'BASE64' THEN decode(from_base64(" + member + ".data)) ELSE "
                + member + ".data END, chr(10))";
    }

    private static List<String> columns(Statement st) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'raw' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
