package io.labrunner.emulator.glue;

import io.labrunner.emulator.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Glue Data Catalog's state: databases, tables and partitions, shared by the Glue API, the
 * crawlers and (through this class) the Athena engine. Names are lower-cased on the way in, as Glue
 * does. Thread-safe: every method holds the catalog's lock. Every change is written through to a
 * {@link CatalogStore}, so the catalog survives a restart of the emulator.
 */
public final class GlueCatalog {
    /** The catalog id of the emulated account. */
    public static final String CATALOG_ID = "000000000000";

    private final Map<String, Database> databases = new TreeMap<>();
    private final Map<String, Map<String, TableEntry>> tables = new TreeMap<>();
    private final CatalogStore stored;

    private static final class TableEntry {
        Table table;
        int version;
        final Map<List<String>, Partition> partitions = new LinkedHashMap<>();
        /** Each partition's key in the store; a partition re-put goes to the end, as in the map above. */
        final Map<List<String>, Long> sequences = new HashMap<>();
        long nextSequence = 1;

        TableEntry(Table table) {
            this.table = table;
        }

        long place(Partition partition) {
            List<String> values = List.copyOf(partition.values());
            partitions.put(values, partition);
            long sequence = nextSequence++;
            sequences.put(values, sequence);
            return sequence;
        }
    }

    /** An empty catalog kept in memory only. */
    public GlueCatalog() {
        this(StateStore.none());
    }

    /** The catalog kept in {@code state}: loaded now, written through on every change. */
    public GlueCatalog(StateStore state) {
        this.stored = new CatalogStore(state);
        stored.databases().forEach((name, db) -> {
            databases.put(name, db);
            Map<String, TableEntry> dbTables = new TreeMap<>();
            stored.tables(name).forEach((tableName, t) -> {
                TableEntry entry = new TableEntry(t.table());
                entry.version = t.version();
                stored.partitions(name, tableName).forEach((sequence, partition) -> {
                    List<String> values = List.copyOf(partition.values());
                    entry.partitions.put(values, partition);
                    entry.sequences.put(values, sequence);
                    entry.nextSequence = Math.max(entry.nextSequence, sequence + 1);
                });
                dbTables.put(tableName, entry);
            });
            tables.put(name, dbTables);
        });
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
        stored.saveDatabase(db);
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
        stored.saveDatabase(db);
        return db;
    }

    /** Deletes a database with all its tables and their partitions, as Glue does. */
    public synchronized void deleteDatabase(String name) {
        Database db = requireDatabase(name);
        databases.remove(db.name());
        tables.remove(db.name());
        stored.deleteDatabase(db.name());
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
        stored.saveTable(table.databaseName(), name, table, 0);
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
        stored.saveTable(entry.table.databaseName(), entry.table.name(), entry.table, entry.version);
        return entry.table;
    }

    public synchronized void deleteTable(String database, String name) {
        TableEntry entry = entry(database, name);
        tablesOf(database).remove(canonical(name));
        stored.deleteTable(entry.table.databaseName(), entry.table.name());
    }

    public synchronized Partition createPartition(String database, String table, Partition input) {
        TableEntry entry = entry(database, table);
        checkValues(entry.table, input.values());
        if (entry.partitions.containsKey(input.values())) {
            throw GlueErrors.alreadyExists("Partition already exists.");
        }
        Partition partition = input.placed(entry.table.databaseName(), entry.table.name(), Instant.now());
        stored.savePartition(entry.table.databaseName(), entry.table.name(), entry.place(partition), partition);
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
        forget(entry, values);
        stored.savePartition(entry.table.databaseName(), entry.table.name(), entry.place(updated), updated);
        return updated;
    }

    public synchronized void deletePartition(String database, String table, List<String> values) {
        requirePartition(database, table, values);
        forget(entry(database, table), values);
    }

    private void forget(TableEntry entry, List<String> values) {
        entry.partitions.remove(values);
        Long sequence = entry.sequences.remove(values);
        if (sequence != null) {
            stored.deletePartition(entry.table.databaseName(), entry.table.name(), sequence);
        }
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
