package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ExtendedS3 destination's record format conversion (JSON in, Parquet out), as CreateDeliveryStream
 * configures it (https://docs.aws.amazon.com/firehose/latest/APIReference/API_DataFormatConversionConfiguration.html,
 * https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion.html).
 *
 * @param enabled       Enabled, true when omitted; a disabled configuration is kept and echoed only
 * @param configuration the configuration as given, echoed by DescribeDeliveryStream
 * @param schema        the Glue table holding the columns
 * @param deserializer  how JSON keys are matched to columns and timestamps read
 * @param compression   ParquetSerDe.Compression: SNAPPY (default), GZIP or UNCOMPRESSED
 * @param writerVersion ParquetSerDe.WriterVersion: V1 (default) or V2
 */
record FormatConversion(
        boolean enabled,
        JsonNode configuration,
        SchemaReference schema,
        JsonDeserializer deserializer,
        String compression,
        String writerVersion) {

    /** BufferingHints.SizeInMBs below this is refused while conversion is enabled. */
    static final int MIN_SIZE_MB = 64;
    /** The buffer size a converting stream gets when BufferingHints.SizeInMBs is not given. */
    static final int DEFAULT_SIZE_MB = 128;

    /**
     * SchemaConfiguration: which Glue table holds the columns.
     *
     * @param versionId the table version to read, or {@code LATEST} (the default) for the newest
     */
    record SchemaReference(String roleArn, String catalogId, String databaseName, String tableName, String region,
                           String versionId) {
    }

    /**
     * The deserializer: OpenX JSON SerDe (case-insensitive keys by default, ColumnToJsonKeyMappings,
     * ConvertDotsInJsonKeysToUnderscores) or Hive JSON SerDe (TimestampFormats)
     * (https://docs.aws.amazon.com/firehose/latest/APIReference/API_OpenXJsonSerDe.html,
     * https://docs.aws.amazon.com/firehose/latest/APIReference/API_HiveJsonSerDe.html).
     *
     * @param columnToJsonKey  column name (lower-cased) → the JSON key that holds it
     * @param timestampFormats Joda-style patterns, or {@code millis}; Hive only
     */
    record JsonDeserializer(boolean openX, boolean caseInsensitive, boolean dotsToUnderscores,
                            Map<String, String> columnToJsonKey, List<String> timestampFormats) {
    }

    /**
     * Reads the configuration, which the protocol core has held to the model (ParquetSerDe's bounds and
     * enums, SchemaConfiguration's non-empty members without whitespace, checked even when conversion is
     * disabled, as AWS does), then, when enabled, checks the rules CreateDeliveryStream enforces in code, in
     * this order (InvalidArgumentException):
     * compression UNCOMPRESSED, SizeInMBs at least 64, the three parts present, one deserializer, one
     * serializer, the schema's role, database and table.
     *
     * @param compressionFormat  the destination's CompressionFormat
     * @param explicitSizeInMBs  BufferingHints.SizeInMBs as given, or null
     */
    static FormatConversion parse(JsonNode node, String compressionFormat, Integer explicitSizeInMBs) {
        JsonNode input = node.path("InputFormatConfiguration");
        JsonNode output = node.path("OutputFormatConfiguration");
        JsonNode schemaNode = node.path("SchemaConfiguration");
        JsonNode parquet = output.path("Serializer").path("ParquetSerDe");

        boolean enabled = node.path("Enabled").asBoolean(true);
        if (!enabled) {
            return new FormatConversion(false, node.deepCopy(), null, null, null, null);
        }
        if (!"UNCOMPRESSED".equals(compressionFormat)) {
            throw FirehoseErrors.invalidArgument("The S3 destination's compression format must be set to UNCOMPRESSED"
                    + " when data format conversion is enabled. To enable compression within the converted output"
                    + " format, set the appropriate serialization option in the output format configuration.");
        }
        if (explicitSizeInMBs != null && explicitSizeInMBs < MIN_SIZE_MB) {
            throw FirehoseErrors.invalidArgument("BufferingHints.SizeInMBs must be at least " + MIN_SIZE_MB
                    + " when data format conversion is enabled.");
        }
        requirePresent(input, "InputFormatConfiguration");
        requirePresent(output, "OutputFormatConfiguration");
        requirePresent(schemaNode, "SchemaConfiguration");
        JsonNode openX = input.path("Deserializer").path("OpenXJsonSerDe");
        JsonNode hive = input.path("Deserializer").path("HiveJsonSerDe");
        exactlyOne(present(openX), present(hive), "Deserializer", "deserializer");
        JsonNode orc = output.path("Serializer").path("OrcSerDe");
        exactlyOne(present(parquet), present(orc), "Serializer", "serializer");
        SchemaReference schema = schema(schemaNode);
        if (present(orc)) {
            // DuckDB, which writes the converted objects, has no ORC writer.
            throw new AwsException("NotImplemented", "The embedded emulator does not implement Firehose record format"
                    + " conversion to ORC (OrcSerDe): it writes converted records with DuckDB, which cannot write ORC."
                    + " Use ParquetSerDe instead, or run this against --target localstack or a real account.", 501);
        }
        return new FormatConversion(true, node.deepCopy(), schema, present(openX) ? openX(openX) : hive(hive),
                parquet.path("Compression").asText("SNAPPY"), parquet.path("WriterVersion").asText("V1"));
    }

    /** The configuration as DescribeDeliveryStream shows it: as given, with Enabled spelled out. */
    ObjectNode describe() {
        ObjectNode d = configuration.deepCopy();
        d.put("Enabled", enabled);
        return d;
    }

    private static SchemaReference schema(JsonNode node) {
        String role = requiredMember(node, "RoleARN", "RoleArn");
        String database = requiredMember(node, "DatabaseName", "DatabaseName");
        String table = requiredMember(node, "TableName", "TableName");
        return new SchemaReference(role, text(node, "CatalogId"), database, table, text(node, "Region"),
                text(node, "VersionId") == null ? "LATEST" : text(node, "VersionId"));
    }

    private static JsonDeserializer openX(JsonNode node) {
        Map<String, String> mappings = new LinkedHashMap<>();
        node.path("ColumnToJsonKeyMappings").fields().forEachRemaining(
                e -> mappings.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return new JsonDeserializer(true, node.path("CaseInsensitive").asBoolean(true),
                node.path("ConvertDotsInJsonKeysToUnderscores").asBoolean(false), Map.copyOf(mappings), List.of());
    }

    private static JsonDeserializer hive(JsonNode node) {
        List<String> formats = new ArrayList<>();
        node.path("TimestampFormats").forEach(f -> formats.add(f.asText()));
        return new JsonDeserializer(false, true, false, Map.of(), List.copyOf(formats));
    }

    private static void requirePresent(JsonNode node, String name) {
        if (!present(node)) {
            throw FirehoseErrors.invalidArgument(name + " must not be null");
        }
    }

    private static void exactlyOne(boolean first, boolean second, String name, String noun) {
        if (!first && !second) {
            throw FirehoseErrors.invalidArgument(name + " must not be null");
        }
        if (first && second) {
            throw FirehoseErrors.invalidArgument("More than one " + noun + " specified. Only one may be chosen.");
        }
    }

    private static String requiredMember(JsonNode node, String member, String spelledInMessage) {
        String value = text(node, member);
        if (value == null || value.isEmpty()) {
            throw FirehoseErrors.invalidArgument("SchemaConfiguration." + spelledInMessage + " must not be null or empty");
        }
        return value;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    private static String text(JsonNode node, String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.asText();
    }
}
