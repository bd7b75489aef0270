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
 * its run-unique name again.
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
            return CheckResult.fail("missing in s3://" + bucket + ": " + String.join(", ", missing),
                    uploadHint(bucket, missing.get(0)) + " (and the same for the others)");
        }
        return CheckResult.pass("s3://" + bucket + "/formats/ holds " + String.join(", ", S3DataFormatsLab.KEYS.values()));
    }

    static CheckResult readsBack(LabContext ctx, String format, SalesReader reader, String hint) {
        String bucket = S3DataFormatsLab.bucket(ctx);
        String key = S3DataFormatsLab.KEYS.get(format);
        Optional<byte[]> bytes = download(ctx.s3(), bucket, key);
        if (bytes.isEmpty()) {
            return CheckResult.fail("s3://" + bucket + "/" + key + " not found", uploadHint(bucket, key));
        }
        List<Sale> sales;
        try {
            sales = reader.read(bytes.get());
        } catch (Exception e) {
            return CheckResult.fail("cannot read " + key + " as " + format + ": " + e, hint);
        }
        List<Sale> expected = SalesDataset.generate();
        Optional<String> difference = SalesComparison.firstDifference(expected, sales);
        if (difference.isPresent()) {
            return CheckResult.fail(key + " " + difference.get(), hint);
        }
        return CheckResult.pass(String.format("%,d rows; the %d sampled rows equal the expected ones",
                sales.size(), SalesComparison.sampleSize(sales.size())));
    }

    static CheckResult avroCarriesSchema(LabContext ctx) throws Exception {
        String bucket = S3DataFormatsLab.bucket(ctx);
        String key = S3DataFormatsLab.KEYS.get("Avro");
        Optional<byte[]> avro = download(ctx.s3(), bucket, key);
        if (avro.isEmpty()) {
            return CheckResult.fail("s3://" + bucket + "/" + key + " not found", uploadHint(bucket, key));
        }
        Schema schema;
        try {
            schema = AvroFormat.schemaOf(avro.get());
        } catch (Exception e) {
            return CheckResult.fail("not an Avro object container file: " + e,
                    "Write the file with an Avro library's file writer (DataFileWriter, fastavro.writer), not raw records.");
        }
        Map<String, String> found = AvroFormat.fieldTypes(schema);
        Map<String, String> expected = AvroFormat.fieldTypes(AvroFormat.SCHEMA);
        if (!found.equals(expected)) {
            return CheckResult.fail("the header's schema has " + found + ", expected " + expected,
                    "Write the file with the schema in labs/s3-data-formats/sales.avsc.");
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
            return CheckResult.fail("s3://" + bucket + "/" + key + " not found", uploadHint(bucket, key));
        }
        Map<String, String> found;
        try {
            found = ParquetFormat.columnTypes(parquet.get());
        } catch (Exception e) {
            return CheckResult.fail("not a Parquet file: " + e, "Write it with COPY ... TO 'sales.parquet' (FORMAT parquet).");
        }
        if (!found.equals(ParquetFormat.COLUMN_TYPES)) {
            return CheckResult.fail("the footer's columns are " + found + ", expected " + ParquetFormat.COLUMN_TYPES,
                    "Give each column its type when you write it (see the COPY statement in the guide):"
                            + " a price is DECIMAL(10,2), not VARCHAR or DOUBLE.");
        }
        return CheckResult.pass("columns " + found);
    }

    static CheckResult parquetIsSnappy(LabContext ctx) throws Exception {
        String bucket = S3DataFormatsLab.bucket(ctx);
        String key = S3DataFormatsLab.KEYS.get("Parquet");
        Optional<byte[]> parquet = download(ctx.s3(), bucket, key);
        if (parquet.isEmpty()) {
            return CheckResult.fail("s3://" + bucket + "/" + key + " not found", uploadHint(bucket, key));
        }
        Set<String> codecs;
        try {
            codecs = ParquetFormat.compressions(parquet.get());
        } catch (Exception e) {
            return CheckResult.fail("not a Parquet file: " + e, "Write it with COPY ... TO 'sales.parquet' (FORMAT parquet).");
        }
        if (!codecs.equals(Set.of("SNAPPY"))) {
            return CheckResult.fail("column chunks are compressed with " + codecs,
                    "Add COMPRESSION snappy to the COPY options.");
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
                return CheckResult.fail("s3://" + bucket + "/" + format.getValue() + " not found",
                        uploadHint(bucket, format.getValue()));
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
                    "Write Parquet with typed columns and COMPRESSION snappy.");
        }
        return CheckResult.pass(String.format("Parquet is %.0f%% of CSV", 100.0 * parquet / csv));
    }

    /** The AWS CLI command that uploads the file for {@code key}, e.g. {@code formats/sales.csv}. */
    private static String uploadHint(String bucket, String key) {
        String file = key.substring(key.lastIndexOf('/') + 1);
        return "Create " + file + " (see \"Your task\" in the guide), then: aws s3 cp " + file + " s3://" + bucket + "/" + key;
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
