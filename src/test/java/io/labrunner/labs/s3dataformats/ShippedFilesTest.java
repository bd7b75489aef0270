package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The files the learner starts from stay in step with the code the checks use. */
class ShippedFilesTest {

    private static final Path LAB_DIR = Path.of("labs", "s3-data-formats");

    @Test
    void shippedCsvIsTheGeneratedDataset() throws Exception {
        byte[] shipped = Files.readAllBytes(LAB_DIR.resolve("sales.csv"));
        assertThat(shipped).isEqualTo(CsvFormat.write(SalesDataset.generate()));
    }

    @Test
    void shippedAvroSchemaIsTheOneTheLabWrites() throws Exception {
        Schema shipped = new Schema.Parser().parse(LAB_DIR.resolve("sales.avsc").toFile());
        assertThat(shipped).isEqualTo(AvroFormat.SCHEMA);
    }
}
