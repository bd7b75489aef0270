package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the Hive DDL Athena accepts for external tables:
 * {@code CREATE EXTERNAL TABLE [IF NOT EXISTS] [db.]t (cols) [COMMENT ..] [PARTITIONED BY (cols)]
 * [ROW FORMAT SERDE '..' [WITH SERDEPROPERTIES (..)] | ROW FORMAT DELIMITED FIELDS TERMINATED BY '..' ..]
 * [STORED AS PARQUET|TEXTFILE|ORC|AVRO | STORED AS INPUTFORMAT '..' OUTPUTFORMAT '..']
 * LOCATION 's3://..' [TBLPROPERTIES (..)]}
 * (https://docs.aws.amazon.com/athena/latest/ug/create-table.html).
 */
final class HiveDdlParser {

    /** A parsed CREATE EXTERNAL TABLE. */
    record CreateTable(TableDef table, boolean ifNotExists) {
    }

    private HiveDdlParser() {
    }

    /** Parses from just after {@code CREATE EXTERNAL TABLE}. */
    static CreateTable createExternalTable(TokenCursor c, String defaultDatabase) {
        boolean ifNotExists = c.acceptWord("if", "not", "exists");
        List<String> name = qualifiedName(c);
        String db = name.size() > 1 ? name.get(0) : defaultDatabase;
        String table = name.get(name.size() - 1);
        List<Column> columns = c.acceptSymbol("(") ? columns(c) : List.of();
        List<Column> partitionKeys = List.of();
        String serde = null;
        Map<String, String> serdeParameters = new LinkedHashMap<>();
        String inputFormat = null;
        String outputFormat = null;
        String location = null;
        Map<String, String> tableParameters = new LinkedHashMap<>();
        tableParameters.put("EXTERNAL", "TRUE");
        while (!c.atEnd()) {
            if (c.acceptWord("comment")) {
                c.string();
            } else if (c.acceptWord("partitioned", "by")) {
                c.expectSymbol("(");
                partitionKeys = columns(c);
            } else if (c.acceptWord("row", "format", "serde")) {
                serde = c.string();
            } else if (c.acceptWord("with", "serdeproperties")) {
                serdeParameters.putAll(properties(c));
            } else if (c.acceptWord("row", "format", "delimited")) {
                serde = HiveFormats.LAZY_SIMPLE_SERDE;
                delimited(c, serdeParameters);
            } else if (c.acceptWord("stored", "as", "inputformat")) {
                inputFormat = c.string();
                c.expectWord("outputformat");
                outputFormat = c.string();
            } else if (c.acceptWord("stored", "as")) {
                String[] formats = storedAs(c.identifier());
                inputFormat = formats[0];
                outputFormat = formats[1];
                if (serde == null) {
                    serde = formats[2];
                }
            } else if (c.acceptWord("location")) {
                location = c.string();
            } else if (c.acceptWord("tblproperties")) {
                tableParameters.putAll(properties(c));
            } else {
                throw c.syntaxError("'LOCATION', 'TBLPROPERTIES', 'ROW', 'STORED', 'PARTITIONED'");
            }
        }
        if (inputFormat == null) {
            inputFormat = HiveFormats.TEXT_INPUT;
            outputFormat = HiveFormats.TEXT_OUTPUT;
        }
        if (serde == null) {
            serde = HiveFormats.LAZY_SIMPLE_SERDE;
        }
        if (serde.equals(HiveFormats.LAZY_SIMPLE_SERDE) || serde.equals(HiveFormats.PARQUET_SERDE)) {
            serdeParameters.putIfAbsent("serialization.format", serdeParameters.getOrDefault("field.delim", "1"));
        }
        if (location == null) {
            throw new AthenaQueryException("INVALID_INPUT", "CREATE EXTERNAL TABLE needs a LOCATION");
        }
        if (!location.endsWith("/")) {
            location = location + "/";
        }
        return new CreateTable(new TableDef(db, table, columns, partitionKeys, location, inputFormat, outputFormat,
                serde, serdeParameters, tableParameters), ifNotExists);
    }

    /** {@code [db.]name} (up to catalog.db.name), lower-case. */
    static List<String> qualifiedName(TokenCursor c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.identifier());
        while (c.acceptSymbol(".")) {
            parts.add(c.identifier());
        }
        if (parts.size() == 3) {
            parts.remove(0);
        }
        return parts;
    }

    /** Column definitions up to and including the closing parenthesis. */
    static List<Column> columns(TokenCursor c) {
        List<Column> columns = new ArrayList<>();
        do {
            String name = c.identifier();
            StringBuilder type = new StringBuilder();
            int depth = 0;
            while (true) {
                SqlToken t = c.peek();
                if (t == null) {
                    throw c.syntaxError("')'");
                }
                if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")") || t.isWord("comment"))) {
                    break;
                }
                if (t.isSymbol("(") || t.isSymbol("<")) {
                    depth++;
                } else if (t.isSymbol(")") || t.isSymbol(">")) {
                    depth--;
                }
                type.append(t.kind() == SqlToken.Kind.QUOTED_IDENT ? t.name() : t.text().toLowerCase(Locale.ROOT));
                c.next();
            }
            if (type.length() == 0) {
                throw c.syntaxError("<type>");
            }
            String comment = c.acceptWord("comment") ? c.string() : null;
            HiveTypes.toDuckDb(type.toString()); // rejects unknown types now rather than at query time
            columns.add(new Column(name, type.toString(), comment));
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return columns;
    }

    /** {@code ('k'='v', ...)}. */
    static Map<String, String> properties(TokenCursor c) {
        Map<String, String> props = new LinkedHashMap<>();
        c.expectSymbol("(");
        if (c.acceptSymbol(")")) {
            return props;
        }
        do {
            String key = c.string();
            c.expectSymbol("=");
            props.put(key, unescape(c.string()));
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return props;
    }

    /** {@code (k='v', k2=3)} of a PARTITION clause, in the given key order. */
    static List<String> partitionSpec(TokenCursor c, TableDef table) {
        Map<String, String> spec = new LinkedHashMap<>();
        c.expectSymbol("(");
        do {
            String key = c.identifier();
            c.expectSymbol("=");
            SqlToken v = c.next();
            spec.put(key, v.kind() == SqlToken.Kind.STRING ? v.stringValue() : v.text());
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        List<String> values = new ArrayList<>();
        for (Column key : table.partitionKeys()) {
            String v = spec.remove(key.name());
            if (v == null) {
                throw new AthenaQueryException("INVALID_INPUT", "Partition spec is missing key '" + key.name() + "'");
            }
            values.add(v);
        }
        if (!spec.isEmpty()) {
            throw new AthenaQueryException("INVALID_INPUT", "Partition key '" + spec.keySet().iterator().next()
                    + "' is not a partition column of " + table.name());
        }
        return values;
    }

    private static void delimited(TokenCursor c, Map<String, String> serdeParameters) {
        while (true) {
            if (c.acceptWord("fields", "terminated", "by")) {
                String delim = unescape(c.string());
                serdeParameters.put("field.delim", delim);
                serdeParameters.put("serialization.format", delim);
                if (c.acceptWord("escaped", "by")) {
                    serdeParameters.put("escape.delim", unescape(c.string()));
                }
            } else if (c.acceptWord("collection", "items", "terminated", "by")) {
                serdeParameters.put("collection.delim", unescape(c.string()));
            } else if (c.acceptWord("map", "keys", "terminated", "by")) {
                serdeParameters.put("mapkey.delim", unescape(c.string()));
            } else if (c.acceptWord("lines", "terminated", "by")) {
                serdeParameters.put("line.delim", unescape(c.string()));
            } else if (c.acceptWord("null", "defined", "as")) {
                serdeParameters.put("serialization.null.format", unescape(c.string()));
            } else {
                return;
            }
        }
    }

    /** Input format, output format and SerDe for {@code STORED AS x}. */
    private static String[] storedAs(String format) {
        switch (format) {
            case "parquet":
                return new String[] {HiveFormats.PARQUET_INPUT, HiveFormats.PARQUET_OUTPUT, HiveFormats.PARQUET_SERDE};
            case "textfile":
                return new String[] {HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT, HiveFormats.LAZY_SIMPLE_SERDE};
            case "orc":
                return new String[] {HiveFormats.ORC_INPUT, HiveFormats.ORC_OUTPUT, HiveFormats.ORC_SERDE};
            case "avro":
                return new String[] {"org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat",
                        "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat",
                        "org.apache.hadoop.hive.serde2.avro.AvroSerDe"};
            default:
                throw new AthenaQueryException("NOT_SUPPORTED", "STORED AS " + format.toUpperCase(Locale.ROOT)
                        + " is not supported by the emulator");
        }
    }

    /** Hive's escapes in delimiters: \t, \n, and octal such as \001. */
    static String unescape(String s) {
        if (!s.startsWith("\\") || s.length() < 2) {
            return s;
        }
        String body = s.substring(1);
        if (body.equals("t")) {
            return "\t";
        }
        if (body.equals("n")) {
            return "\n";
        }
        if (body.matches("[0-7]{1,3}")) {
            return String.valueOf((char) Integer.parseInt(body, 8));
        }
        return s;
    }
}
