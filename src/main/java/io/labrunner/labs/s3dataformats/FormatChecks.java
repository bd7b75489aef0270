package io.labrunner.labs.s3dataformats;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The judgements of {@link S3DataFormatsLab}: each downloads what the learner uploaded and
 * looks at it. They run in a separate invocation from the upload, so they find the bucket by
 * its run-unique name again, and they compare with the generated rows, never with anything the
 * solution reports.
 *
 * <p>Each format's reader sits beside its writer, but the readers are held to files other tools
 * wrote (GuideCommandsTest: DuckDB's JSON Lines and Parquet, fastavro's Avro), so a writer's bug
 * cannot pass by meeting the same bug in its reader.
 */
final class FormatChecks {

    /** Reads one format's bytes back into sales. */
    @FunctionalInterface
    interface SalesReader {
        List<Sale> read(byte[] bytes) throws Exception;
    }

    private FormatChecks() {
    }

    static CheckResult allFilesPresent(LabContext ctx) {
        String bucket = S3DataFormatsLab.bucket(ctx);
        List<String> missing = new ArrayList<>();
        for (String key : S3DataFormatsLab.KEYS.values()) {
            if (size(ctx.s3(), bucket, key).isEmpty()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            List<String> keys = ctx.s3().listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream()
                    .map(o -> o.key()).toList();
            String seen = keys.isEmpty() ? "The bucket is empty." : "The bucket holds " + keys + ".";
            return CheckResult.fail("missing in s3://" + bucket + ": " + String.join(", ", missing) + ". " + seen,
                    "Not found: " + String.join(", ", missing) + ". " + seen,
                    "The checks look for exactly these keys: " + String.join(", ", S3DataFormatsLab.KEYS.values())
                            + " (prefix formats/, names as in the guide).",
                    uploadHint(missing.get(0)) + (missing.size() > 1 ? " (and the same for the others)" : ""));
        }
        return CheckResult.pass("s3://" + bucket + "/formats/ holds " + String.join(", ", S3DataFormatsLab.KEYS.values()));
    }

    static CheckResult readsBack(LabContext ctx, String format, SalesReader reader, String solution) {
        String bucket = S3DataFormatsLab.bucket(ctx);
        String key = S3DataFormatsLab.KEYS.get(format);
        Optional<byte[]> bytes = download(ctx.s3(), bucket, key);
        if (bytes.isEmpty()) {
            return notFound(bucket, key);
        }
        List<Sale> sales;
        try {
            sales = reader.read(bytes.get());
        } catch (Exception e) {
            return CheckResult.fail("cannot read " + key + " as " + format + ": " + e,
                    unreadable(format, bytes.get(), e),
                    "The check reads " + key + " with a " + format + " reader and maps each column by its name: "
                            + Sale.COLUMNS + ".",
                    solution);
        }
        List<Sale> expected = SalesDataset.generate();
        Optional<String> difference = SalesComparison.firstDifference(expected, sales);
        if (difference.isPresent()) {
            return CheckResult.fail(key + " " + difference.get(),
                    SaleDiagnosis.nudge(key, expected, sales),
                    "The check compares the row count and every " + SalesComparison.SAMPLE_STEP + "th sale (and the"
                            + " last) with the expected ones: " + difference.get(),
                    solution);
        }
        return CheckResult.pass(String.format("%,d rows; the %d sampled rows equal the expected ones",
                sales.size(), SalesComparison.sampleSize(sales.size())));
    }

    /** What an unreadable file looks like: for CSV, the header names the check could not find. */
    private static String unreadable(String format, byte[] bytes, Exception e) {
        if (format.equals("CSV")) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            String firstLine = text.lines().findFirst().orElse("");
            List<String> header = List.of(firstLine.split(",", -1));
            List<String> absent = Sale.COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!absent.isEmpty()) {
                return "The CSV's header row is \"" + firstLine + "\"; the check finds columns by name and misses "
                        + absent + ". Is the first line a header with the guide's column names?";
            }
            return "The CSV's header is right, but a value does not parse: " + e.getMessage();
        }
        return "The file does not read as " + format + " (" + e.getMessage() + "): was it written as " + format
                + ", or uploaded under the wrong name?";
    }

    static CheckResult avroCarriesSchema(LabContext ctx) throws Exception {
        String bucket = S3DataFormatsLab.bucket(ctx);
        String key = S3DataFormatsLab.KEYS.get("Avro");
        Optional<byte[]> avro = download(ctx.s3(), bucket, key);
        if (avro.isEmpty()) {
            return notFound(bucket, key);
        }
        Schema schema;
        try {
            schema = AvroFormat.schemaOf(avro.get());
        } catch (Exception e) {
            return CheckResult.fail("not an Avro object container file: " + e,
                    "sales.avro does not start with an Avro container header (the bytes Obj and 1, then the schema).",
                    "Write the file with an Avro library's file writer (DataFileWriter, fastavro.writer), not raw"
                            + " records one after another.",
                    "python3 to_avro.py (step 5 of the guide), then upload it again.");
        }
        Map<String, String> found = AvroFormat.fieldTypes(schema);
        Map<String, String> expected = AvroFormat.fieldTypes(AvroFormat.SCHEMA);
        if (!found.equals(expected)) {
            return CheckResult.fail("the header's schema has " + found + ", expected " + expected,
                    "The schema in the Avro header differs from sales.avsc in " + differingKeys(expected, found) + ".",
                    "The header holds the writer's schema: the one given to the writer, whatever the data was.",
                    "Write the file with the schema in labs/s3-data-formats/sales.avsc (step 5 of the guide).");
        }
        int schemaBytes = schema.toString().length();
        return CheckResult.pass(String.format("schema %s %s; its JSON takes about %,d of the file's %,d bytes",
                schema.getFullName(), found, schemaBytes, avro.get().length));
    }

    static CheckResult parquetCarriesSchema(LabContext ctx) throws Exception {
        String bucket = S3DataFormatsLab.bucket(ctx);
        String key = S3DataFormatsLab.KEYS.get("Parquet");
        Optional<byte[]> parquet = download(ctx.s3(), bucket, key);
        if (parquet.isEmpty()) {
            return notFound(bucket, key);
        }
        Map<String, String> found;
        try {
            found = ParquetFormat.columnTypes(parquet.get());
        } catch (Exception e) {
            return notParquet(e);
        }
        if (!found.equals(ParquetFormat.COLUMN_TYPES)) {
            return CheckResult.fail("the footer's columns are " + found + ", expected " + ParquetFormat.COLUMN_TYPES,
                    "The Parquet footer types these columns differently: "
                            + differingKeys(ParquetFormat.COLUMN_TYPES, found) + ".",
                    "Parquet keeps the types it was written with; a CSV read without column types comes out as"
                            + " guesses (a price as DOUBLE, a timestamp as VARCHAR). Give each column its type.",
                    "The read_csv(..., columns = {...}) in convert.sql names every type; run convert.sql with DuckDB (step 4).");
        }
        return CheckResult.pass("columns " + found);
    }

    static CheckResult parquetIsSnappy(LabContext ctx) throws Exception {
        String bucket = S3DataFormatsLab.bucket(ctx);
        String key = S3DataFormatsLab.KEYS.get("Parquet");
        Optional<byte[]> parquet = download(ctx.s3(), bucket, key);
        if (parquet.isEmpty()) {
            return notFound(bucket, key);
        }
        Set<String> codecs;
        try {
            codecs = ParquetFormat.compressions(parquet.get());
        } catch (Exception e) {
            return notParquet(e);
        }
        if (!codecs.equals(Set.of("SNAPPY"))) {
            return CheckResult.fail("column chunks are compressed with " + codecs,
                    "The Parquet file's column chunks are " + codecs + ", not SNAPPY.",
                    "Parquet compresses each column chunk with the codec its writer is told to use; the file says"
                            + " which in its footer (step 4 shows how to read it with DuckDB's parquet_metadata).",
                    "COPY sales TO 'sales.parquet' (FORMAT parquet, COMPRESSION snappy); then upload it again.");
        }
        return CheckResult.pass("every column chunk is SNAPPY");
    }

    /** Prints the size table, then passes when Parquet is smaller than both text formats. */
    static CheckResult parquetIsSmallest(LabContext ctx) {
        String bucket = S3DataFormatsLab.bucket(ctx);
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, String> format : S3DataFormatsLab.KEYS.entrySet()) {
            Optional<Long> size = size(ctx.s3(), bucket, format.getValue());
            if (size.isEmpty()) {
                return notFound(bucket, format.getValue());
            }
            sizes.put(format.getKey(), size.get());
        }
        long csv = sizes.get("CSV");
        ctx.note(String.format("%-12s %12s %10s", "format", "bytes", "vs CSV"));
        sizes.forEach((format, bytes) ->
                ctx.note(String.format("%-12s %,12d %9.0f%%", format, bytes, 100.0 * bytes / csv)));
        long parquet = sizes.get("Parquet");
        if (parquet >= csv || parquet >= sizes.get("JSON Lines")) {
            return CheckResult.fail("Parquet " + parquet + " bytes, CSV " + csv + ", JSON Lines " + sizes.get("JSON Lines"),
                    String.format("Parquet is %.0f%% of the CSV's size: not smaller. Look at the table above and at the"
                            + " two checks before, on its column types and compression.", 100.0 * parquet / csv),
                    "Typed binary columns, dictionary encoding and Snappy make this Parquet about a quarter of the"
                            + " CSV; text columns and no compression lose most of that.",
                    "Run convert.sql with DuckDB (step 4: typed columns, COMPRESSION snappy), then upload sales.parquet again.");
        }
        return CheckResult.pass(String.format("Parquet is %.0f%% of CSV", 100.0 * parquet / csv));
    }

    /** The AWS CLI command that uploads the file for {@code key}, e.g. {@code formats/sales.csv}. */
    private static String uploadHint(String key) {
        String file = key.substring(key.lastIndexOf('/') + 1);
        return "aws $ENDPOINT s3 cp " + file + " s3://$BUCKET/" + key;
    }

    private static CheckResult notFound(String bucket, String key) {
        return CheckResult.fail("s3://" + bucket + "/" + key + " not found",
                "There is no " + key + " in the bucket yet (the first check lists what is there).",
                "Make the file as in \"Your task\", then upload it under exactly that key.",
                uploadHint(key));
    }

    private static CheckResult notParquet(Exception e) {
        return CheckResult.fail("not a Parquet file: " + e,
                "sales.parquet does not read as Parquet (" + e.getMessage() + "): was another file uploaded under"
                        + " its name?",
                "A Parquet file starts and ends with the bytes PAR1; look: head -c 4 sales.parquet.",
                "convert.sql writes it with DuckDB (step 4: COPY ... (FORMAT parquet, COMPRESSION snappy)); upload it again.");
    }

    /** The keys whose values differ between two maps, with both values. */
    private static String differingKeys(Map<String, String> expected, Map<String, String> found) {
        List<String> parts = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (!v.equals(found.get(k))) {
                parts.add(k + " is " + found.get(k) + ", expected " + v);
            }
        });
        found.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> parts.add(k + " is not expected"));
        return String.join("; ", parts);
    }

    /** The object's bytes, or empty when there is no such key. */
    static Optional<byte[]> download(S3Client s3, String bucket, String key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key));
            return Optional.of(object.asByteArray());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The object's size from a HEAD request, or empty when there is no such key. */
    static Optional<Long> size(S3Client s3, String bucket, String key) {
        try {
            return Optional.of(s3.headObject(head -> head.bucket(bucket).key(key)).contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
