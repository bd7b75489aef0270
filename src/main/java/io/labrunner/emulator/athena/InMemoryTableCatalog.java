package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link TableCatalog} held in memory, for tests and for running the engine on its own. */
public final class InMemoryTableCatalog implements TableCatalog {
    private final Map<String, Map<String, TableDef>> tablesByDatabase = new TreeMap<>();
    private final Map<String, Map<List<String>, PartitionDef>> partitionsByTable = new LinkedHashMap<>();

    public InMemoryTableCatalog() {
        createDatabase("default");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String tableKey(String database, String table) {
        return key(database) + "." + key(table);
    }

    @Override
    public synchronized List<String> databases() {
        return new ArrayList<>(tablesByDatabase.keySet());
    }

    @Override
    public synchronized boolean databaseExists(String database) {
        return tablesByDatabase.containsKey(key(database));
    }

    @Override
    public synchronized void createDatabase(String database) {
        tablesByDatabase.computeIfAbsent(key(database), d -> new TreeMap<>());
    }

    @Override
    public synchronized void dropDatabase(String database) {
        Map<String, TableDef> tables = tablesByDatabase.remove(key(database));
        if (tables != null) {
            tables.keySet().forEach(t -> partitionsByTable.remove(tableKey(database, t)));
        }
    }

    @Override
    public synchronized Optional<TableDef> table(String database, String name) {
        return Optional.ofNullable(tablesByDatabase.getOrDefault(key(database), Map.of()).get(key(name)));
    }

    @Override
    public synchronized List<String> tables(String database) {
        return new ArrayList<>(tablesByDatabase.getOrDefault(key(database), Map.of()).keySet());
    }

    @Override
    public synchronized void createTable(TableDef table) {
        createDatabase(table.database());
        tablesByDatabase.get(key(table.database())).put(key(table.name()), table);
    }

    @Override
    public synchronized void dropTable(String database, String name) {
        Map<String, TableDef> tables = tablesByDatabase.get(key(database));
        if (tables != null) {
            tables.remove(key(name));
        }
        partitionsByTable.remove(tableKey(database, name));
    }

    @Override
    public synchronized List<PartitionDef> partitions(String database, String table) {
        return new ArrayList<>(partitionsByTable.getOrDefault(tableKey(database, table), Map.of()).values());
    }

    @Override
    public synchronized void addPartition(String database, String table, PartitionDef partition) {
        partitionsByTable.computeIfAbsent(tableKey(database, table), t -> new LinkedHashMap<>())
                .put(partition.values(), partition);
    }

    @Override
    public synchronized void dropPartition(String database, String table, List<String> values) {
        partitionsByTable.getOrDefault(tableKey(database, table), new LinkedHashMap<>()).remove(values);
    }
}
