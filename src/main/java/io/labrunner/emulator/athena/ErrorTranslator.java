package io.labrunner.emulator.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB errors (requested as JSON with {@code errors_as_json}) into Athena's failure
 * reasons, with positions mapped back from the DuckDB text to the statement the user wrote.
 * Wording follows Trino's messages as Athena shows them, e.g.
 * {@code COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved}.
 */
final class ErrorTranslator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern TABLE_MISSING = Pattern.compile("Table with name \"?([^\" !]+)\"? does not exist");
    private static final Pattern SCHEMA_MISSING = Pattern.compile("schema \"([^\"]+)\" does not exist");
    private static final Pattern FUNCTION_MISSING = Pattern.compile("Function with name \"?([^\" !]+)\"? does not exist");

    private final String original;
    private final TrinoRewriter.Result rewritten;
    private final String defaultDatabase;

    ErrorTranslator(String original, TrinoRewriter.Result rewritten, String defaultDatabase) {
        this.original = original;
        this.rewritten = rewritten;
        this.defaultDatabase = defaultDatabase;
    }

    /**
     * A failure of the engine's own SQL (reading a table's objects), which has no position in the
     * user's statement: GENERIC_INTERNAL_ERROR with DuckDB's message.
     */
    static AthenaQueryException internal(SQLException e) {
        JsonNode error = parse(e.getMessage());
        String message = error == null ? e.getMessage()
                : error.path("exception_type").asText() + " Error: " + error.path("exception_message").asText();
        return new AthenaQueryException("GENERIC_INTERNAL_ERROR", message);
    }

    AthenaQueryException translate(SQLException e) {
        JsonNode error = parse(e.getMessage());
        if (error == null) {
            return new AthenaQueryException("GENERIC_INTERNAL_ERROR", e.getMessage());
        }
        String type = error.path("exception_type").asText();
        String subtype = error.path("error_subtype").asText();
        String message = error.path("exception_message").asText();
        String where = position(error);
        if (subtype.equals("COLUMN_NOT_FOUND") || message.startsWith("Referenced column")) {
            String name = error.has("name") ? error.get("name").asText() : firstQuoted(message);
            return new AthenaQueryException("COLUMN_NOT_FOUND", where + "Column '" + name
                    + "' cannot be resolved or requester is not authorized to access requested resources");
        }
        Matcher schema = SCHEMA_MISSING.matcher(message);
        if (schema.find()) {
            return new AthenaQueryException("SCHEMA_NOT_FOUND", where + "Schema '" + schema.group(1) + "' does not exist");
        }
        Matcher table = TABLE_MISSING.matcher(message);
        if (table.find()) {
            return new AthenaQueryException("TABLE_NOT_FOUND", where + "Table '" + qualifiedTable(error, table.group(1))
                    + "' does not exist");
        }
        Matcher function = FUNCTION_MISSING.matcher(message);
        if (function.find()) {
            return new AthenaQueryException("FUNCTION_NOT_FOUND", where + "Function '" + function.group(1) + "' not registered");
        }
        switch (type) {
            case "Parser":
                return new AthenaQueryException("SYNTAX_ERROR", where + "mismatched input '" + offending(error) + "'");
            case "Conversion":
                return new AthenaQueryException("INVALID_CAST_ARGUMENT", message);
            case "Out of Range":
                return new AthenaQueryException("NUMERIC_VALUE_OUT_OF_RANGE", message);
            case "Divide by Zero":
                return new AthenaQueryException("DIVISION_BY_ZERO", "Division by zero");
            case "Binder":
                if (message.contains("GROUP BY")) {
                    return new AthenaQueryException("EXPRESSION_NOT_AGGREGATE", where + "'" + firstQuoted(message)
                            + "' must be an aggregate expression or appear in GROUP BY clause");
                }
                if (message.startsWith("Ambiguous reference to column name")) {
                    return new AthenaQueryException("AMBIGUOUS_NAME", where + "Column '" + firstQuoted(message)
                            + "' is ambiguous");
                }
                if (message.contains(TrinoRewriter.SAME_TYPE)) {
                    return new AthenaQueryException("FUNCTION_NOT_FOUND", where
                            + "Unexpected parameters for function date_trunc or date_add: a date or timestamp is expected");
                }
                if (message.contains("No function matches")) {
                    return new AthenaQueryException("FUNCTION_NOT_FOUND", where + message);
                }
                return new AthenaQueryException("SYNTAX_ERROR", where + message);
            case "Permission":
                // The session lockdown refused a file outside the blob root.
                return new AthenaQueryException("PERMISSION_DENIED", "Access Denied: " + message);
            case "Invalid Input":
                return new AthenaQueryException("INVALID_FUNCTION_ARGUMENT", message);
            default:
                return new AthenaQueryException("GENERIC_INTERNAL_ERROR", message);
        }
    }

    /** The missing table as Trino names it, catalog.schema.table, from the name as the user wrote it. */
    private String qualifiedTable(JsonNode error, String duckName) {
        List<String> parts = List.of(duckName.split("\\."));
        if (error.has("position")) {
            int offset = rewritten.originalOffset(error.get("position").asInt());
            for (TableReference ref : new QueryAnalysis(original).references) {
                if (ref.first().offset() == offset) {
                    parts = ref.parts();
                }
            }
        }
        String name = parts.get(parts.size() - 1);
        String db = parts.size() >= 2 ? parts.get(parts.size() - 2) : defaultDatabase;
        String catalog = parts.size() == 3 ? parts.get(0) : DuckSession.CATALOG;
        return catalog + "." + db + "." + name;
    }

    /** {@code line L:C: } of the original statement, or empty when DuckDB gave no position. */
    private String position(JsonNode error) {
        if (!error.has("position")) {
            return "";
        }
        int offset = rewritten.originalOffset(error.get("position").asInt());
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ":" + col + ": ";
    }

    private String offending(JsonNode error) {
        String quoted = firstQuoted(error.path("exception_message").asText());
        if (quoted != null) {
            return quoted;
        }
        return "<EOF>";
    }

    private static String firstQuoted(String message) {
        Matcher m = QUOTED.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static JsonNode parse(String message) {
        if (message == null) {
            return null;
        }
        int brace = message.indexOf('{');
        if (brace < 0) {
            return null;
        }
        try {
            return JSON.readTree(message.substring(brace));
        } catch (Exception e) {
            return null;
        }
    }
}
