package io.labrunner.emulator.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps DuckDB's type names (as {@code DESCRIBE} prints them, e.g. {@code STRUCT(a BIGINT, b VARCHAR[])})
 * to the Hive type names the Glue catalog stores ({@code struct<a:bigint,b:array<string>>}).
 */
final class HiveTypes {
    private final String text;
    private int pos;

    private HiveTypes(String text) {
        this.text = text;
    }

    /** Full mapping, as for self-describing formats (Parquet). */
    static String fromDuckDb(String duckType) {
        HiveTypes parser = new HiveTypes(duckType.trim());
        return parser.type();
    }

    /**
     * Glue's CSV classifier only tells apart boolean, bigint, double and string: dates and timestamps
     * in CSV text come out as string (see localstack's AWS-validated crawler test, which expects
     * string/double/bigint for CSV columns; tests/aws/services/glue/test_glue_crawler.py).
     */
    static String csvType(String duckType) {
        String hive = fromDuckDb(duckType);
        switch (hive) {
            case "tinyint": case "smallint": case "int": case "bigint":
                return "bigint";
            case "float": case "double":
                return "double";
            case "boolean":
                return "boolean";
            default:
                return hive.startsWith("decimal") ? "double" : "string";
        }
    }

    /** JSON text carries no dates: DuckDB's date/time detection is undone, as Glue's JSON classifier reads them as string. */
    static String jsonType(String duckType) {
        return fromDuckDb(duckType).replaceAll("\\b(date|timestamp)\\b", "string");
    }

    /** The wider of two types for the same column in different files. */
    static String widen(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        List<String> numeric = List.of("tinyint", "smallint", "int", "bigint", "float", "double");
        if (numeric.contains(a) && numeric.contains(b)) {
            return numeric.get(Math.max(numeric.indexOf(a), numeric.indexOf(b)));
        }
        return "string";
    }

    private String type() {
        String base = word().toUpperCase(Locale.ROOT);
        String hive;
        switch (base) {
            case "STRUCT": {
                expect('(');
                List<String> fields = new ArrayList<>();
                while (!peek(')')) {
                    String name = fieldName();
                    fields.add(name.toLowerCase(Locale.ROOT) + ":" + type());
                    if (peek(',')) {
                        pos++;
                    }
                }
                expect(')');
                hive = "struct<" + String.join(",", fields) + ">";
                break;
            }
            case "MAP": {
                expect('(');
                String key = type();
                expect(',');
                String value = type();
                expect(')');
                hive = "map<" + key + "," + value + ">";
                break;
            }
            case "DECIMAL": case "NUMERIC": {
                String args = "(18,3)";
                if (peek('(')) {
                    int close = text.indexOf(')', pos);
                    args = text.substring(pos, close + 1).replace(" ", "");
                    pos = close + 1;
                }
                hive = "decimal" + args;
                break;
            }
            default:
                hive = scalar(base);
                skipArgs();
        }
        while (peek('[')) {
            int close = text.indexOf(']', pos);
            pos = close + 1;
            hive = "array<" + hive + ">";
        }
        return hive;
    }

    private static String scalar(String base) {
        switch (base) {
            case "BOOLEAN": return "boolean";
            case "TINYINT": case "UTINYINT": return "tinyint";
            case "SMALLINT": case "USMALLINT": return "smallint";
            case "INTEGER": case "UINTEGER": return "int";
            case "BIGINT": case "UBIGINT": return "bigint";
            case "HUGEINT": case "UHUGEINT": return "decimal(38,0)";
            case "FLOAT": case "REAL": return "float";
            case "DOUBLE": return "double";
            case "DATE": return "date";
            case "TIMESTAMP": case "TIMESTAMP_S": case "TIMESTAMP_MS": case "TIMESTAMP_NS":
            case "TIMESTAMPTZ": case "DATETIME":
                return "timestamp";
            case "BLOB": case "BYTEA": return "binary";
            default: return "string";
        }
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String w = text.substring(start, pos);
        // "TIMESTAMP WITH TIME ZONE" is one type in DuckDB's spelling.
        if (w.equalsIgnoreCase("TIMESTAMP") && text.startsWith(" WITH TIME ZONE", pos)) {
            pos += " WITH TIME ZONE".length();
        }
        return w;
    }

    private String fieldName() {
        skipSpaces();
        if (peek('"')) {
            StringBuilder name = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (peek('"')) {
                        name.append('"');
                        pos++;
                        continue;
                    }
                    break;
                }
                name.append(c);
            }
            return name.toString();
        }
        return word();
    }

    private void skipArgs() {
        if (peek('(')) {
            pos = text.indexOf(')', pos) + 1;
        }
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("Expected '" + c + "' at " + pos + " in " + text);
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
