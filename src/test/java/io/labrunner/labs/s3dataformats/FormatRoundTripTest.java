package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each format gives back every sale it was given, value for value. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatRoundTripTest {

    private List<Sale> sales;
    private byte[] csv;
    private byte[] jsonLines;
    private byte[] avro;
    private byte[] parquet;

    @BeforeAll
    void writeEveryFormatOnce() throws Exception {
        sales = SalesDataset.generate();
        csv = CsvFormat.write(sales);
        jsonLines = JsonLinesFormat.write(sales);
        avro = AvroFormat.write(sales);
        parquet = ParquetFormat.write(sales);
        System.out.printf("sizes for %,d sales: CSV %,d  JSON Lines %,d  Avro %,d  Parquet %,d bytes%n",
                sales.size(), csv.length, jsonLines.length, avro.length, parquet.length);
    }

    @Test
    void csvGivesBackEverySale() throws Exception {
        assertThat(CsvFormat.read(csv)).isEqualTo(sales);
    }

    @Test
    void csvHasAHeaderRowAndQuotesFieldsHoldingCommasOrQuotes() {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("order_id,customer_id,product,quantity,unit_price,ordered_at,coupon_code,tags\n");
        assertThat(text).contains(",\"Notebook, A5 dotted\",").contains(",\"Mug \"\"Morning\"\" 350ml\",");
    }

    @Test
    void jsonLinesGivesBackEverySale() throws Exception {
        assertThat(JsonLinesFormat.read(jsonLines)).isEqualTo(sales);
    }

    @Test
    void jsonLinesWritesOneObjectPerLineWithRealNullsArraysAndExactPrices() {
        String[] lines = new String(jsonLines, StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(sales.size());
        assertThat(lines).anyMatch(line -> line.contains("\"coupon_code\":null"));
        assertThat(lines).anyMatch(line -> line.contains("\"tags\":[\"") && line.contains("\",\""));
        // A price like 12.30 keeps its trailing zero: it is written as a decimal, not a double.
        assertThat(lines).anyMatch(line -> line.matches(".*\"unit_price\":\\d+\\.\\d0,.*"));
    }

    @Test
    void avroGivesBackEverySale() throws Exception {
        assertThat(AvroFormat.read(avro)).isEqualTo(sales);
    }

    @Test
    void avroFileCarriesItsSchemaInTheHeader() throws Exception {
        assertThat(AvroFormat.schemaOf(avro)).isEqualTo(AvroFormat.SCHEMA);
        assertThat(AvroFormat.fieldTypes(AvroFormat.schemaOf(avro))).containsEntry("unit_price", "decimal(10,2)")
                .containsEntry("ordered_at", "timestamp-millis")
                .containsEntry("coupon_code", "null or string")
                .containsEntry("tags", "array<string>");
    }

    @Test
    void parquetGivesBackEverySale() throws Exception {
        assertThat(ParquetFormat.read(parquet)).isEqualTo(sales);
    }

    @Test
    void parquetFooterHasTypedColumns() throws Exception {
        assertThat(ParquetFormat.columnTypes(parquet)).containsExactlyEntriesOf(ParquetFormat.COLUMN_TYPES);
    }

    @Test
    void parquetIsSnappyCompressed() throws Exception {
        assertThat(ParquetFormat.compressions(parquet)).containsExactly("SNAPPY");
    }

    @Test
    void parquetIsSmallerThanCsvAndJsonLines() {
        assertThat(parquet.length).isLessThan(csv.length).isLessThan(jsonLines.length);
    }

    @Test
    void binaryFormatsAreSmallerThanText() {
        assertThat(avro.length).isLessThan(csv.length);
        assertThat(csv.length).isLessThan(jsonLines.length);
    }
}
