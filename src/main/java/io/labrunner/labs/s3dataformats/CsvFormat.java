package io.labrunner.labs.s3dataformats;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Sales as CSV (RFC 4180, UTF-8) with a header row. CSV has only text: every value is written
 * as a string, a null is an empty field, and the list of tags has to be squeezed into one field
 * ({@code gift|express}). Commons CSV quotes the fields that hold commas or quotes.
 */
public final class CsvFormat {

    /** Joins the tags of one sale inside a single CSV field. */
    static final String TAG_SEPARATOR = "|";

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder()
            .setHeader(Sale.COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private CsvFormat() {
    }

    public static byte[] write(List<Sale> sales) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (Sale sale : sales) {
                printer.printRecord(
                        sale.orderId(),
                        sale.customerId(),
                        sale.product(),
                        sale.quantity(),
                        sale.unitPrice().toPlainString(),
                        sale.orderedAt().toString(),
                        sale.couponCode(),
                        String.join(TAG_SEPARATOR, sale.tags()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads columns by their header name, so their order does not matter. */
    public static List<Sale> read(byte[] csv) throws IOException {
        List<Sale> sales = new ArrayList<>();
        String text = new String(csv, StandardCharsets.UTF_8);
        for (CSVRecord row : READ.parse(new StringReader(text))) {
            String coupon = row.get("coupon_code");
            String tags = row.get("tags");
            sales.add(new Sale(
                    Long.parseLong(row.get("order_id")),
                    Integer.parseInt(row.get("customer_id")),
                    row.get("product"),
                    Integer.parseInt(row.get("quantity")),
                    new BigDecimal(row.get("unit_price")).setScale(2),
                    Timestamps.parse(row.get("ordered_at")),
                    coupon.isEmpty() ? null : coupon,
                    tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\\|"))));
        }
        return sales;
    }
}
