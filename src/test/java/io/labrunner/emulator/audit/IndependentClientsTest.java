package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.AwsClients;
import io.labrunner.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.bedrock.model.GuardrailContentFilterType;
import software.amazon.awssdk.services.bedrock.model.GuardrailFilterStrength;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Every read operation the emulator serves, parsed by clients that share no code with it: boto3
 * (checked against botocore's output shapes by {@code read_operations.py}, since botocore validates
 * nothing on output and silently drops members it does not know) and the AWS CLI v1. The resources
 * are created with the Java SDK, so each list has something in it.
 */
class IndependentClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "audit-crawler-role";
    private static final String ROLE_POLICY = "read-lake";
    private static final String BUCKET = "audit-lake";
    private static final String DATABASE = "audit_db";
    private static final String TABLE = "events";
    private static final String CRAWLER = "audit-crawler";
    private static final String WORK_GROUP = "audit-wg";
    private static final String STREAM = "audit-stream";
    private static final String DELIVERY_STREAM = "audit-delivery";
    private static final String GUARDRAIL = "audit-guardrail";
    private static final String EMBEDDING_MODEL = "amazon.titan-embed-text-v2:0";
    private static final String TEXT_MODEL = "amazon.nova-micro-v1:0";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String READ_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\"}]}";

    @TempDir
    static Path home;
    private static Emulator emulator;
    private static AwsClients sdk;
    private static ExternalClients external;
    private static final Map<String, String> created = new LinkedHashMap<>();
    private static JsonNode boto3Report;
    private static String boto3Missing;

    @BeforeAll
    static void createOneOfEverything() throws Exception {
        emulator = Emulator.builder().port(0).build().start();
        sdk = new AwsClients(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        external = new ExternalClients(home);
        createIamAndS3();
        createGlue();
        createAthena();
        createKinesisAndFirehose();
        createGuardrail();
        boto3Missing = external.boto3Missing();
        if (boto3Missing == null) {
            boto3Report = runBoto3();
        }
    }

    @AfterAll
    static void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> boto3ParsesEveryReadResponseIntoItsOutputShape() {
        assumeTrue(boto3Missing == null, () -> "boto3 audit skipped: " + boto3Missing);
        List<DynamicTest> tests = new ArrayList<>();
        expectations().forEach((operation, fields) -> tests.add(dynamicTest(
                operation + " answers a shape boto3 parses completely", () -> {
                    JsonNode result = boto3Report.path(operation);
                    assertThat(result.isMissingNode()).as("%s was called", operation).isFalse();
                    assertThat(result.path("problems")).as("%s shape problems", operation).isEmpty();
                    fields.forEach((pointer, expected) -> assertField(operation, result.path("parsed"), pointer, expected));
                })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theAwsCliShowsTheFieldsOfEveryListedResource() {
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI checks skipped: " + missing);
        return cliExpectations().entrySet().stream().map(e -> dynamicTest("aws " + String.join(" ", e.getKey()),
                () -> {
                    ExternalClients.Result result = external.aws(emulator.getEndpoint().toString(),
                            e.getKey().toArray(String[]::new));
                    assertThat(result.exitCode()).as("aws %s: %s", e.getKey(), result.stderr()).isZero();
                    JsonNode parsed = JSON.readTree(result.stdout());
                    e.getValue().forEach((pointer, expected) -> assertField("aws " + e.getKey(), parsed, pointer, expected));
                }));
    }

    @Test
    void theJavaSdkReadsListedRolesWithTheirNamesAndDatesAsSweepNeedsThem() {
        List<software.amazon.awssdk.services.iam.model.Role> roles = sdk.iam().listRolesPaginator().roles().stream().toList();

        assertThat(roles).singleElement().satisfies(r -> {
            assertThat(r.roleName()).isEqualTo(ROLE);
            assertThat(r.arn()).isEqualTo(roleArn());
            assertThat(r.createDate()).isNotNull();
        });
    }

    /** Expected values by JSON pointer into each parsed result; {@code "*"} means present and not empty. */
    private static Map<String, Map<String, String>> expectations() {
        Map<String, Map<String, String>> e = new LinkedHashMap<>();
        e.put("sts.GetCallerIdentity", Map.of("/Account", "000000000000", "/Arn", "arn:aws:iam::000000000000:root"));
        e.put("iam.ListRoles", Map.of("/Roles/0/RoleName", ROLE, "/Roles/0/Arn", roleArn(),
                "/Roles/0/Path", "/service-role/", "/Roles/0/RoleId", "*", "/Roles/0/CreateDate", "*",
                "/IsTruncated", "false"));
        e.put("iam.GetRole", Map.of("/Role/RoleName", ROLE, "/Role/Arn", roleArn(),
                "/Role/AssumeRolePolicyDocument/Statement/0/Principal/Service", "glue.amazonaws.com",
                "/Role/Tags/0/Key", "team"));
        e.put("iam.ListRolePolicies", Map.of("/PolicyNames/0", ROLE_POLICY));
        e.put("iam.GetRolePolicy", Map.of("/PolicyName", ROLE_POLICY, "/PolicyDocument/Statement/0/Action", "s3:GetObject"));
        e.put("iam.ListAttachedRolePolicies", Map.of("/AttachedPolicies/0/PolicyName", "AWSGlueServiceRole",
                "/AttachedPolicies/0/PolicyArn", "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));
        e.put("iam.ListRoleTags", Map.of("/Tags/0/Key", "team", "/Tags/0/Value", "data"));
        e.put("iam.ListAccountAliases", Map.of("/AccountAliases", "[]"));
        e.put("glue.GetDatabase", Map.of("/Database/Name", DATABASE, "/Database/CreateTime", "*"));
        e.put("glue.GetDatabases", Map.of("/DatabaseList/0/Name", DATABASE));
        e.put("glue.GetTable", Map.of("/Table/Name", TABLE, "/Table/DatabaseName", DATABASE,
                "/Table/StorageDescriptor/Columns/0/Name", "id", "/Table/PartitionKeys/0/Name", "year"));
        e.put("glue.GetTables", Map.of("/TableList/0/Name", TABLE, "/TableList/0/StorageDescriptor/Location",
                "s3://" + BUCKET + "/events/"));
        e.put("glue.GetPartition", Map.of("/Partition/Values/0", "2026", "/Partition/TableName", TABLE));
        e.put("glue.GetPartitions", Map.of("/Partitions/0/Values/0", "2026",
                "/Partitions/0/StorageDescriptor/Location", "s3://" + BUCKET + "/events/year=2026/"));
        e.put("glue.BatchGetPartition", Map.of("/Partitions/0/Values/0", "2026"));
        e.put("glue.GetCrawler", Map.of("/Crawler/Name", CRAWLER, "/Crawler/State", "READY",
                "/Crawler/Role", roleArn(), "/Crawler/Targets/S3Targets/0/Path", "s3://" + BUCKET + "/events/"));
        e.put("glue.GetCrawlers", Map.of("/Crawlers/0/Name", CRAWLER));
        e.put("glue.ListCrawlers", Map.of("/CrawlerNames/0", CRAWLER));
        e.put("glue.GetCrawlerMetrics", Map.of("/CrawlerMetricsList/0/CrawlerName", CRAWLER));
        e.put("athena.GetQueryExecution", Map.of("/QueryExecution/QueryExecutionId", created.get("query"),
                "/QueryExecution/Status/State", "SUCCEEDED", "/QueryExecution/WorkGroup", WORK_GROUP,
                "/QueryExecution/ResultConfiguration/OutputLocation", "*",
                "/QueryExecution/Statistics/DataScannedInBytes", "*"));
        e.put("athena.BatchGetQueryExecution", Map.of("/QueryExecutions/0/QueryExecutionId", created.get("query")));
        e.put("athena.GetQueryResults", Map.of("/ResultSet/Rows/0/Data/0/VarCharValue", "id",
                "/ResultSet/Rows/1/Data/1/VarCharValue", "a", "/ResultSet/ResultSetMetadata/ColumnInfo/0/Name", "id"));
        e.put("athena.ListQueryExecutions", Map.of("/QueryExecutionIds/0", "*"));
        e.put("athena.GetWorkGroup", Map.of("/WorkGroup/Name", WORK_GROUP, "/WorkGroup/State", "ENABLED",
                "/WorkGroup/Configuration/ResultConfiguration/OutputLocation", "s3://" + BUCKET + "/results/"));
        e.put("athena.ListWorkGroups", Map.of("/WorkGroups/0/Name", "*", "/WorkGroups/1/Name", "*"));
        e.put("kinesis.DescribeStream", Map.of("/StreamDescription/StreamName", STREAM,
                "/StreamDescription/StreamStatus", "ACTIVE", "/StreamDescription/Shards/0/ShardId", created.get("shard"),
                "/StreamDescription/Shards/0/HashKeyRange/StartingHashKey", "0"));
        e.put("kinesis.DescribeStreamSummary", Map.of("/StreamDescriptionSummary/StreamName", STREAM,
                "/StreamDescriptionSummary/OpenShardCount", "1", "/StreamDescriptionSummary/StreamARN", "*"));
        e.put("kinesis.ListStreams", Map.of("/StreamNames/0", STREAM, "/StreamSummaries/0/StreamName", STREAM));
        e.put("kinesis.ListShards", Map.of("/Shards/0/ShardId", created.get("shard"),
                "/Shards/0/SequenceNumberRange/StartingSequenceNumber", "*"));
        e.put("kinesis.ListTagsForStream", Map.of("/Tags/0/Key", "team", "/Tags/0/Value", "data"));
        e.put("kinesis.GetShardIterator", Map.of("/ShardIterator", "*"));
        e.put("kinesis.GetRecords", Map.of("/Records/0/Data", "hello", "/Records/0/PartitionKey", "pk",
                "/Records/0/SequenceNumber", "*"));
        e.put("firehose.DescribeDeliveryStream", Map.of("/DeliveryStreamDescription/DeliveryStreamName", DELIVERY_STREAM,
                "/DeliveryStreamDescription/DeliveryStreamStatus", "ACTIVE",
                "/DeliveryStreamDescription/Destinations/0/ExtendedS3DestinationDescription/BucketARN",
                "arn:aws:s3:::" + BUCKET));
        e.put("firehose.ListDeliveryStreams", Map.of("/DeliveryStreamNames/0", DELIVERY_STREAM));
        e.put("bedrock.ListFoundationModels", Map.of("/modelSummaries/0/modelId", "*", "/modelSummaries/0/modelArn", "*"));
        e.put("bedrock.GetFoundationModel", Map.of("/modelDetails/modelId", EMBEDDING_MODEL));
        e.put("bedrock.ListGuardrails", Map.of("/guardrails/0/name", GUARDRAIL, "/guardrails/0/id", created.get("guardrail"),
                "/guardrails/0/status", "READY"));
        e.put("bedrock.GetGuardrail", Map.of("/name", GUARDRAIL, "/guardrailId", created.get("guardrail"),
                "/contentPolicy/filters/0/type", "INSULTS"));
        e.put("bedrock-runtime.ApplyGuardrail", Map.of("/action", "NONE", "/outputs", "[]"));
        e.put("bedrock-runtime.Converse", Map.of("/output/message/role", "assistant",
                "/output/message/content/0/text", "*", "/stopReason", "*", "/usage/inputTokens", "*"));
        return e;
    }

    private static Map<List<String>, Map<String, String>> cliExpectations() {
        Map<List<String>, Map<String, String>> e = new LinkedHashMap<>();
        e.put(List.of("sts", "get-caller-identity"), Map.of("/Account", "000000000000"));
        e.put(List.of("iam", "list-roles"), Map.of("/Roles/0/RoleName", ROLE, "/Roles/0/Arn", roleArn()));
        e.put(List.of("iam", "list-attached-role-policies", "--role-name", ROLE),
                Map.of("/AttachedPolicies/0/PolicyName", "AWSGlueServiceRole"));
        e.put(List.of("glue", "get-tables", "--database-name", DATABASE), Map.of("/TableList/0/Name", TABLE,
                "/TableList/0/StorageDescriptor/Columns/1/Name", "name"));
        e.put(List.of("glue", "get-partitions", "--database-name", DATABASE, "--table-name", TABLE),
                Map.of("/Partitions/0/Values/0", "2026"));
        e.put(List.of("glue", "get-crawlers"), Map.of("/Crawlers/0/Name", CRAWLER, "/Crawlers/0/State", "READY"));
        e.put(List.of("athena", "list-work-groups"), Map.of("/WorkGroups/0/Name", "*"));
        e.put(List.of("athena", "get-query-execution", "--query-execution-id", created.get("query")),
                Map.of("/QueryExecution/Status/State", "SUCCEEDED"));
        e.put(List.of("kinesis", "list-shards", "--stream-name", STREAM), Map.of("/Shards/0/ShardId", created.get("shard")));
        e.put(List.of("kinesis", "describe-stream-summary", "--stream-name", STREAM),
                Map.of("/StreamDescriptionSummary/StreamStatus", "ACTIVE"));
        e.put(List.of("firehose", "list-delivery-streams"), Map.of("/DeliveryStreamNames/0", DELIVERY_STREAM));
        e.put(List.of("bedrock", "list-guardrails"), Map.of("/guardrails/0/name", GUARDRAIL));
        e.put(List.of("bedrock", "list-foundation-models"), Map.of("/modelSummaries/0/modelId", "*"));
        return e;
    }

    private static void assertField(String where, JsonNode root, String pointer, String expected) {
        JsonNode value = root.at(pointer);
        assertThat(value.isMissingNode()).as("%s: %s is present in %s", where, pointer, root).isFalse();
        String actual = value.isValueNode() ? value.asText() : value.toString();
        if ("*".equals(expected)) {
            assertThat(actual).as("%s: %s", where, pointer).isNotEmpty();
        } else {
            assertThat(actual).as("%s: %s", where, pointer).isEqualTo(expected);
        }
    }

    private static JsonNode runBoto3() throws Exception {
        Path script = home.resolve("read_operations.py");
        try (var in = IndependentClientsTest.class.getResourceAsStream("read_operations.py")) {
            Files.write(script, in.readAllBytes());
        }
        Map<String, String> names = new LinkedHashMap<>(Map.of("role", ROLE, "rolePolicy", ROLE_POLICY,
                "database", DATABASE, "table", TABLE, "partition", "2026", "crawler", CRAWLER,
                "workGroup", WORK_GROUP, "stream", STREAM, "deliveryStream", DELIVERY_STREAM, "model", EMBEDDING_MODEL));
        names.put("textModel", TEXT_MODEL);
        names.put("queryExecutionId", created.get("query"));
        names.put("shard", created.get("shard"));
        names.put("guardrailId", created.get("guardrail"));
        ExternalClients.Result result = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                emulator.getEndpoint().toString(), JSON.writeValueAsString(names)));
        if (result.exitCode() != 0) {
            throw new AssertionError("the boto3 audit script failed: " + result.stderr());
        }
        return JSON.readTree(result.stdout());
    }

    private static String roleArn() {
        return "arn:aws:iam::000000000000:role/service-role/" + ROLE;
    }

    private static void createIamAndS3() {
        sdk.iam().createRole(r -> r.roleName(ROLE).path("/service-role/").assumeRolePolicyDocument(TRUST)
                .description("Reads the audit lake").tags(Tag.builder().key("team").value("data").build()));
        sdk.iam().putRolePolicy(r -> r.roleName(ROLE).policyName(ROLE_POLICY).policyDocument(READ_POLICY));
        sdk.iam().attachRolePolicy(r -> r.roleName(ROLE)
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));
        sdk.s3().createBucket(b -> b.bucket(BUCKET));
        sdk.s3().putObject(o -> o.bucket(BUCKET).key("events/year=2026/part-0.csv"),
                RequestBody.fromString("1,a\n2,b\n", StandardCharsets.UTF_8));
    }

    private static void createGlue() {
        sdk.glue().createDatabase(d -> d.databaseInput(i -> i.name(DATABASE).description("audit")));
        sdk.glue().createTable(t -> t.databaseName(DATABASE).tableInput(i -> i.name(TABLE)
                .tableType("EXTERNAL_TABLE")
                .partitionKeys(Column.builder().name("year").type("string").build())
                .storageDescriptor(sd -> sd
                        .columns(Column.builder().name("id").type("bigint").build(),
                                Column.builder().name("name").type("string").build())
                        .location("s3://" + BUCKET + "/events/")
                        .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                        .serdeInfo(s -> s.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                .parameters(Map.of("field.delim", ","))))));
        sdk.glue().createPartition(p -> p.databaseName(DATABASE).tableName(TABLE).partitionInput(i -> i
                .values("2026").storageDescriptor(sd -> sd.location("s3://" + BUCKET + "/events/year=2026/"))));
        sdk.glue().createCrawler(c -> c.name(CRAWLER).role(roleArn()).databaseName(DATABASE)
                .targets(t -> t.s3Targets(s -> s.path("s3://" + BUCKET + "/events/"))));
    }

    private static void createAthena() throws InterruptedException {
        sdk.athena().createWorkGroup(w -> w.name(WORK_GROUP).configuration(c -> c
                .resultConfiguration(r -> r.outputLocation("s3://" + BUCKET + "/results/"))));
        String id = sdk.athena().startQueryExecution(q -> q.queryString("SELECT id, name FROM " + TABLE + " ORDER BY id")
                .queryExecutionContext(c -> c.database(DATABASE)).workGroup(WORK_GROUP)).queryExecutionId();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        QueryExecutionState state;
        do {
            Thread.sleep(50);
            state = sdk.athena().getQueryExecution(g -> g.queryExecutionId(id)).queryExecution().status().state();
        } while ((state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING)
                && Instant.now().isBefore(deadline));
        assertThat(state).as("the audit query").isEqualTo(QueryExecutionState.SUCCEEDED);
        created.put("query", id);
    }

    private static void createKinesisAndFirehose() {
        sdk.kinesis().createStream(s -> s.streamName(STREAM).shardCount(1));
        sdk.kinesis().waiter().waitUntilStreamExists(s -> s.streamName(STREAM));
        sdk.kinesis().putRecord(r -> r.streamName(STREAM).partitionKey("pk").data(SdkBytes.fromUtf8String("hello")));
        sdk.kinesis().addTagsToStream(t -> t.streamName(STREAM).tags(Map.of("team", "data")));
        created.put("shard", sdk.kinesis().listShards(l -> l.streamName(STREAM)).shards().get(0).shardId());
        sdk.firehose().createDeliveryStream(d -> d.deliveryStreamName(DELIVERY_STREAM)
                .extendedS3DestinationConfiguration(s -> s.bucketARN("arn:aws:s3:::" + BUCKET)
                        .roleARN("arn:aws:iam::000000000000:role/" + ROLE).prefix("firehose/")));
    }

    private static void createGuardrail() {
        created.put("guardrail", sdk.bedrock().createGuardrail(g -> g.name(GUARDRAIL)
                .blockedInputMessaging("Sorry, I cannot discuss that.")
                .blockedOutputsMessaging("Sorry, the answer was withheld.")
                .contentPolicyConfig(c -> c.filtersConfig(f -> f.type(GuardrailContentFilterType.INSULTS)
                        .inputStrength(GuardrailFilterStrength.HIGH).outputStrength(GuardrailFilterStrength.HIGH))))
                .guardrailId());
    }
}
