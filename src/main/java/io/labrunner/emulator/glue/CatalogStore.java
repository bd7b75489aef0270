package io.labrunner.emulator.glue;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.Map;

/**
 * Where the Data Catalog writes its changes through to: databases, tables (with their version
 * counters) and partitions, keyed so that dropping a database or a table drops everything under it.
 * Partitions are keyed by a per-table sequence number, which keeps Glue's creation order.
 */
final class CatalogStore {
    /** Separates key parts; no Glue name can hold it. */
    private static final String SEP = "\u0000";

    /** A table as stored: its definition and the version counter UpdateTable bumps. */
    record StoredTable(Table table, int version) {
    }

    private final StateMap<Database> databases;
    private final StateMap<StoredTable> tables;
    private final StateMap<Partition> partitions;
    private final StateMap<Table> tableVersions;
    private final StateMap<UserDefinedFunction> functions;

    CatalogStore(StateStore state) {
        this.databases = state.map("glue.databases", Database.class);
        this.tables = state.map("glue.tables", StoredTable.class);
        this.partitions = state.map("glue.partitions", Partition.class);
        this.tableVersions = state.map("glue.table-versions", Table.class);
        this.functions = state.map("glue.functions", UserDefinedFunction.class);
    }

    Map<String, Database> databases() {
        return databases.entries();
    }

    /** The database's tables by (canonical) table name. */
    Map<String, StoredTable> tables(String database) {
        Map<String, StoredTable> out = new java.util.TreeMap<>();
        tables.entriesWithPrefix(database + SEP).forEach((k, v) -> out.put(k.substring(database.length() + 1), v));
        return out;
    }

    /** The table's partitions by sequence number, in creation order. */
    Map<Long, Partition> partitions(String database, String table) {
        String prefix = database + SEP + table + SEP;
        Map<Long, Partition> out = new java.util.LinkedHashMap<>();
        partitions.entriesWithPrefix(prefix).forEach((k, v) -> out.put(Long.parseLong(k.substring(prefix.length())), v));
        return out;
    }

    /** The table's archived versions by version number. */
    Map<Integer, Table> tableVersions(String database, String table) {
        String prefix = database + SEP + table + SEP;
        Map<Integer, Table> out = new java.util.TreeMap<>();
        tableVersions.entriesWithPrefix(prefix).forEach((k, v) -> out.put(Integer.parseInt(k.substring(prefix.length())), v));
        return out;
    }

    /** The database's functions by (canonical) name. */
    Map<String, UserDefinedFunction> functions(String database) {
        Map<String, UserDefinedFunction> out = new java.util.TreeMap<>();
        functions.entriesWithPrefix(database + SEP).forEach((k, v) -> out.put(k.substring(database.length() + 1), v));
        return out;
    }

    void saveTableVersion(String database, String table, int version, Table definition) {
        tableVersions.put(database + SEP + table + SEP + String.format("%010d", version), definition);
    }

    void deleteTableVersion(String database, String table, int version) {
        tableVersions.remove(database + SEP + table + SEP + String.format("%010d", version));
    }

    void saveFunction(UserDefinedFunction function) {
        functions.put(function.databaseName() + SEP + function.functionName(), function);
    }

    void deleteFunction(String database, String name) {
        functions.remove(database + SEP + name);
    }

    void saveDatabase(Database database) {
        databases.put(database.name(), database);
    }

    void deleteDatabase(String database) {
        databases.remove(database);
        tables.removePrefix(database + SEP);
        partitions.removePrefix(database + SEP);
        tableVersions.removePrefix(database + SEP);
        functions.removePrefix(database + SEP);
    }

    void saveTable(String database, String table, Table definition, int version) {
        tables.put(database + SEP + table, new StoredTable(definition, version));
    }

    void deleteTable(String database, String table) {
        tables.remove(database + SEP + table);
        partitions.removePrefix(database + SEP + table + SEP);
        tableVersions.removePrefix(database + SEP + table + SEP);
    }

    void savePartition(String database, String table, long sequence, Partition partition) {
        partitions.put(partitionKey(database, table, sequence), partition);
    }

    void deletePartition(String database, String table, long sequence) {
        partitions.remove(partitionKey(database, table, sequence));
    }

    private static String partitionKey(String database, String table, long sequence) {
        return database + SEP + table + SEP + String.format("%019d", sequence);
    }
}
