package io.labrunner.emulator.glue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a crawled {@link Dataset} into the catalog entries Glue writes: table name rules, SerDe and
 * formats per classification, and the table parameters Glue's crawler sets.
 */
final class CrawledTables {
    static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    private CrawledTables() {
    }

    /** Glue names a crawled table after its folder: prefixed, lower-cased, other characters as underscores. */
    static String tableName(String prefix, String folderName) {
        return ((prefix == null ? "" : prefix) + folderName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** A fresh table definition for the dataset. */
    static Table table(String name, Dataset dataset, String crawlerName) {
        FileSchema schema = dataset.schema();
        Map<String, String> params = parameters(schema, dataset.objectCount(), crawlerName);
        StorageDescriptor sd = storage(schema, dataset.location(), params);
        List<Column> keys = dataset.partitionKeys().stream().map(k -> Column.of(k, "string")).toList();
        return new Table(name, null, null, "owner", null, null, null, 0, sd, keys, null, null,
                "EXTERNAL_TABLE", params, null, null, null);
    }

    /**
     * The existing table after a recrawl: new columns appended after the known ones (Glue keeps the
     * column order it already has), statistics refreshed.
     */
    static Table merge(Table existing, Dataset dataset, String crawlerName) {
        Map<String, Column> columns = new LinkedHashMap<>();
        existing.storageDescriptor().columns().forEach(c -> columns.put(c.name(), c));
        for (Column c : dataset.schema().columns()) {
            columns.putIfAbsent(c.name(), c);
        }
        Map<String, String> params = parameters(dataset.schema(), dataset.objectCount(), crawlerName);
        StorageDescriptor sd = storage(dataset.schema(), existing.storageDescriptor().location(), params)
                .withColumns(new ArrayList<>(columns.values()));
        return new Table(existing.name(), existing.databaseName(), existing.description(), existing.owner(),
                existing.createTime(), existing.updateTime(), existing.lastAccessTime(), existing.retention(), sd,
                existing.partitionKeys(), existing.viewOriginalText(), existing.viewExpandedText(),
                existing.tableType(), params, existing.createdBy(), existing.catalogId(), existing.versionId());
    }

    static Partition partition(List<String> values, Dataset.PartitionData data, Table table, String crawlerName) {
        Map<String, String> params = parameters(data.schema(), data.objectCount(), crawlerName);
        StorageDescriptor sd = storage(data.schema(), data.location(), params)
                .withColumns(table.storageDescriptor().columns());
        return new Partition(values, null, null, null, null, sd, params, null);
    }

    private static StorageDescriptor storage(FileSchema schema, String location, Map<String, String> params) {
        String input = TEXT_INPUT;
        String output = TEXT_OUTPUT;
        SerDeInfo serde;
        switch (schema.classification()) {
            case "csv":
                serde = new SerDeInfo(null, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                        Map.of("field.delim", schema.formatParams().get("delimiter")));
                break;
            case "json":
                TreeSet<String> paths = new TreeSet<>();
                schema.columns().forEach(c -> paths.add(c.name()));
                serde = new SerDeInfo(null, "org.openx.data.jsonserde.JsonSerDe",
                        Map.of("paths", String.join(",", paths)));
                break;
            case "parquet":
                input = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
                output = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
                serde = new SerDeInfo(null, "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                        Map.of("serialization.format", "1"));
                break;
            default:
                input = "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat";
                output = "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat";
                serde = new SerDeInfo(null, "org.apache.hadoop.hive.serde2.avro.AvroSerDe",
                        Map.of("avro.schema.literal", schema.formatParams().get("avro.schema.literal")));
        }
        return new StorageDescriptor(schema.columns(), location, input, output, !"none".equals(schema.compression()),
                -1, serde, List.of(), List.of(), params, false);
    }

    /** The parameters Glue's crawler writes on tables and partitions. */
    private static Map<String, String> parameters(FileSchema schema, int objects, String crawlerName) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CrawlerSchemaDeserializerVersion", "1.0");
        p.put("CrawlerSchemaSerializerVersion", "1.0");
        p.put("UPDATED_BY_CRAWLER", crawlerName);
        p.put("averageRecordSize", Long.toString(schema.records() == 0 ? 0 : schema.size() / schema.records()));
        p.put("classification", schema.classification());
        p.put("compressionType", schema.compression());
        p.put("objectCount", Integer.toString(objects));
        p.put("recordCount", Long.toString(schema.records()));
        p.put("sizeKey", Long.toString(schema.size()));
        p.put("typeOfData", "file");
        if (schema.classification().equals("csv")) {
            p.put("areColumnsQuoted", "false");
            p.put("columnsOrdered", "true");
            p.put("delimiter", schema.formatParams().get("delimiter"));
            if (Boolean.parseBoolean(schema.formatParams().get("header"))) {
                p.put("skip.header.line.count", "1");
            }
        }
        if (schema.classification().equals("avro")) {
            p.put("avro.schema.literal", schema.formatParams().get("avro.schema.literal"));
        }
        return p;
    }
}
