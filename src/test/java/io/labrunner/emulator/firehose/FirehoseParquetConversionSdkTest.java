package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.DataFormatConversionConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.ParquetCompression;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Firehose's record format conversion through the SDK: a Glue table made with the Glue client is the schema,
 * records put with the Firehose client come out of S3 as Parquet, read back here with DuckDB. The clock is the
 * test's and deliveries are triggered by the test ({@link FirehoseService#deliverDue()}), so a 60-second buffer
 * interval costs no waiting.
 */
class FirehoseParquetConversionSdkTest {
    private static final ManualClock CLOCK = new ManualClock();
    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";
    private static final String DATABASE = "stream_lake";
    private static FirehoseService service;
    private static Emulator emulator;
    private static FirehoseClient firehose;
    private static GlueClient glue;
    private static S3Client s3;
    private static AthenaClient athena;
    @TempDir
    Path temp;
    private String bucket;
    private String table;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0)
                .service(e -> service = new FirehoseService(FirehoseSettings.manual(CLOCK), e.objectStore(),
                        e.kinesisApi(), e.glueTables()))
                .build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        firehose = FirehoseClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        glue = GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        athena = AthenaClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        glue.createDatabase(b -> b.databaseInput(d -> d.name(DATABASE)));
    }

    @AfterAll
    static void stop() {
        firehose.close();
        glue.close();
        s3.close();
        athena.close();
        emulator.close();
    }

    @BeforeEach
    void newBucketAndTable() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        bucket = "fh-parquet-" + id;
        table = "events_" + id;
        s3.createBucket(b -> b.bucket(bucket));
    }

    private void createTable(Column... columns) {
        glue.createTable(b -> b.databaseName(DATABASE).tableInput(t -> t.name(table).tableType("EXTERNAL_TABLE")
                .storageDescriptor(sd -> sd.columns(columns).location("s3://" + bucket + "/data/")
                        .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                        .serdeInfo(s -> s.serializationLibrary(
                                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")))));
    }

    private static Column column(String name, String type) {
        return Column.builder().name(name).type(type).build();
    }

    /** A delivery stream converting to Parquet with OpenX and {@code table}, 64 MiB / 60 s buffers. */
    private String createConverting(String name, Consumer<DataFormatConversionConfiguration.Builder> conversion) {
        return createStream(name, d -> d.dataFormatConversionConfiguration(c -> conversion.accept(c
                .schemaConfiguration(s -> s.roleARN(ROLE).databaseName(DATABASE).tableName(table))
                .inputFormatConfiguration(i -> i.deserializer(x -> x.openXJsonSerDe(o -> { })))
                .outputFormatConfiguration(o -> o.serializer(x -> x.parquetSerDe(p -> { }))))));
    }

    private String createStream(String name, Consumer<ExtendedS3DestinationConfiguration.Builder> destination) {
        firehose.createDeliveryStream(b -> b.deliveryStreamName(name).extendedS3DestinationConfiguration(d ->
                destination.accept(d.bucketARN("arn:aws:s3:::" + bucket).roleARN(ROLE).prefix("data/")
                        .errorOutputPrefix("errors/!{firehose:error-output-type}/")
                        .bufferingHints(h -> h.sizeInMBs(64).intervalInSeconds(60)))));
        CLOCK.advance(Duration.ofSeconds(1));
        return name;
    }

    private void put(String stream, String... records) {
        PutRecordBatchResponse response = firehose.putRecordBatch(b -> b.deliveryStreamName(stream).records(
                Arrays.stream(records).map(r -> Record.builder().data(SdkBytes.fromUtf8String(r)).build()).toList()));
        assertThat(response.failedPutCount()).isZero();
    }

    private void waitOutTheInterval() {
        CLOCK.advance(Duration.ofSeconds(60));
        service.deliverDue();
    }

    private List<String> keys(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private byte[] object(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private Path parquetFile(String key) throws IOException {
        Path file = temp.resolve(UUID.randomUUID() + ".parquet");
        Files.write(file, object(key));
        return file;
    }

    /** Rows of a query over the file, every value as DuckDB prints it. */
    private static List<List<String>> query(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone='UTC'");
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Map<String, String> columnTypes(Path file) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (List<String> row : query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                + file + "'))")) {
            types.put(row.get(0), row.get(1));
        }
        return types;
    }

    @Test
    void convertedRecordsLandAsOneParquetObjectWithTheTablesColumnsTypesAndValues() throws Exception {
        createTable(column("id", "bigint"), column("name", "string"), column("qty", "int"),
                column("price", "double"), column("amount", "decimal(10,2)"), column("active", "boolean"),
                column("ts", "timestamp"), column("day", "date"), column("tags", "array<string>"),
                column("address", "struct<city:string,zip:int>"));
        String stream = createConverting("to-parquet", c -> { });
        put(stream, "{\"id\":1,\"name\":\"ada\",\"qty\":3,\"price\":1.5,\"amount\":12.345,\"active\":true,"
                        + "\"ts\":\"2026-02-07T15:13:01.39256Z\",\"day\":\"2026-02-07\",\"tags\":[\"a\",\"b\"],"
                        + "\"address\":{\"city\":\"Paris\",\"zip\":75001},\"ignored\":\"x\"}\n",
                "{\"id\":2,\"ts\":1518033528123}{\"id\":3,\"ts\":\"2017-2-7 15:13:01.14\"}");

        waitOutTheInterval();

        List<String> keys = keys("data/");
        assertThat(keys).singleElement().asString()
                .matches("data/\\d{4}/\\d{2}/\\d{2}/\\d{2}/to-parquet-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f-]{36}\\.parquet");
        byte[] body = object(keys.get(0));
        assertThat(new String(body, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        Path file = parquetFile(keys.get(0));
        assertThat(columnTypes(file)).containsExactly(Map.entry("id", "BIGINT"), Map.entry("name", "VARCHAR"),
                Map.entry("qty", "INTEGER"), Map.entry("price", "DOUBLE"), Map.entry("amount", "DECIMAL(10,2)"),
                Map.entry("active", "BOOLEAN"), Map.entry("ts", "TIMESTAMP"), Map.entry("day", "DATE"),
                Map.entry("tags", "VARCHAR[]"), Map.entry("address", "STRUCT(city VARCHAR, zip INTEGER)"));
        assertThat(query("SELECT id, name, qty, price, amount, active, ts, day, tags, address.city, address.zip"
                + " FROM read_parquet('" + file + "') ORDER BY id")).containsExactly(
                List.of("1", "ada", "3", "1.5", "12.35", "true", "2026-02-07 15:13:01.39256", "2026-02-07", "[a, b]",
                        "Paris", "75001"),
                Arrays.asList("2", null, null, null, null, null, "2018-02-07 19:58:48.123", null, null, null, null),
                Arrays.asList("3", null, null, null, null, null, "2017-02-07 15:13:01.14", null, null, null, null));
        assertThat(query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                .containsExactly(List.of("SNAPPY"));
    }

    @Test
    void openXMatchesKeysIgnoringCaseAndFollowsColumnMappingsAndDots() throws Exception {
        createTable(column("user_id", "bigint"), column("eventname", "string"), column("ts", "string"));
        String stream = createConverting("openx-keys", c -> c.inputFormatConfiguration(i -> i.deserializer(x -> x
                .openXJsonSerDe(o -> o.convertDotsInJsonKeysToUnderscores(true)
                        .columnToJsonKeyMappings(Map.of("ts", "timestamp"))))));
        put(stream, "{\"User.Id\":7,\"EventName\":\"click\",\"timestamp\":\"t1\"}");

        waitOutTheInterval();

        Path file = parquetFile(keys("data/").get(0));
        assertThat(query("SELECT user_id, eventname, ts FROM read_parquet('" + file + "')"))
                .containsExactly(List.of("7", "click", "t1"));
    }

    @Test
    void openXWithCaseInsensitiveFalseMatchesOnlyExactKeys() throws Exception {
        createTable(column("name", "string"));
        String stream = createConverting("case-sensitive", c -> c.inputFormatConfiguration(i -> i.deserializer(x -> x
                .openXJsonSerDe(o -> o.caseInsensitive(false)))));
        put(stream, "{\"Name\":\"upper\"}", "{\"name\":\"lower\"}");

        waitOutTheInterval();

        Path file = parquetFile(keys("data/").get(0));
        assertThat(query("SELECT name FROM read_parquet('" + file + "')"))
                .containsExactly(Arrays.asList((String) null), List.of("lower"));
    }

    @Test
    void recordsThatAreNotJsonOrDoNotFitTheSchemaLandInTheFormatConversionFailedErrorOutput() throws Exception {
        createTable(column("id", "bigint"), column("price", "double"));
        String stream = createConverting("with-errors", c -> { });
        String notJson = "this is not json\n";
        String mismatch = "{\"id\":\"oops\"}\n";
        put(stream, "{\"id\":1,\"price\":2.5}\n", notJson, mismatch);

        waitOutTheInterval();

        Path file = parquetFile(keys("data/").get(0));
        assertThat(query("SELECT id, price FROM read_parquet('" + file + "')")).containsExactly(List.of("1", "2.5"));
        List<String> errorKeys = keys("errors/");
        assertThat(errorKeys).singleElement().asString()
                .matches("errors/format-conversion-failed/with-errors-1-\\d{4}(-\\d{2}){5}-[0-9a-f-]{36}");
        List<String> lines = new String(object(errorKeys.get(0)), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode parseError = Json.mapper().readTree(lines.get(0));
        assertThat(parseError.path("lastErrorCode").asText()).isEqualTo("DataFormatConversion.ParseError");
        assertThat(parseError.path("lastErrorMessage").asText()).startsWith("Encountered malformed JSON.");
        assertThat(Base64.getDecoder().decode(parseError.path("rawData").asText()))
                .isEqualTo(notJson.getBytes(StandardCharsets.UTF_8));
        assertThat(parseError.path("dataCatalogTable").path("databaseName").asText()).isEqualTo(DATABASE);
        assertThat(parseError.path("dataCatalogTable").path("tableName").asText()).isEqualTo(table);
        assertThat(parseError.path("dataCatalogTable").path("versionId").asText()).isEqualTo("LATEST");
        assertThat(parseError.path("attemptsMade").asInt()).isEqualTo(1);
        assertThat(parseError.path("arrivalTimestamp").asLong()).isEqualTo(CLOCK.millis() - 60_000);
        JsonNode malformed = Json.mapper().readTree(lines.get(1));
        assertThat(malformed.path("lastErrorCode").asText()).isEqualTo("DataFormatConversion.MalformedData");
        assertThat(malformed.path("lastErrorMessage").asText()).contains("Data does not match the schema.", "oops");
        assertThat(Base64.getDecoder().decode(malformed.path("rawData").asText()))
                .isEqualTo(mismatch.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingGlueTableIsAcceptedAtCreationAndSendsEveryRecordToTheErrorOutput() throws Exception {
        String stream = createConverting("no-table", c -> { });
        put(stream, "{\"id\":1}", "{\"id\":2}");

        waitOutTheInterval();

        assertThat(keys("data/")).isEmpty();
        List<String> lines = new String(object(keys("errors/").get(0)), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(Json.mapper().readTree(line)
                .path("lastErrorCode").asText()).isEqualTo("DataFormatConversion.EntityNotFound"));
    }

    @Test
    void theHiveJsonSerDeReadsTheGivenTimestampFormatsAndRefusesNumbersGivenAsStrings() throws Exception {
        createTable(column("id", "int"), column("ts", "timestamp"));
        String stream = createConverting("hive", c -> c.inputFormatConfiguration(i -> i.deserializer(x -> x
                .hiveJsonSerDe(h -> h.timestampFormats("dd/MM/yyyy HH:mm", "millis")))));
        put(stream, "{\"id\":1,\"ts\":\"07/02/2026 15:13\"}", "{\"id\":2,\"ts\":1518033528123}", "{\"id\":\"3\"}");

        waitOutTheInterval();

        Path file = parquetFile(keys("data/").get(0));
        assertThat(query("SELECT id, CAST(ts AS VARCHAR) FROM read_parquet('" + file + "') ORDER BY id")).containsExactly(
                List.of("1", "2026-02-07 15:13:00"), List.of("2", "2018-02-07 19:58:48.123"));
        String error = new String(object(keys("errors/").get(0)), StandardCharsets.UTF_8);
        assertThat(Json.mapper().readTree(error).path("lastErrorCode").asText())
                .isEqualTo("DataFormatConversion.MalformedData");
    }

    @Test
    void parquetSerDeCompressionChoosesTheCodecOfTheDataPages() throws Exception {
        createTable(column("id", "bigint"));
        String stream = createConverting("gzip-pages", c -> c.outputFormatConfiguration(o -> o.serializer(x -> x
                .parquetSerDe(p -> p.compression(ParquetCompression.GZIP)))));
        put(stream, "{\"id\":1}");

        waitOutTheInterval();

        Path file = parquetFile(keys("data/").get(0));
        assertThat(query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                .containsExactly(List.of("GZIP"));
    }

    @Test
    void describeShowsTheConversionAndA128MibDefaultBuffer() {
        createTable(column("id", "bigint"));
        firehose.createDeliveryStream(b -> b.deliveryStreamName("described").extendedS3DestinationConfiguration(d -> d
                .bucketARN("arn:aws:s3:::" + bucket).roleARN(ROLE)
                .dataFormatConversionConfiguration(c -> c
                        .schemaConfiguration(s -> s.roleARN(ROLE).databaseName(DATABASE).tableName(table))
                        .inputFormatConfiguration(i -> i.deserializer(x -> x.openXJsonSerDe(o -> { })))
                        .outputFormatConfiguration(o -> o.serializer(x -> x.parquetSerDe(p -> { }))))));

        var extended = firehose.describeDeliveryStream(b -> b.deliveryStreamName("described"))
                .deliveryStreamDescription().destinations().get(0).extendedS3DestinationDescription();
        assertThat(extended.bufferingHints().sizeInMBs()).isEqualTo(128);
        assertThat(extended.dataFormatConversionConfiguration().enabled()).isTrue();
        assertThat(extended.dataFormatConversionConfiguration().schemaConfiguration().tableName()).isEqualTo(table);
        assertThat(extended.dataFormatConversionConfiguration().outputFormatConfiguration().serializer().parquetSerDe())
                .isNotNull();
    }

    @Test
    void aBufferUnder64MibWithConversionIsAnInvalidArgument() {
        assertThatThrownBy(() -> createStream("small-buffer", d -> d.bufferingHints(h -> h.sizeInMBs(5))
                .dataFormatConversionConfiguration(c -> c
                        .schemaConfiguration(s -> s.roleARN(ROLE).databaseName(DATABASE).tableName(table))
                        .inputFormatConfiguration(i -> i.deserializer(x -> x.openXJsonSerDe(o -> { })))
                        .outputFormatConfiguration(o -> o.serializer(x -> x.parquetSerDe(p -> { }))))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("BufferingHints.SizeInMBs must be at least 64 when data format conversion is enabled.");
    }

    /** A converting destination with everything right, for tests that break one part of it. */
    private DataFormatConversionConfiguration.Builder valid(DataFormatConversionConfiguration.Builder c) {
        return c.schemaConfiguration(s -> s.roleARN(ROLE).databaseName(DATABASE).tableName(table))
                .inputFormatConfiguration(i -> i.deserializer(x -> x.openXJsonSerDe(o -> { })))
                .outputFormatConfiguration(o -> o.serializer(x -> x.parquetSerDe(p -> { })));
    }

    @Test
    void s3CompressionOtherThanUncompressedWithConversionIsAnInvalidArgument() {
        assertThatThrownBy(() -> createStream("gzip-s3", d -> d.compressionFormat(CompressionFormat.GZIP)
                .dataFormatConversionConfiguration(c -> valid(c))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("The S3 destination's compression format must be set to UNCOMPRESSED"
                        + " when data format conversion is enabled.");
    }

    @Test
    void aSchemaConfigurationWithoutTableNameIsAnInvalidArgument() {
        assertThatThrownBy(() -> createStream("no-table-name", d -> d.dataFormatConversionConfiguration(c -> valid(c)
                .schemaConfiguration(s -> s.roleARN(ROLE).databaseName(DATABASE)))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("SchemaConfiguration.TableName must not be null or empty");
    }

    @Test
    void conversionWithoutSchemaConfigurationIsAnInvalidArgument() {
        assertThatThrownBy(() -> createStream("no-schema", d -> d.dataFormatConversionConfiguration(c -> c
                .inputFormatConfiguration(i -> i.deserializer(x -> x.openXJsonSerDe(o -> { })))
                .outputFormatConfiguration(o -> o.serializer(x -> x.parquetSerDe(p -> { }))))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("SchemaConfiguration must not be null");
    }

    @Test
    void twoDeserializersAreAnInvalidArgument() {
        assertThatThrownBy(() -> createStream("two-deserializers", d -> d.dataFormatConversionConfiguration(c -> valid(c)
                .inputFormatConfiguration(i -> i.deserializer(x -> x.openXJsonSerDe(o -> { }).hiveJsonSerDe(h -> { }))))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("More than one deserializer specified. Only one may be chosen.");
    }

    @Test
    void aParquetBlockSizeUnder64MibIsAValidationError() {
        assertThatThrownBy(() -> createStream("tiny-blocks", d -> d.dataFormatConversionConfiguration(c -> valid(c)
                .outputFormatConfiguration(o -> o.serializer(x -> x.parquetSerDe(p -> p.blockSizeBytes(1024)))))))
                .isInstanceOf(FirehoseException.class)
                .satisfies(e -> assertThat(((FirehoseException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("parquetSerDe.blockSizeBytes")
                .hasMessageContaining("Member must have value greater than or equal to 67108864");
    }

    @Test
    void orcIsRefusedAsNotImplementedPointingToParquet() {
        assertThatThrownBy(() -> createStream("orc", d -> d.dataFormatConversionConfiguration(c -> valid(c)
                .outputFormatConfiguration(o -> o.serializer(x -> x.orcSerDe(orc -> { }))))))
                .isInstanceOf(FirehoseException.class)
                .satisfies(e -> {
                    FirehoseException f = (FirehoseException) e;
                    assertThat(f.statusCode()).isEqualTo(501);
                    assertThat(f.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                })
                .hasMessageContaining("ORC")
                .hasMessageContaining("ParquetSerDe");
        assertThat(firehose.listDeliveryStreams(b -> { }).deliveryStreamNames()).doesNotContain("orc");
    }

    @Test
    void aDisabledConversionIsKeptButRecordsAreDeliveredAsTheyCame() {
        String stream = createStream("disabled", d -> d.dataFormatConversionConfiguration(c -> valid(c).enabled(false)));
        put(stream, "{\"id\":1}");

        waitOutTheInterval();

        List<String> keys = keys("data/");
        assertThat(keys).singleElement().asString().doesNotEndWith(".parquet");
        assertThat(new String(object(keys.get(0)), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
        assertThat(firehose.describeDeliveryStream(b -> b.deliveryStreamName("disabled")).deliveryStreamDescription()
                .destinations().get(0).extendedS3DestinationDescription().dataFormatConversionConfiguration().enabled())
                .isFalse();
    }

    @Test
    void athenaQueriesTheConvertedObjectsThroughTheSameGlueTable() throws Exception {
        createTable(column("id", "bigint"), column("name", "string"), column("ts", "timestamp"));
        String stream = createConverting("for-athena", c -> { });
        put(stream, "{\"id\":2,\"NAME\":\"bob\",\"ts\":1518033528}", "{\"id\":1,\"name\":\"ada\"}");
        waitOutTheInterval();

        String id = athena.startQueryExecution(q -> q.queryString("SELECT id, name, ts FROM " + table + " ORDER BY id")
                .queryExecutionContext(c -> c.database(DATABASE))
                .resultConfiguration(r -> r.outputLocation("s3://" + bucket + "/athena-results/"))).queryExecutionId();
        QueryExecution execution = awaitQuery(id);
        assertThat(execution.status().state()).as(execution.status().stateChangeReason())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        List<List<String>> rows = new ArrayList<>();
        athena.getQueryResults(r -> r.queryExecutionId(id)).resultSet().rows()
                .forEach(row -> rows.add(row.data().stream().map(d -> d.varCharValue()).toList()));
        assertThat(rows).containsExactly(List.of("id", "name", "ts"),
                Arrays.asList("1", "ada", null), List.of("2", "bob", "2018-02-07 19:58:48.000"));
    }

    private static QueryExecution awaitQuery(String id) throws InterruptedException {
        for (int polls = 0; polls < 3000; polls++) {
            QueryExecution q = athena.getQueryExecution(g -> g.queryExecutionId(id)).queryExecution();
            if (q.status().state() != QueryExecutionState.QUEUED && q.status().state() != QueryExecutionState.RUNNING) {
                return q;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("query " + id + " did not finish");
    }
}
