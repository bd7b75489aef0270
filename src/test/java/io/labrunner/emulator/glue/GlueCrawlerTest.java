package io.labrunner.emulator.glue;

import static io.labrunner.emulator.glue.GlueCatalogApiTest.assertGlueError;
import static io.labrunner.emulator.glue.GlueCatalogApiTest.names;
import static io.labrunner.emulator.glue.GlueRequests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.iam.IamServiceTest;
import io.labrunner.emulator.iam.IamService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlueCrawlerTest {
    static final String ROLE_ARN = "arn:aws:iam::000000000000:role/service-role/AWSGlueServiceRole-lab";
    static final CrawlerTimings FAST = new CrawlerTimings(Duration.ofMillis(20), Duration.ofMillis(10));

    @TempDir
    Path blobRoot;
    IamService iam;
    GlueService glue;

    @BeforeEach
    void start() throws IOException {
        iam = new IamService();
        iam.handle(IamServiceTest.form("Action", "CreateRole", "RoleName", "AWSGlueServiceRole-lab",
                "Path", "/service-role/", "AssumeRolePolicyDocument", IamServiceTest.GLUE_TRUST));
        glue = new GlueService(new GlueCatalog(), blobRoot, iam.directory(), FAST);
        Files.createDirectories(blobRoot.resolve("lake"));
        call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'lab_db'}}");
    }

    @AfterEach
    void stop() {
        glue.close();
    }

    void write(String key, String content) throws IOException {
        Path file = blobRoot.resolve("lake").resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    void createCrawler(String name, String path, String extra) {
        call(glue, "CreateCrawler", "{'Name':'" + name + "','Role':'" + ROLE_ARN + "','DatabaseName':'lab_db',"
                + "'Targets':{'S3Targets':[{'Path':'" + path + "'}]}" + extra + "}");
    }

    /** Starts the crawler and polls GetCrawler until it is READY again, as a lab's waiter would. */
    JsonNode crawl(String name) {
        call(glue, "StartCrawler", "{'Name':'" + name + "'}");
        return waitUntilReady(name);
    }

    JsonNode waitUntilReady(String name) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode crawler = call(glue, "GetCrawler", "{'Name':'" + name + "'}").get("Crawler");
            if (crawler.get("State").asText().equals("READY")) {
                return crawler;
            }
            sleep(10);
        }
        return fail("crawler %s never became READY", name);
    }

    JsonNode table(String name) {
        return call(glue, "GetTable", "{'DatabaseName':'lab_db','Name':'" + name + "'}").get("Table");
    }

    JsonNode partitions(String table) {
        return call(glue, "GetPartitions", "{'DatabaseName':'lab_db','TableName':'" + table + "'}").get("Partitions");
    }

    static String columns(JsonNode table) {
        StringBuilder s = new StringBuilder();
        table.at("/StorageDescriptor/Columns").forEach(c -> s.append(s.length() == 0 ? "" : ", ")
                .append(c.get("Name").asText()).append(' ').append(c.get("Type").asText()));
        return s.toString();
    }

    @Test
    void csvWithHeaderBecomesAPartitionedTableTypedLikeGluesCsvClassifier() throws IOException {
        String csv = "id,amount,region,sold_at,paid\n1,9.5,EU,2024-01-02 10:00:00,true\n2,12,US,2024-01-03 11:30:00,false\n";
        write("sales/year=2024/month=01/part-0.csv", csv);
        write("sales/year=2024/month=02/part-0.csv", csv);
        createCrawler("sales-crawler", "s3://lake/sales/", "");

        JsonNode crawler = crawl("sales-crawler");

        assertThat(crawler.at("/LastCrawl/Status").asText()).isEqualTo("SUCCEEDED");
        JsonNode table = table("sales");
        assertThat(columns(table)).isEqualTo("id bigint, amount double, region string, sold_at string, paid boolean");
        assertThat(table.at("/StorageDescriptor/Location").asText()).isEqualTo("s3://lake/sales/");
        assertThat(table.at("/StorageDescriptor/SerdeInfo/SerializationLibrary").asText())
                .isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(table.at("/StorageDescriptor/SerdeInfo/Parameters/field.delim").asText()).isEqualTo(",");
        assertThat(table.at("/StorageDescriptor/InputFormat").asText()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(names(table.get("PartitionKeys"), "Name")).containsExactly("year", "month");
        assertThat(table.at("/PartitionKeys/0/Type").asText()).isEqualTo("string");
        assertThat(table.get("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
        JsonNode params = table.get("Parameters");
        assertThat(params.get("classification").asText()).isEqualTo("csv");
        assertThat(params.get("skip.header.line.count").asText()).isEqualTo("1");
        assertThat(params.get("delimiter").asText()).isEqualTo(",");
        assertThat(params.get("typeOfData").asText()).isEqualTo("file");
        assertThat(params.get("compressionType").asText()).isEqualTo("none");
        assertThat(params.get("recordCount").asText()).isEqualTo("4");
        assertThat(params.get("objectCount").asText()).isEqualTo("2");
        assertThat(params.get("sizeKey").asText()).isEqualTo(Integer.toString(2 * csv.length()));
        assertThat(params.get("UPDATED_BY_CRAWLER").asText()).isEqualTo("sales-crawler");
        assertThat(params.get("areColumnsQuoted").asText()).isEqualTo("false");

        JsonNode parts = partitions("sales");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).at("/Values").toString()).isEqualTo("[\"2024\",\"01\"]");
        assertThat(parts.get(0).at("/StorageDescriptor/Location").asText()).isEqualTo("s3://lake/sales/year=2024/month=01/");

        JsonNode metrics = call(glue, "GetCrawlerMetrics", "{'CrawlerNameList':['sales-crawler']}")
                .at("/CrawlerMetricsList/0");
        assertThat(metrics.get("TablesCreated").asInt()).isEqualTo(1);
        assertThat(metrics.get("TablesUpdated").asInt()).isZero();
        assertThat(metrics.get("LastRuntimeSeconds").asDouble()).isPositive();
    }

    @Test
    void csvWithoutHeaderGetsColumnNamesCol0Col1() throws IOException {
        write("raw/data.csv", "1,alpha,2.5\n2,beta,3.5\n3,gamma,4.5\n");
        createCrawler("c", "s3://lake/raw", "");
        crawl("c");
        JsonNode table = table("raw");
        assertThat(columns(table)).isEqualTo("col0 bigint, col1 string, col2 double");
        assertThat(table.get("Parameters").has("skip.header.line.count")).isFalse();
    }

    @Test
    void anAllStringCsvKeepsItsHeaderRowAsDataAsGlueDoes() throws IOException {
        write("people/p.csv", "name,city\nann,lisbon\nbob,porto\n");
        createCrawler("c", "s3://lake/people/", "");
        crawl("c");
        JsonNode table = table("people");
        assertThat(columns(table)).isEqualTo("col0 string, col1 string");
        assertThat(table.at("/Parameters/recordCount").asText()).isEqualTo("3");
        assertThat(table.get("Parameters").has("skip.header.line.count")).isFalse();
    }

    @Test
    void aSingleColumnCsvIsNotClassified() throws IOException {
        write("single/s.csv", "id\n1\n2\n3\n");
        createCrawler("c", "s3://lake/single/", "");
        crawl("c");
        assertThat(call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList")).isEmpty();
    }

    @Test
    void jsonLinesGetTheOpenxSerdeAndNestedTypes() throws IOException {
        write("events/day1.json", "{\"id\": 1, \"user\": \"ann\", \"views\": 5000000000, \"tags\": [\"a\",\"b\"], "
                + "\"geo\": {\"lat\": 1.5, \"country\": \"PT\"}, \"at\": \"2024-01-01\"}\n"
                + "{\"id\": 2, \"user\": \"bob\", \"views\": 7, \"tags\": [], \"geo\": {\"lat\": 2.5, \"country\": \"ES\"}, "
                + "\"at\": \"2024-01-02\"}\n");
        createCrawler("c", "s3://lake/events/", "");
        crawl("c");
        JsonNode table = table("events");
        assertThat(columns(table)).isEqualTo("id int, user string, views bigint, tags array<string>, "
                + "geo struct<lat:double,country:string>, at string");
        assertThat(table.at("/Parameters/classification").asText()).isEqualTo("json");
        assertThat(table.at("/StorageDescriptor/SerdeInfo/SerializationLibrary").asText())
                .isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(table.at("/StorageDescriptor/SerdeInfo/Parameters/paths").asText())
                .isEqualTo("at,geo,id,tags,user,views");
    }

    @Test
    void parquetKeepsItsOwnTypes() throws SQLException {
        Path file = blobRoot.resolve("lake/metrics/m.parquet");
        file.getParent().toFile().mkdirs();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT 1::INTEGER AS id, 10::BIGINT AS total, 'x' AS name, DATE '2024-01-01' AS day, "
                    + "TIMESTAMP '2024-01-01 10:00:00' AS at, 1.25::DECIMAL(10,2) AS price, 0.5::DOUBLE AS ratio, "
                    + "[1, 2]::INTEGER[] AS nums, {'a': 1::INTEGER, 'b': 'y'} AS s, true AS ok) TO '"
                    + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        createCrawler("c", "s3://lake/metrics/", "");
        crawl("c");
        JsonNode table = table("metrics");
        assertThat(columns(table)).isEqualTo("id int, total bigint, name string, day date, at timestamp, "
                + "price decimal(10,2), ratio double, nums array<int>, s struct<a:int,b:string>, ok boolean");
        assertThat(table.at("/Parameters/classification").asText()).isEqualTo("parquet");
        assertThat(table.at("/StorageDescriptor/SerdeInfo/SerializationLibrary").asText())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(table.at("/StorageDescriptor/InputFormat").asText())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
    }

    @Test
    void avroIsReadWithTheAvroSerde() throws IOException {
        Schema schema = SchemaBuilder.record("Ride").fields().requiredLong("id").optionalString("driver")
                .requiredDouble("fare").endRecord();
        Path file = blobRoot.resolve("lake/rides/r.avro");
        Files.createDirectories(file.getParent());
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, file.toFile());
            GenericRecord r = new GenericData.Record(schema);
            r.put("id", 1L);
            r.put("driver", "ann");
            r.put("fare", 9.5);
            writer.append(r);
        }
        createCrawler("c", "s3://lake/rides/", "");
        crawl("c");
        JsonNode table = table("rides");
        assertThat(columns(table)).isEqualTo("id bigint, driver string, fare double");
        assertThat(table.at("/Parameters/classification").asText()).isEqualTo("avro");
        assertThat(table.at("/Parameters/recordCount").asText()).isEqualTo("1");
    }

    @Test
    void unnamedSubfoldersBecomePartition0AndPartition1() throws IOException {
        write("logs/2024/01/a.csv", "level,msg\nINFO,up\nWARN,slow\n");
        write("logs/2024/02/a.csv", "level,msg\nINFO,up\nERROR,down\n");
        createCrawler("c", "s3://lake/logs/", "");
        crawl("c");
        JsonNode table = table("logs");
        assertThat(names(table.get("PartitionKeys"), "Name")).containsExactly("partition_0", "partition_1");
        assertThat(partitions("logs").get(1).get("Values").toString()).isEqualTo("[\"2024\",\"02\"]");
    }

    @Test
    void foldersWithDifferentSchemasBecomeSeparateTablesWithThePrefix() throws IOException {
        write("raw/customers/c.csv", "customer_id,name,email\n1,Ann,a@x\n2,Bob,b@x\n");
        write("raw/orders/o.csv", "order_id,amount,placed\n10,9.5,2024-01-01\n11,3.0,2024-01-02\n");
        write("raw/orders/_SUCCESS", "");
        createCrawler("c", "s3://lake/raw/", ",'TablePrefix':'raw_'");
        crawl("c");
        JsonNode tables = call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList");
        assertThat(names(tables, "Name")).containsExactly("raw_customers", "raw_orders");
        assertThat(table("raw_orders").get("PartitionKeys")).isEmpty();
    }

    @Test
    void combineCompatibleSchemasMakesOneTableOfDifferentFolders() throws IOException {
        write("raw/customers/c.csv", "customer_id,name,email\n1,Ann,a@x\n2,Bob,b@x\n");
        write("raw/orders/o.csv", "order_id,amount,placed\n10,9.5,2024-01-01\n11,3.0,2024-01-02\n");
        createCrawler("c", "s3://lake/raw/", ",'Configuration':'{\\'Version\\':1.0,\\'Grouping\\':"
                + "{\\'TableGroupingPolicy\\':\\'CombineCompatibleSchemas\\'}}'");
        crawl("c");
        JsonNode tables = call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList");
        assertThat(names(tables, "Name")).containsExactly("raw");
        assertThat(names(table("raw").get("PartitionKeys"), "Name")).containsExactly("partition_0");
    }

    @Test
    void theLogSchemaChangePolicyLeavesColumnsAloneButAddsPartitions() throws IOException {
        write("sales/year=2023/a.csv", "id,amount\n1,9.5\n2,3.5\n");
        createCrawler("c", "s3://lake/sales/", ",'SchemaChangePolicy':{'UpdateBehavior':'LOG','DeleteBehavior':'LOG'}");
        crawl("c");
        write("sales/year=2024/a.csv", "id,amount,currency\n3,9.5,EUR\n4,1.0,USD\n");
        crawl("c");
        assertThat(columns(table("sales"))).isEqualTo("id bigint, amount double");
        assertThat(partitions("sales")).hasSize(2);
    }

    @Test
    void gzippedCsvIsReadAndMarkedAsGzip() throws IOException {
        Path file = blobRoot.resolve("lake/zipped/a.csv.gz");
        Files.createDirectories(file.getParent());
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("id,name\n1,ann\n2,bob\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        createCrawler("c", "s3://lake/zipped/", "");
        crawl("c");
        JsonNode table = table("zipped");
        assertThat(columns(table)).isEqualTo("id bigint, name string");
        assertThat(table.at("/Parameters/compressionType").asText()).isEqualTo("gzip");
    }

    @Test
    void exclusionGlobsKeepFilesOutOfTheCrawl() throws IOException {
        write("mixed/a.csv", "id,amount\n1,9.5\n2,3.5\n");
        write("mixed/notes/readme.json", "{\"text\": \"ignore me\"}\n");
        call(glue, "CreateCrawler", "{'Name':'c','Role':'" + ROLE_ARN + "','DatabaseName':'lab_db',"
                + "'Targets':{'S3Targets':[{'Path':'s3://lake/mixed/','Exclusions':['**.json']}]}}");
        crawl("c");
        JsonNode tables = call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList");
        assertThat(names(tables, "Name")).containsExactly("mixed");
        assertThat(table("mixed").get("PartitionKeys")).isEmpty();
    }

    @Test
    void aBucketRootWithOnlyKeyValueFoldersIsOneTableNamedAfterTheBucket() throws IOException {
        Files.createDirectories(blobRoot.resolve("my-bucket"));
        Path file = blobRoot.resolve("my-bucket/foo=123/test.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "id,name\n1,test 1\n2,test 2\n");
        createCrawler("c", "s3://my-bucket", "");
        crawl("c");
        JsonNode table = table("my_bucket");
        assertThat(names(table.get("PartitionKeys"), "Name")).containsExactly("foo");
    }

    @Test
    void aRecrawlAddsNewColumnsAndNewPartitions() throws IOException {
        write("sales/year=2023/a.csv", "id,amount\n1,9.5\n2,3.5\n");
        createCrawler("c", "s3://lake/sales/", "");
        crawl("c");
        assertThat(columns(table("sales"))).isEqualTo("id bigint, amount double");

        write("sales/year=2024/a.csv", "id,amount,currency\n3,9.5,EUR\n4,1.0,USD\n");
        JsonNode crawler = crawl("c");

        assertThat(crawler.at("/LastCrawl/Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(columns(table("sales"))).isEqualTo("id bigint, amount double, currency string");
        assertThat(partitions("sales")).hasSize(2);
        JsonNode metrics = call(glue, "GetCrawlerMetrics", "{}").at("/CrawlerMetricsList/0");
        assertThat(metrics.get("TablesCreated").asInt()).isZero();
        assertThat(metrics.get("TablesUpdated").asInt()).isEqualTo(1);
    }

    @Test
    void aCrawlerCreatesItsDatabaseWhenMissing() throws IOException {
        write("sales/a.csv", "id,amount\n1,9.5\n2,3.5\n");
        call(glue, "CreateCrawler", "{'Name':'c','Role':'" + ROLE_ARN + "','DatabaseName':'New_DB',"
                + "'Targets':{'S3Targets':[{'Path':'s3://lake/sales/'}]}}");
        crawl("c");
        assertThat(call(glue, "GetTable", "{'DatabaseName':'new_db','Name':'sales'}").at("/Table/Name").asText())
                .isEqualTo("sales");
    }

    @Test
    void anEmptyPrefixMakesNoTablesAndSucceeds() {
        createCrawler("c", "s3://lake/nothing-here/", "");
        JsonNode crawler = crawl("c");
        assertThat(crawler.at("/LastCrawl/Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList")).isEmpty();
    }

    @Test
    void aLoneCsvLineIsNotEnoughForATable() throws IOException {
        write("tiny/a.csv", "1, 2, 3, 4");
        createCrawler("c", "s3://lake/tiny/", "");
        crawl("c");
        assertThat(call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList")).isEmpty();
    }

    @Test
    void createCrawlerRefusesARoleThatDoesNotExistOrDoesNotTrustGlue() {
        iam.handle(IamServiceTest.form("Action", "CreateRole", "RoleName", "ec2-only",
                "AssumeRolePolicyDocument", IamServiceTest.EC2_TRUST));
        for (String role : new String[] {"arn:aws:iam::000000000000:role/ghost", "ec2-only"}) {
            assertGlueError(() -> call(glue, "CreateCrawler", "{'Name':'c','Role':'" + role + "',"
                    + "'DatabaseName':'lab_db','Targets':{'S3Targets':[{'Path':'s3://lake/x/'}]}}"),
                    "InvalidInputException", "Service is unable to assume provided role. Please verify role's TrustPolicy");
        }
    }

    @Test
    void aCrawlWhoseRoleWasDeletedFails() throws IOException {
        write("sales/a.csv", "id,amount\n1,9.5\n2,3.5\n");
        createCrawler("c", "s3://lake/sales/", "");
        iam.handle(IamServiceTest.form("Action", "DeleteRole", "RoleName", "AWSGlueServiceRole-lab"));

        JsonNode crawler = crawl("c");

        assertThat(crawler.at("/LastCrawl/Status").asText()).isEqualTo("FAILED");
        assertThat(crawler.at("/LastCrawl/ErrorMessage").asText())
                .isEqualTo("Service is unable to assume provided role. Please verify role's TrustPolicy");
        assertThat(call(glue, "GetTables", "{'DatabaseName':'lab_db'}").get("TableList")).isEmpty();
    }

    @Test
    void aCrawlerOnAMissingBucketCannotBeCreated() {
        assertGlueError(() -> createCrawler("c", "s3://no-such-bucket/x/", ""),
                "InvalidInputException", "S3 bucket no-such-bucket does not exist.");
    }

    @Test
    void startingARunningCrawlerFailsAndStoppingItCancelsTheCrawl() throws IOException {
        glue.close();
        glue = new GlueService(new GlueCatalog(), blobRoot, iam.directory(),
                new CrawlerTimings(Duration.ofMinutes(5), Duration.ofMillis(10)));
        call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'lab_db'}}");
        write("sales/a.csv", "id,amount\n1,9.5\n2,3.5\n");
        createCrawler("c", "s3://lake/sales/", "");
        call(glue, "StartCrawler", "{'Name':'c'}");

        assertThat(call(glue, "GetCrawler", "{'Name':'c'}").at("/Crawler/State").asText()).isEqualTo("RUNNING");
        assertThat(call(glue, "GetTables", "{'DatabaseName':'lab_db'}").path("TableList"))
                .as("code that does not wait for the crawler sees no table").isEmpty();
        assertGlueError(() -> call(glue, "StartCrawler", "{'Name':'c'}"),
                "CrawlerRunningException", "Crawler with name c has already started");

        call(glue, "StopCrawler", "{'Name':'c'}");
        JsonNode crawler = waitUntilReady("c");
        assertThat(crawler.at("/LastCrawl/Status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void stoppingACrawlerThatIsNotRunningFails() {
        createCrawler("c", "s3://lake/sales/", "");
        assertGlueError(() -> call(glue, "StopCrawler", "{'Name':'c'}"),
                "CrawlerNotRunningException", "Crawler with name c isn't running.");
    }

    @Test
    void getCrawlerDescribesTheDefinitionAndItsDefaults() {
        createCrawler("c", "s3://lake/sales/", ",'Description':'d'");
        JsonNode crawler = call(glue, "GetCrawler", "{'Name':'c'}").get("Crawler");
        assertThat(crawler.get("State").asText()).isEqualTo("READY");
        assertThat(crawler.get("Role").asText()).isEqualTo(ROLE_ARN);
        assertThat(crawler.at("/Targets/S3Targets/0/Path").asText()).isEqualTo("s3://lake/sales/");
        assertThat(crawler.at("/SchemaChangePolicy/UpdateBehavior").asText()).isEqualTo("UPDATE_IN_DATABASE");
        assertThat(crawler.at("/SchemaChangePolicy/DeleteBehavior").asText()).isEqualTo("DEPRECATE_IN_DATABASE");
        assertThat(crawler.get("CreationTime").isNumber()).isTrue();
        assertThat(crawler.has("LastCrawl")).isFalse();
    }

    @Test
    void crawlersAreListedUpdatedAndDeleted() {
        createCrawler("b", "s3://lake/sales/", "");
        createCrawler("a", "s3://lake/sales/", "");
        assertGlueError(() -> createCrawler("a", "s3://lake/sales/", ""), "AlreadyExistsException", null);
        assertThat(call(glue, "ListCrawlers", "{}").get("CrawlerNames").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(call(glue, "GetCrawlers", "{}").get("Crawlers")).hasSize(2);

        call(glue, "UpdateCrawler", "{'Name':'a','TablePrefix':'p_'}");
        assertThat(call(glue, "GetCrawler", "{'Name':'a'}").at("/Crawler/TablePrefix").asText()).isEqualTo("p_");
        assertThat(call(glue, "GetCrawler", "{'Name':'a'}").at("/Crawler/Version").asInt()).isEqualTo(2);

        call(glue, "DeleteCrawler", "{'Name':'a'}");
        assertGlueError(() -> call(glue, "GetCrawler", "{'Name':'a'}"),
                "EntityNotFoundException", "Crawler entry with name a does not exist");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
