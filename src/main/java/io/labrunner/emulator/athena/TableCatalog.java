package io.labrunner.emulator.athena;

import java.util.List;
import java.util.Optional;

/**
 * The seam between the Athena engine and the Data Catalog: the engine reads table definitions
 * and writes the ones its DDL creates. The Glue service implements it; tests use
 * {@link InMemoryTableCatalog}. Names are compared lower-case, as Glue stores them.
 */
public interface TableCatalog {

    List<String> databases();

    boolean databaseExists(String database);

    /** Creates a database; does nothing when it exists. */
    void createDatabase(String database);

    /** Drops a database and its tables. */
    void dropDatabase(String database);

    Optional<TableDef> table(String database, String name);

    /** Table names of a database, sorted. */
    List<String> tables(String database);

    /** Creates (or replaces) a table. */
    void createTable(TableDef table);

    void dropTable(String database, String name);

    /** Registered partitions, in the order they were added. */
    List<PartitionDef> partitions(String database, String table);

    /** Adds a partition; replaces one with the same values. */
    void addPartition(String database, String table, PartitionDef partition);

    void dropPartition(String database, String table, List<String> values);
}
