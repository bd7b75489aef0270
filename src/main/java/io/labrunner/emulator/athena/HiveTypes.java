package io.labrunner.emulator.athena;

import io.labrunner.emulator.hive.HiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Translates between Hive (catalog) types, DuckDB types and the type names Athena reports. */
final class HiveTypes {

    private HiveTypes() {
    }

    /** A Hive type such as {@code array<struct<a:int,b:string>>} as a DuckDB type. */
    static String toDuckDb(String hiveType) {
        try {
            return HiveType.parse(hiveType).duckDbType();
        } catch (IllegalArgumentException e) {
            throw new AthenaQueryException("NOT_SUPPORTED", "Unsupported Hive type: " + hiveType);
        }
    }

    /** A DuckDB type (as DESCRIBE prints it) as the Hive type Glue would record. */
    static String toHive(String duckType) {
        String t = duckType.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.endsWith("[]")) {
            return "array<" + toHive(t.substring(0, t.length() - 2)) + ">";
        }
        if (upper.startsWith("STRUCT(")) {
            List<String> fields = new ArrayList<>();
            for (String f : splitTopLevel(t.substring(7, t.length() - 1))) {
                String field = f.trim();
                int space = fieldNameEnd(field);
                fields.add(unquote(field.substring(0, space)) + ":" + toHive(field.substring(space + 1)));
            }
            return "struct<" + String.join(",", fields) + ">";
        }
        if (upper.startsWith("MAP(")) {
            List<String> kv = splitTopLevel(t.substring(4, t.length() - 1));
            return "map<" + toHive(kv.get(0)) + "," + toHive(kv.get(1)) + ">";
        }
        if (upper.startsWith("DECIMAL")) {
            return t.toLowerCase(Locale.ROOT).replace(" ", "");
        }
        switch (upper) {
            case "TINYINT": return "tinyint";
            case "SMALLINT": return "smallint";
            case "INTEGER": return "int";
            case "BIGINT": case "HUGEINT": case "UBIGINT": case "UINTEGER": return "bigint";
            case "FLOAT": return "float";
            case "DOUBLE": return "double";
            case "BOOLEAN": return "boolean";
            case "DATE": return "date";
            case "TIMESTAMP": case "TIMESTAMP WITH TIME ZONE": case "TIMESTAMP_NS": case "TIMESTAMP_MS": return "timestamp";
            case "BLOB": return "binary";
            default: return "string";
        }
    }

    /** The type name Athena's ColumnInfo reports for a DuckDB result type. */
    static String toAthena(String duckType) {
        String upper = duckType.trim().toUpperCase(Locale.ROOT);
        if (upper.endsWith("[]") || upper.startsWith("LIST")) {
            return "array";
        }
        if (upper.startsWith("STRUCT")) {
            return "row";
        }
        if (upper.startsWith("MAP")) {
            return "map";
        }
        if (upper.startsWith("DECIMAL")) {
            return "decimal";
        }
        switch (upper) {
            case "TINYINT": return "tinyint";
            case "SMALLINT": return "smallint";
            case "INTEGER": return "integer";
            case "BIGINT": case "HUGEINT": case "UBIGINT": case "UINTEGER": return "bigint";
            case "FLOAT": return "float";
            case "DOUBLE": return "double";
            case "BOOLEAN": return "boolean";
            case "DATE": return "date";
            case "TIMESTAMP": case "TIMESTAMP_NS": case "TIMESTAMP_MS": case "TIMESTAMP_S": return "timestamp";
            case "TIMESTAMP WITH TIME ZONE": return "timestamp with time zone";
            case "TIME": return "time";
            case "BLOB": return "varbinary";
            case "INTERVAL": return "interval day to second";
            case "JSON": return "json";
            case "UUID": return "uuid";
            default: return "varchar";
        }
    }

    /** Athena's precision and scale for a result column, as GetQueryResults reports them. */
    static int[] precisionScale(String duckType) {
        String upper = duckType.trim().toUpperCase(Locale.ROOT);
        if (upper.startsWith("DECIMAL(")) {
            String[] ps = upper.substring(8, upper.length() - 1).split(",");
            return new int[] {Integer.parseInt(ps[0].trim()), Integer.parseInt(ps[1].trim())};
        }
        switch (toAthena(duckType)) {
            case "varchar": return new int[] {2147483647, 0};
            case "bigint": return new int[] {19, 0};
            case "integer": return new int[] {10, 0};
            case "smallint": return new int[] {5, 0};
            case "tinyint": return new int[] {3, 0};
            case "double": return new int[] {17, 0};
            case "float": return new int[] {17, 0};
            case "timestamp": case "timestamp with time zone": return new int[] {3, 0};
            default: return new int[] {0, 0};
        }
    }

    private static int fieldNameEnd(String field) {
        if (field.startsWith("\"")) {
            return field.indexOf('"', 1) + 1;
        }
        return field.indexOf(' ');
    }

    private static String unquote(String s) {
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Splits on commas outside any brackets. */
    static List<String> splitTopLevel(String s) {
        return HiveType.splitTopLevel(s);
    }
}
