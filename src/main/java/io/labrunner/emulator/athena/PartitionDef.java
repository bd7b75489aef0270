package io.labrunner.emulator.athena;

import java.util.List;

/**
 * One registered partition of a table.
 *
 * @param values   the partition values, in the order of the table's partition keys
 * @param location where the partition's objects live, an {@code s3://bucket/prefix/} URI
 */
public record PartitionDef(List<String> values, String location) {

    public PartitionDef {
        values = List.copyOf(values);
    }
}
