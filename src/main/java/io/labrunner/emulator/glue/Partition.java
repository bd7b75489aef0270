package io.labrunner.emulator.glue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One partition of a table: its key values (in partition-key order) and where its data lives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Partition(
        List<String> values,
        String databaseName,
        String tableName,
        Instant creationTime,
        Instant lastAccessTime,
        StorageDescriptor storageDescriptor,
        Map<String, String> parameters,
        String catalogId) {

    /** A partition definition for {@link GlueCatalog#createPartition}. */
    public static Partition of(List<String> values, StorageDescriptor storage, Map<String, String> parameters) {
        return new Partition(values, null, null, null, null, storage, parameters, null);
    }

    Partition placed(String database, String table, Instant created) {
        return new Partition(values, database, table, created, lastAccessTime, storageDescriptor, parameters,
                GlueCatalog.CATALOG_ID);
    }
}
