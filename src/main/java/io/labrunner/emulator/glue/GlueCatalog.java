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
    /** Database → function name → function. */
    private final Map<String, Map<String, UserDefinedFunction>> functions = new TreeMap<>();
    private final CatalogStore stored;

    private static final class TableEntry {
        Table table;
        int version;
        /** Earlier versions UpdateTable archived, by version number (the current one is {@link #table}). */
        final TreeMap<Integer, Table> archived = new TreeMap<>();
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
                entry.archived.putAll(stored.tableVersions(name, tableName));
                stored.partitions(name, tableName).forEach((sequence, partition) -> {
                    List<String> values = List.copyOf(partition.values());
                    entry.partitions.put(values, partition);
                    entry.sequences.put(values, sequence);
                    entry.nextSequence = Math.max(entry.nextSequence, sequence + 1);
                });
                dbTables.put(tableName, entry);
            });
            tables.put(name, dbTables);
            functions.put(name, new TreeMap<>(stored.functions(name)));
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
        functions.put(name, new TreeMap<>());
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
        if (!old.name().equals(canonical(input.name()))) {
            throw GlueErrors.invalidInput("Database cannot be renamed");
        }
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
        functions.remove(db.name());
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

    /**
     * Replaces a table's definition (not its name), keeping its partitions; bumps its version and archives the
     * version it replaces, as an UpdateTable without SkipArchive does.
     */
    public synchronized Table updateTable(String database, Table input) {
        return updateTable(database, input, null, false);
    }

    /**
     * UpdateTable: refused when {@code expectedVersion} is given and is not the table's current VersionId (another
     * writer got there first); the replaced version is kept for GetTableVersions unless {@code skipArchive}.
     */
    synchronized Table updateTable(String database, Table input, String expectedVersion, boolean skipArchive) {
        TableEntry entry = entry(database, input.name());
        if (expectedVersion != null && !expectedVersion.equals(entry.table.versionId())) {
            throw new io.labrunner.emulator.AwsException("ConcurrentModificationException",
                    "Update table failed due to concurrent modifications.", 400);
        }
        String db = entry.table.databaseName();
        String name = entry.table.name();
        if (!skipArchive) {
            entry.archived.put(entry.version, entry.table);
            stored.saveTableVersion(db, name, entry.version, entry.table);
        }
        entry.version++;
        entry.table = input.named(name).placed(db, entry.table.createTime(), Instant.now(),
                Integer.toString(entry.version));
        stored.saveTable(db, name, entry.table, entry.version);
        return entry.table;
    }

    /** The table's current version and every archived one, newest first. */
    synchronized List<TableVersion> tableVersions(String database, String table) {
        TableEntry entry = entry(database, table);
        List<TableVersion> out = new ArrayList<>();
        out.add(new TableVersion(entry.table, entry.table.versionId()));
        entry.archived.descendingMap().forEach((v, t) -> out.add(new TableVersion(t, Integer.toString(v))));
        return out;
    }

    /** One version of the table; the current one when {@code versionId} is null. */
    synchronized TableVersion tableVersion(String database, String table, String versionId) {
        TableEntry entry = entry(database, table);
        if (versionId == null || versionId.equals(entry.table.versionId())) {
            return new TableVersion(entry.table, entry.table.versionId());
        }
        Table archived = entry.archived.get(versionNumber(versionId));
        if (archived == null) {
            throw GlueErrors.tableVersionNotFound(versionId);
        }
        return new TableVersion(archived, versionId);
    }

    /** Deletes an archived version; the current version goes only with the table. */
    synchronized void deleteTableVersion(String database, String table, String versionId) {
        TableEntry entry = entry(database, table);
        int number = versionNumber(versionId);
        if (number == entry.version) {
            throw GlueErrors.invalidInput("Cannot delete the current version of a table.");
        }
        if (entry.archived.remove(number) == null) {
            throw GlueErrors.tableVersionNotFound(versionId);
        }
        stored.deleteTableVersion(entry.table.databaseName(), entry.table.name(), number);
    }

    /** VersionIds are the decimal numbers Glue counts from 0; anything else is refused as input. */
    private static int versionNumber(String versionId) {
        try {
            int number = Integer.parseInt(versionId);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GlueErrors.invalidInput("Invalid version id: " + versionId);
    }

    public synchronized UserDefinedFunction createFunction(String database, UserDefinedFunction input) {
        Database db = requireDatabase(database);
        Map<String, UserDefinedFunction> dbFunctions = functions.get(db.name());
        String name = canonical(input.functionName());
        if (dbFunctions.containsKey(name)) {
            throw GlueErrors.alreadyExists("Function already exists.");
        }
        UserDefinedFunction function = input.placed(name, db.name(), Instant.now());
        dbFunctions.put(name, function);
        stored.saveFunction(function);
        return function;
    }

    public synchronized UserDefinedFunction requireFunction(String database, String name) {
        UserDefinedFunction function = functions.get(requireDatabase(database).name()).get(canonical(name));
        if (function == null) {
            throw GlueErrors.functionNotFound();
        }
        return function;
    }

    /** The functions of one database, or of every database when {@code database} is null, by database and name. */
    public synchronized List<UserDefinedFunction> functions(String database) {
        if (database != null) {
            return new ArrayList<>(functions.get(requireDatabase(database).name()).values());
        }
        List<UserDefinedFunction> all = new ArrayList<>();
        functions.values().forEach(byName -> all.addAll(byName.values()));
        return all;
    }

    /** Replaces a function's definition; its name, database and creation time stay. */
    public synchronized UserDefinedFunction updateFunction(String database, String name, UserDefinedFunction input) {
        UserDefinedFunction old = requireFunction(database, name);
        UserDefinedFunction function = input.placed(old.functionName(), old.databaseName(), old.createTime());
        functions.get(old.databaseName()).put(old.functionName(), function);
        stored.saveFunction(function);
        return function;
    }

    public synchronized void deleteFunction(String database, String name) {
        UserDefinedFunction old = requireFunction(database, name);
        functions.get(old.databaseName()).remove(old.functionName());
        stored.deleteFunction(old.databaseName(), old.functionName());
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
