package io.labrunner.labs.s3dataformats;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The same 10,000 sales stored in S3 four ways — CSV, JSON Lines, Avro and Parquet — then read
 * back, their schemas inspected and their sizes compared.
 */
public final class S3DataFormatsLab implements Lab {

    /** Format name to the object key it is stored under. */
    static final Map<String, String> KEYS = keys();

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("CSV", "formats/sales.csv");
        keys.put("JSON Lines", "formats/sales.jsonl");
        keys.put("Avro", "formats/sales.avro");
        keys.put("Parquet", "formats/sales.parquet");
        return keys;
    }

    @Override
    public LabInfo info() {
        return new LabInfo(
                "s3-data-formats",
                "Store one dataset in S3 as CSV, JSON Lines, Avro and Parquet",
                "Write 10,000 sales to S3 in four formats, read each back, look at the schema Avro and Parquet carry"
                        + " inside the file, and compare the sizes: row-based text, row-based binary, columnar binary.",
                "1 Data Preparation for Machine Learning",
                "1.1 Ingest and store data",
                List.of("Amazon S3"),
                20,
                "< $0.01",
                Set.of(Capability.S3));
    }

    /** The lab's bucket. The name depends only on the run id, so every phase finds it again. */
    static String bucket(RunNames ctx) {
        return ctx.name("data");
    }

    /** The guide's shell variable for the bucket. */
    @Override
    public Map<String, String> names(RunNames run) {
        return Map.of("BUCKET", bucket(run));
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> createBucket(ctx.s3(), bucket, ctx.tags())));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        S3Client s3 = ctx.s3();
        String bucket = bucket(ctx);
        List<Sale> sales = SalesDataset.generate();
        ctx.step("Upload CSV with a header row", () ->
                upload(s3, bucket, KEYS.get("CSV"), CsvFormat.write(sales), "text/csv"));
        ctx.step("Upload JSON Lines, one object per line", () ->
                upload(s3, bucket, KEYS.get("JSON Lines"), JsonLinesFormat.write(sales), "application/x-ndjson"));
        ctx.step("Upload Avro with its schema in the header", () ->
                upload(s3, bucket, KEYS.get("Avro"), AvroFormat.write(sales), "application/octet-stream"));
        ctx.step("Upload Parquet compressed with Snappy", () ->
                upload(s3, bucket, KEYS.get("Parquet"), ParquetFormat.write(sales), "application/octet-stream"));
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("All four files are in the bucket", FormatChecks::allFilesPresent),
                Check.of("The CSV file reads back as the same sales", ctx -> FormatChecks.readsBack(ctx, "CSV",
                        CsvFormat::read,
                        "Upload the CSV you were given, unchanged: aws $ENDPOINT s3 cp sales.csv"
                                + " s3://$BUCKET/formats/sales.csv")),
                Check.of("The JSON Lines file reads back as the same sales", ctx -> FormatChecks.readsBack(ctx,
                        "JSON Lines", JsonLinesFormat::read,
                        "Write it from the typed view in convert.sql (COPY sales TO 'sales.jsonl' (FORMAT json)),"
                                + " then aws $ENDPOINT s3 cp sales.jsonl s3://$BUCKET/formats/sales.jsonl")),
                Check.of("The Avro file reads back as the same sales", ctx -> FormatChecks.readsBack(ctx, "Avro",
                        AvroFormat::read,
                        "python3 to_avro.py (step 5 of the guide) writes it with sales.avsc; then"
                                + " aws $ENDPOINT s3 cp sales.avro s3://$BUCKET/formats/sales.avro")),
                Check.of("The Parquet file reads back as the same sales", ctx -> FormatChecks.readsBack(ctx,
                        "Parquet", ParquetFormat::read,
                        "Run convert.sql with DuckDB (step 4 names every column's type), then"
                                + " aws $ENDPOINT s3 cp sales.parquet s3://$BUCKET/formats/sales.parquet")),
                Check.of("The Avro file carries its schema in its header", FormatChecks::avroCarriesSchema),
                Check.of("The Parquet file carries typed columns in its footer", FormatChecks::parquetCarriesSchema),
                Check.of("The Parquet file is compressed with Snappy", FormatChecks::parquetIsSnappy),
                Check.of("Parquet is smaller than CSV and JSON Lines", FormatChecks::parquetIsSmallest));
    }

    private static String createBucket(S3Client s3, String bucket, Map<String, String> tags) {
        CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket);
        Region region = s3.serviceClientConfiguration().region();
        if (!Region.US_EAST_1.equals(region)) {
            // Outside us-east-1, S3 wants the bucket's region named in the request.
            request.createBucketConfiguration(config -> config.locationConstraint(region.id()));
        }
        s3.createBucket(request.build());
        s3.waiter().waitUntilBucketExists(head -> head.bucket(bucket));
        tagBucket(s3, bucket, tags);
        return bucket;
    }

    private static void tagBucket(S3Client s3, String bucket, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        List<Tag> tagSet = new ArrayList<>();
        tags.forEach((key, value) -> tagSet.add(Tag.builder().key(key).value(value).build()));
        try {
            s3.putBucketTagging(put -> put.bucket(bucket).tagging(tagging -> tagging.tagSet(tagSet)));
        } catch (S3Exception e) {
            // Tags matter on a real account (finding leftovers); an emulator may not implement them.
            if (e.statusCode() != 501) {
                throw e;
            }
        }
    }

    private static void upload(S3Client s3, String bucket, String key, byte[] bytes, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }
}
