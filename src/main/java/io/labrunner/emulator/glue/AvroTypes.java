package io.labrunner.emulator.glue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Avro schema types as Hive types, the way Glue's Avro classifier names them. */
final class AvroTypes {
    private AvroTypes() {
    }

    static String hive(Schema schema) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
            LogicalTypes.Decimal d = (LogicalTypes.Decimal) schema.getLogicalType();
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        if (schema.getLogicalType() != null) {
            String logical = schema.getLogicalType().getName();
            if (logical.equals("date")) {
                return "date";
            }
            if (logical.startsWith("timestamp")) {
                return "timestamp";
            }
        }
        switch (schema.getType()) {
            case RECORD:
                return "struct<" + schema.getFields().stream()
                        .map(f -> f.name().toLowerCase(Locale.ROOT) + ":" + hive(f.schema()))
                        .collect(Collectors.joining(",")) + ">";
            case ARRAY: return "array<" + hive(schema.getElementType()) + ">";
            case MAP: return "map<string," + hive(schema.getValueType()) + ">";
            case UNION: {
                List<Schema> nonNull = schema.getTypes().stream()
                        .filter(s -> s.getType() != Schema.Type.NULL).toList();
                return nonNull.size() == 1 ? hive(nonNull.get(0)) : "string";
            }
            case INT: return "int";
            case LONG: return "bigint";
            case FLOAT: return "float";
            case DOUBLE: return "double";
            case BOOLEAN: return "boolean";
            case BYTES: case FIXED: return "binary";
            default: return "string";
        }
    }
}
