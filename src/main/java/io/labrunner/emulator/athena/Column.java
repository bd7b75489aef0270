package io.labrunner.emulator.athena;

/**
 * A table or partition-key column as the Glue Data Catalog stores it.
 *
 * @param name    lower-case column name
 * @param type    Hive type name, e.g. {@code bigint}, {@code decimal(10,2)}, {@code array<string>}
 * @param comment optional comment, may be null
 */
public record Column(String name, String type, String comment) {

    public Column(String name, String type) {
        this(name, type, null);
    }
}
