package io.labrunner.emulator.athena;

import io.labrunner.emulator.glue.Database;
import io.labrunner.emulator.glue.GlueCatalog;
import io.labrunner.emulator.glue.Partition;
import io.labrunner.emulator.glue.SerDeInfo;
import io.labrunner.emulator.glue.StorageDescriptor;
import io.labrunner.emulator.glue.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Athena engine's view of the Glue Data Catalog, as on AWS where Athena's catalog
 * ({@code AwsDataCatalog}) is Glue's: tables a crawler writes are queryable, and what Athena's DDL,
 * CTAS and MSCK write is visible through Glue's GetTable and GetPartitions. Translates
 * {@link TableDef}/{@link PartitionDef} to Glue's Table/StorageDescriptor/SerDeInfo/Partition and back;
 * a view's SQL is kept in ViewOriginalText.
 */
public final class GlueTableCatalog implements TableCatalog {
    private final GlueCatalog glue;

    public GlueTableCatalog(GlueCatalog glue) {
        this.glue = glue;
    }

    @Override
    public List<String> databases() {
        return glue.databases().stream().map(Database::name).toList();
    }

    @Override
    public boolean databaseExists(String database) {
        return glue.database(database).isPresent();
    }

    @Override
    public void createDatabase(String database) {
        synchronized (glue) {
            if (!databaseExists(database)) {
                glue.createDatabase(Database.named(database, null));
            }
        }
    }

    @Override
    public void dropDatabase(String database) {
        synchronized (glue) {
            if (databaseExists(database)) {
                glue.deleteDatabase(database);
            }
        }
    }

    @Override
    public Optional<TableDef> table(String database, String name) {
        return glue.table(database, name).map(GlueTableCatalog::toTableDef);
    }

    @Override
    public List<String> tables(String database) {
        if (!databaseExists(database)) {
            return List.of();
        }
        return glue.tables(database).stream().map(Table::name).toList();
    }

    @Override
    public void createTable(TableDef table) {
        Table glueTable = toGlueTable(table);
        synchronized (glue) {
            createDatabase(table.database());
            if (glue.table(table.database(), table.name()).isPresent()) {
                glue.updateTable(table.database(), glueTable);
            } else {
                glue.createTable(table.database(), glueTable);
            }
        }
    }

    @Override
    public void dropTable(String database, String name) {
        synchronized (glue) {
            if (glue.table(database, name).isPresent()) {
                glue.deleteTable(database, name);
            }
        }
    }

    @Override
    public List<PartitionDef> partitions(String database, String table) {
        if (glue.table(database, table).isEmpty()) {
            return List.of();
        }
        return glue.partitions(database, table).stream()
                .map(p -> new PartitionDef(p.values(), p.storageDescriptor() == null ? null : p.storageDescriptor().location()))
                .toList();
    }

    @Override
    public void addPartition(String database, String table, PartitionDef partition) {
        synchronized (glue) {
            Table owner = glue.requireTable(database, table);
            StorageDescriptor sd = owner.storageDescriptor() == null
                    ? StorageDescriptor.of(List.of(), partition.location(), null, null, null, Map.of())
                    : owner.storageDescriptor().withLocation(partition.location());
            Partition gluePartitionDef = Partition.of(partition.values(), sd, Map.of());
            if (hasPartition(database, table, partition.values())) {
                glue.updatePartition(database, table, partition.values(), gluePartitionDef);
            } else {
                glue.createPartition(database, table, gluePartitionDef);
            }
        }
    }

    @Override
    public void dropPartition(String database, String table, List<String> values) {
        synchronized (glue) {
            if (glue.table(database, table).isPresent() && hasPartition(database, table, values)) {
                glue.deletePartition(database, table, values);
            }
        }
    }

    private boolean hasPartition(String database, String table, List<String> values) {
        return glue.partitions(database, table).stream().anyMatch(p -> p.values().equals(values));
    }

    static TableDef toTableDef(Table t) {
        StorageDescriptor sd = t.storageDescriptor();
        SerDeInfo serde = sd == null ? null : sd.serdeInfo();
        return new TableDef(t.databaseName(), t.name(),
                sd == null || sd.columns() == null ? List.of() : toColumns(sd.columns()),
                t.partitionKeys() == null ? List.of() : toColumns(t.partitionKeys()),
                sd == null ? null : sd.location(),
                sd == null ? null : sd.inputFormat(),
                sd == null ? null : sd.outputFormat(),
                serde == null ? null : serde.serializationLibrary(),
                serde == null || serde.parameters() == null ? Map.of() : serde.parameters(),
                t.parameters() == null ? Map.of() : t.parameters(),
                t.tableType(), t.viewOriginalText());
    }

    static Table toGlueTable(TableDef t) {
        StorageDescriptor sd = StorageDescriptor.of(toGlueColumns(t.columns()), t.location(), t.inputFormat(),
                t.outputFormat(), t.isView() ? null : new SerDeInfo(null, t.serdeLibrary(), t.serdeParameters()),
                Map.of());
        return new Table(t.name(), null, null, "hadoop", null, null, null, 0, sd, toGlueColumns(t.partitionKeys()),
                t.viewText(), t.isView() ? t.viewText() : null, t.tableType(), t.tableParameters(), null, null, null);
    }

    private static List<Column> toColumns(List<io.labrunner.emulator.glue.Column> columns) {
        return columns.stream().map(c -> new Column(c.name(), c.type(), c.comment())).toList();
    }

    private static List<io.labrunner.emulator.glue.Column> toGlueColumns(List<Column> columns) {
        return columns.stream().map(c -> new io.labrunner.emulator.glue.Column(c.name(), c.type(), c.comment(), null))
                .toList();
    }
}
