package io.labrunner.emulator.glue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Where and how a table's or partition's data is stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageDescriptor(
        List<Column> columns,
        String location,
        String inputFormat,
        String outputFormat,
        Boolean compressed,
        Integer numberOfBuckets,
        SerDeInfo serdeInfo,
        List<String> bucketColumns,
        List<Map<String, Object>> sortColumns,
        Map<String, String> parameters,
        Boolean storedAsSubDirectories) {

    /** A descriptor with the given format and no buckets, as crawlers and Athena DDL write them. */
    public static StorageDescriptor of(List<Column> columns, String location, String inputFormat,
                                       String outputFormat, SerDeInfo serde, Map<String, String> parameters) {
        return new StorageDescriptor(columns, location, inputFormat, outputFormat, false, -1, serde, List.of(),
                List.of(), parameters, false);
    }

    /** A copy at another location (partitions share their table's format). */
    public StorageDescriptor withLocation(String newLocation) {
        return new StorageDescriptor(columns, newLocation, inputFormat, outputFormat, compressed, numberOfBuckets,
                serdeInfo, bucketColumns, sortColumns, parameters, storedAsSubDirectories);
    }

    public StorageDescriptor withColumns(List<Column> newColumns) {
        return new StorageDescriptor(newColumns, location, inputFormat, outputFormat, compressed, numberOfBuckets,
                serdeInfo, bucketColumns, sortColumns, parameters, storedAsSubDirectories);
    }
}
