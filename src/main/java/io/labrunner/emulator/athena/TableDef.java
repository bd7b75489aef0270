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
 */
public record TableDef(String database, String name, List<Column> columns, List<Column> partitionKeys,
                       String location, String inputFormat, String outputFormat, String serdeLibrary,
                       Map<String, String> serdeParameters, Map<String, String> tableParameters) {

    public TableDef {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        serdeParameters = Map.copyOf(serdeParameters);
        tableParameters = Map.copyOf(tableParameters);
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
