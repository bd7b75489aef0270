package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Avro schema resolution, as the guide explains it: a file written with the lab's schema, read
 * by programs that expect a newer schema.
 */
class AvroSchemaEvolutionTest {

    private static byte[] oldFile;

    @BeforeAll
    static void writeAFileWithTheLabsSchema() throws Exception {
        oldFile = AvroFormat.write(SalesDataset.generate().subList(0, 100));
    }

    @Test
    void aNewFieldWithADefaultIsFilledInAndADroppedFieldIsSkipped() throws Exception {
        Schema newer = SchemaBuilder.record("Sale").namespace("io.labrunner.labs.s3dataformats").fields()
                .requiredLong("order_id")
                .requiredString("product")
                .name("currency").type().stringType().stringDefault("EUR")
                .endRecord();

        List<GenericRecord> rows = readWith(newer);

        assertThat(rows).hasSize(100);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("currency")).hasToString("EUR");
            assertThat(row.getSchema().getField("tags")).isNull();
        });
        assertThat(rows.get(0).get("order_id")).isEqualTo(100_001L);
    }

    @Test
    void aNewFieldWithoutADefaultCannotBeRead() {
        Schema newer = SchemaBuilder.record("Sale").namespace("io.labrunner.labs.s3dataformats").fields()
                .requiredLong("order_id")
                .requiredString("currency")
                .endRecord();

        assertThatThrownBy(() -> readWith(newer)).isInstanceOf(AvroTypeException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void anIntFieldCanBeReadAsALong() throws Exception {
        Schema newer = SchemaBuilder.record("Sale").namespace("io.labrunner.labs.s3dataformats").fields()
                .requiredLong("customer_id")
                .endRecord();

        assertThat(readWith(newer).get(0).get("customer_id")).isInstanceOf(Long.class);
    }

    private static List<GenericRecord> readWith(Schema readerSchema) throws Exception {
        List<GenericRecord> rows = new ArrayList<>();
        // Writer's schema: taken from the file's header. Reader's schema: what this program expects.
        GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(null, readerSchema);
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableByteArrayInput(oldFile), datumReader)) {
            reader.forEach(rows::add);
        }
        return rows;
    }
}
