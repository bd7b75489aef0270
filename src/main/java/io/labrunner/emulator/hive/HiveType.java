package io.labrunner.emulator.hive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Glue column's Hive type, parsed: a primitive ({@code bigint}, {@code decimal(10,2)},
 * {@code varchar(20)}...) or {@code array<T>}, {@code map<K,V>}, {@code struct<name:T,...>}. Shared by
 * Athena (reading tables) and Firehose (converting records), so both read a Glue column alike.
 *
 * @param kind        what the type is
 * @param precision   decimal precision or char/varchar length, 0 when not given
 * @param scale       decimal scale
 * @param children    element type (array), key and value types (map), field types (struct)
 * @param fieldNames  struct field names, in order; empty for other kinds
 */
public record HiveType(Kind kind, int precision, int scale, List<HiveType> children, List<String> fieldNames) {

    public enum Kind {
        TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, STRING, VARCHAR, CHAR, BOOLEAN, DATE,
        TIMESTAMP, BINARY, ARRAY, MAP, STRUCT
    }

    /** Hive's default decimal when a column says just {@code decimal}. */
    private static final int DEFAULT_PRECISION = 10;

    /**
     * Parses a Hive type.
     *
     * @throws IllegalArgumentException for a type the conversion does not know (e.g. {@code uniontype})
     */
    public static HiveType parse(String type) {
        String t = type == null ? "" : type.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("array<") && lower.endsWith(">")) {
            return new HiveType(Kind.ARRAY, 0, 0, List.of(parse(inner(t))), List.of());
        }
        if (lower.startsWith("map<") && lower.endsWith(">")) {
            List<String> kv = splitTopLevel(inner(t));
            if (kv.size() != 2) {
                throw new IllegalArgumentException("Unsupported Hive type: " + type);
            }
            return new HiveType(Kind.MAP, 0, 0, List.of(parse(kv.get(0)), parse(kv.get(1))), List.of());
        }
        if (lower.startsWith("struct<") && lower.endsWith(">")) {
            List<HiveType> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String field : splitTopLevel(inner(t))) {
                int colon = field.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("Unsupported Hive type: " + type);
                }
                names.add(field.substring(0, colon).trim());
                types.add(parse(field.substring(colon + 1)));
            }
            return new HiveType(Kind.STRUCT, 0, 0, List.copyOf(types), List.copyOf(names));
        }
        if (lower.startsWith("decimal")) {
            int[] ps = lower.equals("decimal") ? new int[] {DEFAULT_PRECISION, 0} : parameters(lower, type);
            return primitive(Kind.DECIMAL, ps[0], ps.length > 1 ? ps[1] : 0);
        }
        if (lower.equals("varchar") || lower.equals("char")) {
            return primitive(lower.startsWith("var") ? Kind.VARCHAR : Kind.CHAR, 0, 0);
        }
        if (lower.startsWith("varchar(") || lower.startsWith("char(")) {
            return primitive(lower.startsWith("var") ? Kind.VARCHAR : Kind.CHAR, parameters(lower, type)[0], 0);
        }
        switch (lower) {
            case "tinyint": return primitive(Kind.TINYINT, 0, 0);
            case "smallint": return primitive(Kind.SMALLINT, 0, 0);
            case "int": case "integer": return primitive(Kind.INT, 0, 0);
            case "bigint": return primitive(Kind.BIGINT, 0, 0);
            case "float": case "real": return primitive(Kind.FLOAT, 0, 0);
            case "double": return primitive(Kind.DOUBLE, 0, 0);
            case "string": return primitive(Kind.STRING, 0, 0);
            case "boolean": return primitive(Kind.BOOLEAN, 0, 0);
            case "date": return primitive(Kind.DATE, 0, 0);
            case "timestamp": return primitive(Kind.TIMESTAMP, 0, 0);
            case "binary": return primitive(Kind.BINARY, 0, 0);
            default: throw new IllegalArgumentException("Unsupported Hive type: " + type);
        }
    }

    /** The DuckDB type DuckDB's Parquet writer maps to the Parquet type Hive uses for this column. */
    public String duckDbType() {
        switch (kind) {
            case TINYINT: return "TINYINT";
            case SMALLINT: return "SMALLINT";
            case INT: return "INTEGER";
            case BIGINT: return "BIGINT";
            case FLOAT: return "FLOAT";
            case DOUBLE: return "DOUBLE";
            case DECIMAL: return "DECIMAL(" + precision + "," + scale + ")";
            case STRING: case VARCHAR: case CHAR: return "VARCHAR";
            case BOOLEAN: return "BOOLEAN";
            case DATE: return "DATE";
            case TIMESTAMP: return "TIMESTAMP";
            case BINARY: return "BLOB";
            case ARRAY: return children.get(0).duckDbType() + "[]";
            case MAP: return "MAP(" + children.get(0).duckDbType() + ", " + children.get(1).duckDbType() + ")";
            default:
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < children.size(); i++) {
                    fields.add("\"" + fieldNames.get(i).replace("\"", "\"\"") + "\" " + children.get(i).duckDbType());
                }
                return "STRUCT(" + String.join(", ", fields) + ")";
        }
    }

    private static HiveType primitive(Kind kind, int precision, int scale) {
        return new HiveType(kind, precision, scale, List.of(), List.of());
    }

    private static int[] parameters(String lower, String original) {
        int open = lower.indexOf('(');
        int close = lower.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("Unsupported Hive type: " + original);
        }
        String[] parts = lower.substring(open + 1, close).split(",");
        int[] values = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                values[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unsupported Hive type: " + original, e);
        }
        return values;
    }

    private static String inner(String t) {
        return t.substring(t.indexOf('<') + 1, t.lastIndexOf('>'));
    }

    /** Splits on commas outside any brackets. */
    public static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).trim());
        return parts;
    }
}
