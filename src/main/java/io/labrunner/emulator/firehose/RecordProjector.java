package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.hive.HiveType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Firehose record as rows of the table: each JSON object in the record (a record may hold several,
 * {@code {"a":1}{"a":2}}, but not a JSON array of them) becomes one row holding exactly the table's columns,
 * each converted to its Hive type. A record that is not JSON is rejected as
 * {@code DataFormatConversion.ParseError}; one whose values do not fit as {@code DataFormatConversion.MalformedData}.
 */
final class RecordProjector {
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .forType(JsonNode.class);

    private final List<TableColumn> columns;
    private final ValueConverter converter;

    /** A table column with its parsed type. */
    record TableColumn(String name, HiveType type) {
    }

    RecordProjector(List<TableColumn> columns, FormatConversion.JsonDeserializer deserializer) {
        this.columns = columns;
        this.converter = new ValueConverter(deserializer);
    }

    /** The record's rows, in order. */
    List<ObjectNode> rows(byte[] record) {
        List<JsonNode> documents = documents(record);
        List<ObjectNode> rows = new ArrayList<>(documents.size());
        for (JsonNode document : documents) {
            if (!document.isObject()) {
                throw RecordRejected.mismatch("A record must hold JSON objects; found " + document.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (TableColumn column : columns) {
                JsonNode value = converter.keys().find((ObjectNode) document, column.name(), true);
                row.set(column.name(), converter.convert(value, column.type()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<JsonNode> documents(byte[] record) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = READER.readValues(record)) {
            while (values.hasNextValue()) {
                documents.add(values.nextValue());
            }
        } catch (IOException e) {
            // Firehose reads records with Jackson too, and reports its message.
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RecordRejected(RecordRejected.PARSE_ERROR, "Encountered malformed JSON. " + message);
        }
        if (documents.isEmpty()) {
            throw new RecordRejected(RecordRejected.PARSE_ERROR,
                    "Encountered malformed JSON. No content to map due to end-of-input");
        }
        return documents;
    }
}
