package io.labrunner.labs.s3dataformats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Sales as an Avro object container file: a header that holds the schema (as JSON), then the
 * rows in compact binary, row after row. Any reader can decode the file from its header alone.
 * No compression codec is set, so the sizes show the encoding itself.
 */
public final class AvroFormat {

    /** The schema written into every file's header; the same as {@code labs/s3-data-formats/sales.avsc}. */
    public static final Schema SCHEMA = SchemaBuilder.record("Sale")
            .namespace("io.labrunner.labs.s3dataformats")
            .fields()
            .requiredLong("order_id")
            .requiredInt("customer_id")
            .requiredString("product")
            .requiredInt("quantity")
            .name("unit_price").type(LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES))).noDefault()
            .name("ordered_at").type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .optionalString("coupon_code")
            .name("tags").type().array().items().stringType().noDefault()
            .endRecord();

    // Lets Avro turn BigDecimal and Instant into their logical types and back.
    private static final GenericData MODEL = new GenericData();

    static {
        MODEL.addLogicalTypeConversion(new Conversions.DecimalConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    }

    private AvroFormat() {
    }

    public static byte[] write(List<Sale> sales) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA, MODEL))) {
            writer.create(SCHEMA, out);
            for (Sale sale : sales) {
                GenericRecord row = new GenericData.Record(SCHEMA);
                row.put("order_id", sale.orderId());
                row.put("customer_id", sale.customerId());
                row.put("product", sale.product());
                row.put("quantity", sale.quantity());
                row.put("unit_price", sale.unitPrice());
                row.put("ordered_at", sale.orderedAt());
                row.put("coupon_code", sale.couponCode());
                row.put("tags", sale.tags());
                writer.append(row);
            }
        }
        return out.toByteArray();
    }

    /** Reads with the schema found in the file's own header (the writer's schema). */
    public static List<Sale> read(byte[] avro) throws IOException {
        List<Sale> sales = new ArrayList<>();
        GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(null, null, MODEL);
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableByteArrayInput(avro), datumReader)) {
            for (GenericRecord row : reader) {
                Object coupon = row.get("coupon_code");
                List<String> tags = new ArrayList<>();
                for (Object tag : (List<?>) row.get("tags")) {
                    tags.add(tag.toString()); // Avro strings arrive as Utf8
                }
                sales.add(new Sale(
                        (Long) row.get("order_id"),
                        (Integer) row.get("customer_id"),
                        row.get("product").toString(),
                        (Integer) row.get("quantity"),
                        ((BigDecimal) row.get("unit_price")).setScale(2),
                        (Instant) row.get("ordered_at"),
                        coupon == null ? null : coupon.toString(),
                        tags));
            }
        }
        return sales;
    }

    /** The schema stored in the file's header. */
    public static Schema schemaOf(byte[] avro) throws IOException {
        try (DataFileReader<GenericRecord> reader =
                     new DataFileReader<>(new SeekableByteArrayInput(avro), new GenericDatumReader<>())) {
            return reader.getSchema();
        }
    }

    /**
     * Field name to a short type: {@code long}, {@code decimal(10,2)}, {@code timestamp-millis},
     * {@code string or null}, {@code array<string>}. Two schemas that describe the same rows give
     * the same map.
     */
    public static Map<String, String> fieldTypes(Schema record) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Schema.Field field : record.getFields()) {
            types.put(field.name(), describe(field.schema()));
        }
        return types;
    }

    private static String describe(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal) {
            LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) logical;
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        if (logical != null) {
            return logical.getName();
        }
        switch (schema.getType()) {
            case UNION:
                List<String> branches = new ArrayList<>();
                schema.getTypes().forEach(branch -> branches.add(describe(branch)));
                return String.join(" or ", branches);
            case ARRAY:
                return "array<" + describe(schema.getElementType()) + ">";
            default:
                return schema.getType().getName();
        }
    }
}
