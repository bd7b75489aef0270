package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table as the Glue Data Catalog describes it: columns, partition keys, location and the
 * Hive storage description (input format, SerDe and their parameters).
 *
 * @param database        database name
 * @param name            table name
 * @param columns         data columns, in order
 * @param partitionKeys   partition keys, in order (empty when unpartitioned)
 * @param location        {@code s3://bucket/prefix/} of the table's objects
 * @param inputFormat     e.g. {@link HiveFormats#TEXT_INPUT}
 * @param outputFormat    e.g. {@link HiveFormats#TEXT_OUTPUT}
 * @param serdeLibrary    e.g. {@link HiveFormats#LAZY_SIMPLE_SERDE}
 * @param serdeParameters e.g. {@code field.delim}
 * @param tableParameters e.g. {@code skip.header.line.count}, {@code classification}
 * @param tableType       {@code EXTERNAL_TABLE}, or {@code VIRTUAL_VIEW} for a view
 * @param viewText        a view's query in Athena's SQL (Glue keeps it in ViewOriginalText); null for tables
 */
public record TableDef(String database, String name, List<Column> columns, List<Column> partitionKeys,
                       String location, String inputFormat, String outputFormat, String serdeLibrary,
                       Map<String, String> serdeParameters, Map<String, String> tableParameters,
                       String tableType, String viewText) {
    public static final String EXTERNAL_TABLE = "EXTERNAL_TABLE";
    public static final String VIRTUAL_VIEW = "VIRTUAL_VIEW";

    public TableDef {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        serdeParameters = Map.copyOf(serdeParameters);
        tableParameters = Map.copyOf(tableParameters);
        tableType = tableType == null ? EXTERNAL_TABLE : tableType;
    }

    /** An external table. */
    public TableDef(String database, String name, List<Column> columns, List<Column> partitionKeys,
                    String location, String inputFormat, String outputFormat, String serdeLibrary,
                    Map<String, String> serdeParameters, Map<String, String> tableParameters) {
        this(database, name, columns, partitionKeys, location, inputFormat, outputFormat, serdeLibrary,
                serdeParameters, tableParameters, EXTERNAL_TABLE, null);
    }

    /** A view, as Athena records it: columns and SQL, no storage. */
    public static TableDef view(String database, String name, List<Column> columns, String sql) {
        return new TableDef(database, name, columns, List.of(), null, null, null, null, Map.of(),
                Map.of("presto_view", "true", "comment", "Presto View"), VIRTUAL_VIEW, sql);
    }

    public boolean isView() {
        return VIRTUAL_VIEW.equals(tableType);
    }

    /** Data columns followed by partition keys, the order Athena shows them in. */
    public List<Column> allColumns() {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(partitionKeys);
        return all;
    }

    public boolean partitioned() {
        return !partitionKeys.isEmpty();
    }

    /** The storage format the SerDe and input format imply. */
    public HiveFormats.Kind formatKind() {
        return HiveFormats.kindOf(this);
    }
}
