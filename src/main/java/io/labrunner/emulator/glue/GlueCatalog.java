package io.labrunner.emulator.glue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Glue Data Catalog's state: databases, tables and partitions, shared by the Glue API, the
 * crawlers and (through this class) the Athena engine. Names are lower-cased on the way in, as Glue
 * does. Thread-safe: every method holds the catalog's lock.
 */
public final class GlueCatalog {
    /** The catalog id of the emulated account. */
    public static final String CATALOG_ID = "000000000000";

    private final Map<String, Database> databases = new TreeMap<>();
    private final Map<String, Map<String, TableEntry>> tables = new TreeMap<>();

    private static final class TableEntry {
        Table table;
        int version;
        final Map<List<String>, Partition> partitions = new LinkedHashMap<>();

        TableEntry(Table table) {
            this.table = table;
        }
    }

    /** Glue's canonical form of a database or table name. */
    public static String canonical(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    public synchronized Database createDatabase(Database input) {
        String name = canonical(input.name());
        if (databases.containsKey(name)) {
            throw GlueErrors.alreadyExists("Database already exists.");
        }
        Database db = new Database(name, input.description(), input.locationUri(),
                input.parameters() == null ? Map.of() : input.parameters(), Instant.now(), CATALOG_ID);
        databases.put(name, db);
        tables.put(name, new TreeMap<>());
        return db;
    }

    public synchronized Optional<Database> database(String name) {
        return Optional.ofNullable(databases.get(canonical(name)));
    }

    public synchronized Database requireDatabase(String name) {
        return database(name).orElseThrow(() -> GlueErrors.databaseNotFound(canonical(name)));
    }

    public synchronized List<Database> databases() {
        return new ArrayList<>(databases.values());
    }

    public synchronized Database updateDatabase(String name, Database input) {
        Database old = requireDatabase(name);
        Database db = new Database(old.name(), input.description(), input.locationUri(),
                input.parameters() == null ? Map.of() : input.parameters(), old.createTime(), CATALOG_ID);
        databases.put(old.name(), db);
        return db;
    }

    /** Deletes a database with all its tables and their partitions, as Glue does. */
    public synchronized void deleteDatabase(String name) {
        Database db = requireDatabase(name);
        databases.remove(db.name());
        tables.remove(db.name());
    }

    public synchronized Table createTable(String database, Table input) {
        Map<String, TableEntry> dbTables = tablesOf(database);
        String name = canonical(input.name());
        if (dbTables.containsKey(name)) {
            throw GlueErrors.alreadyExists("Table already exists.");
        }
        Instant now = Instant.now();
        Table table = input.named(name).placed(canonical(database), now, now, "0");
        dbTables.put(name, new TableEntry(table));
        return table;
    }

    public synchronized Optional<Table> table(String database, String name) {
        Map<String, TableEntry> dbTables = tables.get(canonical(database));
        TableEntry entry = dbTables == null ? null : dbTables.get(canonical(name));
        return Optional.ofNullable(entry == null ? null : entry.table);
    }

    public synchronized Table requireTable(String database, String name) {
        return entry(database, name).table;
    }

    /** The database's tables, sorted by name. */
    public synchronized List<Table> tables(String database) {
        return tablesOf(database).values().stream().map(e -> e.table).toList();
    }

    /** Replaces a table's definition (not its name), keeping its partitions; bumps its version. */
    public synchronized Table updateTable(String database, Table input) {
        TableEntry entry = entry(database, input.name());
        entry.version++;
        entry.table = input.named(entry.table.name()).placed(entry.table.databaseName(),
                entry.table.createTime(), Instant.now(), Integer.toString(entry.version));
        return entry.table;
    }

    public synchronized void deleteTable(String database, String name) {
        entry(database, name);
        tablesOf(database).remove(canonical(name));
    }

    public synchronized Partition createPartition(String database, String table, Partition input) {
        TableEntry entry = entry(database, table);
        checkValues(entry.table, input.values());
        if (entry.partitions.containsKey(input.values())) {
            throw GlueErrors.alreadyExists("Partition already exists.");
        }
        Partition partition = input.placed(entry.table.databaseName(), entry.table.name(), Instant.now());
        entry.partitions.put(List.copyOf(input.values()), partition);
        return partition;
    }

    public synchronized Partition requirePartition(String database, String table, List<String> values) {
        Partition p = entry(database, table).partitions.get(values);
        if (p == null) {
            throw GlueErrors.partitionNotFound();
        }
        return p;
    }

    /** The table's partitions, in creation order. */
    public synchronized List<Partition> partitions(String database, String table) {
        return new ArrayList<>(entry(database, table).partitions.values());
    }

    public synchronized Partition updatePartition(String database, String table, List<String> values,
                                                  Partition input) {
        TableEntry entry = entry(database, table);
        Partition old = requirePartition(database, table, values);
        // Input without Values keeps the partition's own; checked before anything is removed.
        Partition replacement = input.values() == null
                ? new Partition(old.values(), null, null, null, input.lastAccessTime(), input.storageDescriptor(),
                        input.parameters(), null)
                : input;
        checkValues(entry.table, replacement.values());
        Partition updated = replacement.placed(old.databaseName(), old.tableName(), old.creationTime());
        entry.partitions.remove(values);
        entry.partitions.put(List.copyOf(replacement.values()), updated);
        return updated;
    }

    public synchronized void deletePartition(String database, String table, List<String> values) {
        requirePartition(database, table, values);
        entry(database, table).partitions.remove(values);
    }

    private static void checkValues(Table table, List<String> values) {
        int keys = table.partitionKeys() == null ? 0 : table.partitionKeys().size();
        if (values == null || values.size() != keys) {
            throw GlueErrors.invalidInput("The number of partition keys do not match the number of partition values");
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw GlueErrors.invalidInput("A partition value must not be null");
        }
    }

    private Map<String, TableEntry> tablesOf(String database) {
        Map<String, TableEntry> dbTables = tables.get(canonical(database));
        if (dbTables == null) {
            throw GlueErrors.databaseNotFound(canonical(database));
        }
        return dbTables;
    }

    private TableEntry entry(String database, String name) {
        TableEntry entry = tablesOf(database).get(canonical(name));
        if (entry == null) {
            throw GlueErrors.tableNotFound(canonical(name));
        }
        return entry;
    }
}
