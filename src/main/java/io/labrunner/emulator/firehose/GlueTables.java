package io.labrunner.emulator.firehose;

import java.util.List;
import java.util.Optional;

/**
 * The Glue Data Catalog as record format conversion reads it: a table's columns, read-only. The
 * emulator backs it with the same catalog Glue and Athena share, so a table created through Glue is
 * the schema Firehose converts to.
 */
@FunctionalInterface
public interface GlueTables {

    /** The table's current definition, or empty when the database or the table does not exist. */
    Optional<TableSchema> table(String database, String table);

    /**
     * A table's data columns (its StorageDescriptor's, not its partition keys) and version.
     *
     * @param columns   name and Hive type of each column, in table order
     * @param versionId the table's current version, as Glue's GetTable reports it
     */
    record TableSchema(List<SchemaColumn> columns, String versionId) {
    }

    /** A column: its name as the table declares it and its Hive type ({@code bigint}, {@code array<string>}, ...). */
    record SchemaColumn(String name, String type) {
    }
}
