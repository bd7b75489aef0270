package io.labrunner.emulator.glue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A catalog table. Names are stored lower-cased, as Glue stores them.
 *
 * @param tableType {@code EXTERNAL_TABLE} for crawled and Athena tables, {@code VIRTUAL_VIEW} for views
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Table(
        String name,
        String databaseName,
        String description,
        String owner,
        Instant createTime,
        Instant updateTime,
        Instant lastAccessTime,
        Integer retention,
        StorageDescriptor storageDescriptor,
        List<Column> partitionKeys,
        String viewOriginalText,
        String viewExpandedText,
        String tableType,
        Map<String, String> parameters,
        String createdBy,
        String catalogId,
        String versionId) {

    /** An {@code EXTERNAL_TABLE} definition, as Athena's CREATE EXTERNAL TABLE would hand to the catalog. */
    public static Table external(String name, StorageDescriptor storage, List<Column> partitionKeys,
                                 Map<String, String> parameters) {
        return new Table(name, null, null, null, null, null, null, 0, storage, partitionKeys, null, null,
                "EXTERNAL_TABLE", parameters, null, null, null);
    }

    Table placed(String database, Instant created, Instant updated, String version) {
        return new Table(name, database, description, owner, created, updated, lastAccessTime, retention,
                storageDescriptor, partitionKeys == null ? List.of() : partitionKeys, viewOriginalText,
                viewExpandedText, tableType, parameters, createdBy, GlueCatalog.CATALOG_ID, version);
    }

    Table named(String newName) {
        return new Table(newName, databaseName, description, owner, createTime, updateTime, lastAccessTime,
                retention, storageDescriptor, partitionKeys, viewOriginalText, viewExpandedText, tableType,
                parameters, createdBy, catalogId, versionId);
    }
}
