package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.hive.HiveType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Converts a buffer's records to one Parquet object with the Glue table's columns. Records that cannot be
 * converted are failed one by one, and the rest still convert; when the table itself cannot be used (missing,
 * no columns, a type Parquet conversion does not know), every record fails with the reason.
 */
final class FormatConverter {

    private FormatConverter() {
    }

    /** A record that did not convert, with Firehose's error code and message. */
    record Failure(DeliveryBuffer.Entry entry, String code, String message) {
    }

    /**
     * What a conversion produced.
     *
     * @param parquet  the Parquet object, or null when no record converted
     * @param failures the records for the error output, in arrival order
     */
    record Result(byte[] parquet, List<Failure> failures) {
    }

    static Result convert(FormatConversion conversion, GlueTables glue, List<DeliveryBuffer.Entry> entries) {
        List<RecordProjector.TableColumn> columns;
        try {
            columns = columns(conversion.schema(), glue);
        } catch (RecordRejected e) {
            return new Result(null, entries.stream().map(r -> new Failure(r, e.code(), e.getMessage())).toList());
        }
        RecordProjector projector = new RecordProjector(columns, conversion.deserializer());
        List<ObjectNode> rows = new ArrayList<>();
        List<DeliveryBuffer.Entry> converted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (DeliveryBuffer.Entry entry : entries) {
            try {
                rows.addAll(projector.rows(entry.data()));
                converted.add(entry);
            } catch (RecordRejected e) {
                failures.add(new Failure(entry, e.code(), e.getMessage()));
            }
        }
        if (rows.isEmpty()) {
            return new Result(null, failures);
        }
        try {
            return new Result(ParquetWriter.write(columns, rows, conversion.compression(), conversion.writerVersion()),
                    failures);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // The records were checked already, so this is the emulator's fault; they go to the error output
            // rather than being lost.
            // The cause names the converter's temporary files: it goes to the log, not into the user's bucket.
            LoggerFactory.getLogger(FormatConverter.class).warn("Parquet conversion failed", e);
            String message = "An internal error occurred while converting the records.";
            converted.forEach(entry -> failures.add(new Failure(entry, "InternalError", message)));
            return new Result(null, failures);
        }
    }

    /**
     * The table's columns, read at delivery as Firehose reads them: VersionId {@code LATEST} follows the
     * table's updates. The emulator has one catalog, the account's, shared by every region: Region only
     * appears in the error output, and another CatalogId finds nothing.
     * Codes and messages as Firehose logs them for conversion failures
     * (https://docs.aws.amazon.com/firehose/latest/dev/monitoring-with-cloudwatch-logs.html).
     */
    private static List<RecordProjector.TableColumn> columns(FormatConversion.SchemaReference schema, GlueTables glue) {
        boolean otherCatalog = schema.catalogId() != null && !schema.catalogId().equals(FirehoseErrors.ACCOUNT);
        GlueTables.TableSchema table = otherCatalog ? null
                : glue.table(schema.databaseName(), schema.tableName()).orElse(null);
        if (table == null) {
            throw new RecordRejected("DataFormatConversion.EntityNotFound", "The specified table/database could not"
                    + " be found. Ensure that the table and database exist and that the values provided in the schema"
                    + " configuration are correct, especially with regards to casing.");
        }
        if (!schema.versionId().equals("LATEST") && !schema.versionId().equals(table.versionId())) {
            throw new RecordRejected("DataFormatConversion.InvalidVersionId", "Could not find a matching schema from"
                    + " glue. Make sure the specified version of the table exists.");
        }
        if (table.columns().isEmpty()) {
            throw new RecordRejected("DataFormatConversion.NonExistentColumns", "Could not find a matching schema"
                    + " from glue. Make sure the table is configured with a non-null storage descriptor containing"
                    + " the target columns.");
        }
        List<RecordProjector.TableColumn> columns = new ArrayList<>();
        for (GlueTables.SchemaColumn c : table.columns()) {
            try {
                columns.add(new RecordProjector.TableColumn(c.name(), HiveType.parse(c.type())));
            } catch (IllegalArgumentException e) {
                throw new RecordRejected("DataFormatConversion.InvalidSchema", "The schema is invalid. Column "
                        + c.name() + ": " + e.getMessage());
            }
        }
        return columns;
    }
}
