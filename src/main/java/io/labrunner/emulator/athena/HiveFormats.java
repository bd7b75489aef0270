package io.labrunner.emulator.athena;

import java.util.Locale;

/**
 * The Hive class names Glue and Athena record for each storage format, and how the engine
 * recognises a table's format from them.
 */
public final class HiveFormats {
    public static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    public static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    public static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    public static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    public static final String OPENX_JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";
    public static final String HIVE_JSON_SERDE = "org.apache.hive.hcatalog.data.JsonSerDe";
    public static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    public static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    public static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    public static final String ORC_INPUT = "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat";
    public static final String ORC_OUTPUT = "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat";
    public static final String ORC_SERDE = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";

    /** The storage formats the engine tells apart. */
    public enum Kind { CSV, JSON, PARQUET, UNSUPPORTED }

    private HiveFormats() {
    }

    static Kind kindOf(TableDef table) {
        String serde = lower(table.serdeLibrary());
        String input = lower(table.inputFormat());
        if (serde.contains("parquet") || input.contains("parquet")) {
            return Kind.PARQUET;
        }
        if (serde.contains("json")) {
            return Kind.JSON;
        }
        if (serde.contains("orc") || input.contains("orc") || serde.contains("avro")) {
            return Kind.UNSUPPORTED;
        }
        if (serde.contains("lazysimpleserde") || serde.contains("opencsvserde") || input.contains("textinputformat")) {
            return Kind.CSV;
        }
        return Kind.UNSUPPORTED;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
