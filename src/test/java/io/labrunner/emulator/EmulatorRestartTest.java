package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GuardrailTopicType;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every service's state survives a graceful restart on the same data directory, read back through
 * the SDK as a learner's own code would after stopping and starting {@code lab emulator --data DIR}.
 */
class EmulatorRestartTest {
    private static final String TRUST_GLUE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private static final String READ_LAKE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lake/*\"}]}";

    private static Emulator start(Path dataDir) {
        return Emulator.builder().port(0).dataDir(dataDir).build().start();
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(
            B builder, Emulator emulator) {
        return builder.endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(Clients.credentials(emulator)).build();
    }

    @Test
    void iamRolesWithTheirPoliciesSurviveARestart(@TempDir Path dataDir) {
        String roleId;
        try (Emulator first = start(dataDir); IamClient iam = client(IamClient.builder(), first)) {
            roleId = iam.createRole(r -> r.roleName("CrawlerRole").assumeRolePolicyDocument(TRUST_GLUE)).role().roleId();
            iam.putRolePolicy(r -> r.roleName("CrawlerRole").policyName("read").policyDocument(READ_LAKE));
            iam.attachRolePolicy(r -> r.roleName("CrawlerRole").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        }
        try (Emulator second = start(dataDir); IamClient iam = client(IamClient.builder(), second)) {
            assertThat(iam.getRole(r -> r.roleName("CrawlerRole")).role().roleId()).isEqualTo(roleId);
            assertThat(iam.listRolePolicies(r -> r.roleName("CrawlerRole")).policyNames()).containsExactly("read");
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName("CrawlerRole")).attachedPolicies())
                    .extracting(p -> p.policyArn()).containsExactly("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        }
    }

    @Test
    void customerManagedPoliciesWithTheirVersionsSurviveARestart(@TempDir Path dataDir) {
        String arn;
        try (Emulator first = start(dataDir); IamClient iam = client(IamClient.builder(), first)) {
            arn = iam.createPolicy(r -> r.policyName("read-lake").policyDocument(READ_LAKE)).policy().arn();
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(READ_LAKE).setAsDefault(true));
            iam.createRole(r -> r.roleName("Reader").assumeRolePolicyDocument(TRUST_GLUE));
            iam.attachRolePolicy(r -> r.roleName("Reader").policyArn(arn));
        }
        try (Emulator second = start(dataDir); IamClient iam = client(IamClient.builder(), second)) {
            assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v2");
            assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).hasSize(2);
            // Version numbers are never reused, across a restart too.
            assertThat(iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(READ_LAKE)).policyVersion()
                    .versionId()).isEqualTo("v3");
            String role = iam.getRole(r -> r.roleName("Reader")).role().arn();
            assertThat(iam.simulatePrincipalPolicy(r -> r.policySourceArn(role).actionNames("s3:GetObject")
                    .resourceArns("arn:aws:s3:::lake/a"))
                    .evaluationResults().get(0).matchedStatements()).singleElement()
                    .satisfies(m -> assertThat(m.sourcePolicyId()).isEqualTo("read-lake"));
        }
    }

    @Test
    void glueDatabasesTablesAndPartitionsSurviveARestartInTheirOrder(@TempDir Path dataDir) {
        try (Emulator first = start(dataDir); GlueClient glue = Clients.glue(first)) {
            glue.createDatabase(r -> r.databaseInput(d -> d.name("sales").description("kept")));
            glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                    .storageDescriptor(s -> s.location("s3://lake/orders/")
                            .columns(Column.builder().name("id").type("bigint").build()))
                    .partitionKeys(Column.builder().name("day").type("string").build())));
            glue.updateTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                    .storageDescriptor(s -> s.location("s3://lake/orders/")
                            .columns(Column.builder().name("id").type("bigint").build(),
                                    Column.builder().name("total").type("double").build()))
                    .partitionKeys(Column.builder().name("day").type("string").build())));
            for (String day : List.of("2026-12-03", "2026-12-01", "2026-12-02")) {
                glue.createPartition(r -> r.databaseName("sales").tableName("orders").partitionInput(p -> p.values(day)
                        .storageDescriptor(s -> s.location("s3://lake/orders/day=" + day + "/"))));
            }
            glue.deletePartition(r -> r.databaseName("sales").tableName("orders").partitionValues("2026-12-01"));
        }
        try (Emulator second = start(dataDir); GlueClient glue = Clients.glue(second)) {
            assertThat(glue.getDatabase(r -> r.name("sales")).database().description()).isEqualTo("kept");
            var table = glue.getTable(r -> r.databaseName("sales").name("orders")).table();
            assertThat(table.storageDescriptor().columns()).extracting(Column::name).containsExactly("id", "total");
            assertThat(table.versionId()).isEqualTo("1");
            assertThat(glue.getPartitions(r -> r.databaseName("sales").tableName("orders")).partitions())
                    .extracting(p -> p.values().get(0)).containsExactly("2026-12-03", "2026-12-02");
            // A partition added after the restart comes after the reloaded ones.
            glue.createPartition(r -> r.databaseName("sales").tableName("orders").partitionInput(p -> p.values("2026-12-04")
                    .storageDescriptor(s -> s.location("s3://lake/orders/day=2026-12-04/"))));
            assertThat(glue.getPartitions(r -> r.databaseName("sales").tableName("orders")).partitions())
                    .extracting(p -> p.values().get(0)).containsExactly("2026-12-03", "2026-12-02", "2026-12-04");
        }
    }

    @Test
    void aDeletedGlueDatabaseStaysDeletedAfterARestart(@TempDir Path dataDir) {
        try (Emulator first = start(dataDir); GlueClient glue = Clients.glue(first)) {
            glue.createDatabase(r -> r.databaseInput(d -> d.name("gone")));
            glue.createTable(r -> r.databaseName("gone").tableInput(t -> t.name("t")));
            glue.deleteDatabase(r -> r.name("gone"));
            glue.createDatabase(r -> r.databaseInput(d -> d.name("gone")));
        }
        try (Emulator second = start(dataDir); GlueClient glue = Clients.glue(second)) {
            assertThat(glue.getTables(r -> r.databaseName("gone")).tableList()).isEmpty();
        }
    }

    @Test
    void glueCrawlersAndTheirLastCrawlSurviveARestart(@TempDir Path dataDir) {
        try (Emulator first = start(dataDir); IamClient iam = client(IamClient.builder(), first);
                S3Client s3 = Clients.s3(first); GlueClient glue = Clients.glue(first)) {
            iam.createRole(r -> r.roleName("CrawlerRole").assumeRolePolicyDocument(TRUST_GLUE));
            s3.createBucket(b -> b.bucket("lake"));
            s3.putObject(b -> b.bucket("lake").key("orders/part-0.csv"), RequestBody.fromString("id,total\n1,2.5\n"));
            glue.createCrawler(r -> r.name("orders-crawler").role("CrawlerRole").databaseName("lake_db")
                    .targets(t -> t.s3Targets(x -> x.path("s3://lake/orders/"))));
            glue.startCrawler(r -> r.name("orders-crawler"));
            waitFor(() -> glue.getCrawler(r -> r.name("orders-crawler")).crawler().lastCrawl() != null
                    && glue.getCrawler(r -> r.name("orders-crawler")).crawler().stateAsString().equals("READY"));
        }
        try (Emulator second = start(dataDir); GlueClient glue = Clients.glue(second)) {
            var crawler = glue.getCrawler(r -> r.name("orders-crawler")).crawler();
            assertThat(crawler.stateAsString()).isEqualTo("READY");
            assertThat(crawler.lastCrawl().statusAsString()).isEqualTo("SUCCEEDED");
            assertThat(crawler.targets().s3Targets()).extracting(t -> t.path()).containsExactly("s3://lake/orders/");
            assertThat(glue.getTable(r -> r.databaseName("lake_db").name("orders")).table()
                    .storageDescriptor().columns()).extracting(Column::name).containsExactly("id", "total");
            assertThat(glue.getCrawlerMetrics(r -> r.crawlerNameList("orders-crawler")).crawlerMetricsList().get(0)
                    .tablesCreated()).isEqualTo(1);
        }
    }

    @Test
    void athenaQueryHistoryResultsAndWorkGroupsSurviveARestart(@TempDir Path dataDir) {
        String id;
        try (Emulator first = start(dataDir); S3Client s3 = Clients.s3(first);
                AthenaClient athena = client(AthenaClient.builder(), first)) {
            s3.createBucket(b -> b.bucket("results"));
            athena.createWorkGroup(r -> r.name("analysts").description("team")
                    .configuration(c -> c.resultConfiguration(x -> x.outputLocation("s3://results/analysts/"))));
            id = athena.startQueryExecution(r -> r.queryString("SELECT 42 AS answer").workGroup("analysts")
                    .clientRequestToken("token-that-is-long-enough-000000001")).queryExecutionId();
            waitFor(() -> athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status().state()
                    == QueryExecutionState.SUCCEEDED);
        }
        try (Emulator second = start(dataDir); AthenaClient athena = client(AthenaClient.builder(), second)) {
            assertThat(athena.getWorkGroup(r -> r.workGroup("analysts")).workGroup().description()).isEqualTo("team");
            assertThat(athena.listQueryExecutions(r -> r.workGroup("analysts")).queryExecutionIds()).containsExactly(id);
            var execution = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
            assertThat(execution.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
            assertThat(execution.query()).isEqualTo("SELECT 42 AS answer");
            assertThat(athena.getQueryResults(r -> r.queryExecutionId(id)).resultSet().rows().get(1).data().get(0)
                    .varCharValue()).isEqualTo("42");
            // The same client request token names the same query after a restart, as within one run.
            assertThat(athena.startQueryExecution(r -> r.queryString("SELECT 42 AS answer").workGroup("analysts")
                    .clientRequestToken("token-that-is-long-enough-000000001")).queryExecutionId()).isEqualTo(id);
        }
    }

    @Test
    void kinesisRecordsKeepTheirSequenceNumbersAndShardsTheirLineageAfterARestart(@TempDir Path dataDir) {
        List<String> sequenceNumbers;
        List<Shard> shardsBefore;
        try (Emulator first = start(dataDir); KinesisClient kinesis = client(KinesisClient.builder(), first)) {
            kinesis.createStream(r -> r.streamName("clicks").shardCount(1));
            waitFor(() -> kinesis.describeStreamSummary(r -> r.streamName("clicks")).streamDescriptionSummary()
                    .streamStatus() == StreamStatus.ACTIVE);
            kinesis.putRecord(r -> r.streamName("clicks").partitionKey("a").data(SdkBytes.fromUtf8String("first")));
            kinesis.increaseStreamRetentionPeriod(r -> r.streamName("clicks").retentionPeriodHours(48));
            kinesis.addTagsToStream(r -> r.streamName("clicks").tags(java.util.Map.of("team", "web")));
            String shardId = kinesis.listShards(r -> r.streamName("clicks")).shards().get(0).shardId();
            kinesis.splitShard(r -> r.streamName("clicks").shardToSplit(shardId)
                    .newStartingHashKey("170141183460469231731687303715884105728"));
            waitFor(() -> kinesis.describeStreamSummary(r -> r.streamName("clicks")).streamDescriptionSummary()
                    .streamStatus() == StreamStatus.ACTIVE);
            kinesis.putRecords(r -> r.streamName("clicks").records(
                    x -> x.partitionKey("a").data(SdkBytes.fromUtf8String("second")),
                    x -> x.partitionKey("b").data(SdkBytes.fromUtf8String("third"))));
            shardsBefore = kinesis.listShards(r -> r.streamName("clicks")).shards();
            sequenceNumbers = readAll(kinesis, shardsBefore).stream().map(Record::sequenceNumber).toList();
        }
        try (Emulator second = start(dataDir); KinesisClient kinesis = client(KinesisClient.builder(), second)) {
            var summary = kinesis.describeStreamSummary(r -> r.streamName("clicks")).streamDescriptionSummary();
            assertThat(summary.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(summary.retentionPeriodHours()).isEqualTo(48);
            assertThat(kinesis.listTagsForStream(r -> r.streamName("clicks")).tags())
                    .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=web");
            List<Shard> shardsAfter = kinesis.listShards(r -> r.streamName("clicks")).shards();
            assertThat(shardsAfter).isEqualTo(shardsBefore);
            List<Record> records = readAll(kinesis, shardsAfter);
            assertThat(records).extracting(Record::sequenceNumber).isEqualTo(sequenceNumbers);
            assertThat(records).extracting(r -> r.data().asUtf8String())
                    .containsExactlyInAnyOrder("first", "second", "third");
            assertThat(sequenceNumbers).hasSize(3);
            // New records follow the reloaded ones in their shard.
            String next = kinesis.putRecord(r -> r.streamName("clicks").partitionKey("a")
                    .data(SdkBytes.fromUtf8String("fourth"))).sequenceNumber();
            assertThat(next).isNotIn(sequenceNumbers);
        }
    }

    private static List<Record> readAll(KinesisClient kinesis, List<Shard> shards) {
        List<Record> all = new java.util.ArrayList<>();
        for (Shard shard : shards) {
            String iterator = kinesis.getShardIterator(r -> r.streamName("clicks").shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            all.addAll(kinesis.getRecords(r -> r.shardIterator(iterator)).records());
        }
        return all;
    }

    @Test
    void aBufferedFirehoseRecordIsDeliveredWhenTheEmulatorStopsAndTheStreamIsStillThereAfter(@TempDir Path dataDir)
            throws Exception {
        try (Emulator first = start(dataDir); S3Client s3 = Clients.s3(first);
                FirehoseClient firehose = client(FirehoseClient.builder(), first)) {
            s3.createBucket(b -> b.bucket("landing"));
            firehose.createDeliveryStream(r -> r.deliveryStreamName("events").extendedS3DestinationConfiguration(d -> d
                    .bucketARN("arn:aws:s3:::landing").roleARN("arn:aws:iam::000000000000:role/firehose")
                    .prefix("raw/").bufferingHints(h -> h.intervalInSeconds(900).sizeInMBs(128))));
            waitFor(() -> firehose.describeDeliveryStream(r -> r.deliveryStreamName("events"))
                    .deliveryStreamDescription().deliveryStreamStatus() == DeliveryStreamStatus.ACTIVE);
            firehose.putRecord(r -> r.deliveryStreamName("events")
                    .record(x -> x.data(SdkBytes.fromUtf8String("{\"click\":1}\n"))));
            assertThat(s3.listObjectsV2(b -> b.bucket("landing")).contents()).isEmpty();
        }
        try (Emulator second = start(dataDir); S3Client s3 = Clients.s3(second);
                FirehoseClient firehose = client(FirehoseClient.builder(), second)) {
            List<S3Object> objects = s3.listObjectsV2(b -> b.bucket("landing")).contents();
            assertThat(objects).hasSize(1);
            assertThat(objects.get(0).key()).startsWith("raw/");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("landing").key(objects.get(0).key())).asUtf8String())
                    .isEqualTo("{\"click\":1}\n");
            var description = firehose.describeDeliveryStream(r -> r.deliveryStreamName("events")).deliveryStreamDescription();
            assertThat(description.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
            assertThat(description.destinations().get(0).extendedS3DestinationDescription().prefix()).isEqualTo("raw/");
            assertThat(description.destinations().get(0).extendedS3DestinationDescription().bufferingHints()
                    .intervalInSeconds()).isEqualTo(900);
        }
        assertThat(Files.exists(dataDir.resolve("state").resolve("emulator.mv.db"))).isTrue();
    }

    @Test
    void aFirehoseReadingAKinesisStreamResumesAfterARestartWithoutReadingRecordsTwice(@TempDir Path dataDir)
            throws Exception {
        for (String event : List.of("before", "after")) {
            try (Emulator emulator = start(dataDir); S3Client s3 = Clients.s3(emulator);
                    KinesisClient kinesis = client(KinesisClient.builder(), emulator);
                    FirehoseClient firehose = client(FirehoseClient.builder(), emulator)) {
                if (event.equals("before")) {
                    s3.createBucket(b -> b.bucket("sink"));
                    kinesis.createStream(r -> r.streamName("source").shardCount(1));
                    waitFor(() -> kinesis.describeStreamSummary(r -> r.streamName("source")).streamDescriptionSummary()
                            .streamStatus() == StreamStatus.ACTIVE);
                    String arn = kinesis.describeStreamSummary(r -> r.streamName("source")).streamDescriptionSummary()
                            .streamARN();
                    firehose.createDeliveryStream(r -> r.deliveryStreamName("relay")
                            .deliveryStreamType("KinesisStreamAsSource")
                            .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(arn)
                                    .roleARN("arn:aws:iam::000000000000:role/firehose"))
                            .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::sink")
                                    .roleARN("arn:aws:iam::000000000000:role/firehose")
                                    .bufferingHints(h -> h.intervalInSeconds(900).sizeInMBs(128))));
                    waitFor(() -> firehose.describeDeliveryStream(r -> r.deliveryStreamName("relay"))
                            .deliveryStreamDescription().deliveryStreamStatus() == DeliveryStreamStatus.ACTIVE);
                }
                kinesis.putRecord(r -> r.streamName("source").partitionKey("k").data(SdkBytes.fromUtf8String(event + "\n")));
                // The delivery stream polls its source every second; stopping then flushes what it read.
                Thread.sleep(2_500);
            }
        }
        try (Emulator emulator = start(dataDir); S3Client s3 = Clients.s3(emulator)) {
            List<String> bodies = s3.listObjectsV2(b -> b.bucket("sink")).contents().stream()
                    .map(o -> s3.getObjectAsBytes(b -> b.bucket("sink").key(o.key())).asUtf8String()).toList();
            assertThat(bodies).containsExactlyInAnyOrder("before\n", "after\n");
        }
    }

    @Test
    void bedrockGuardrailsAndTheirVersionsSurviveARestart(@TempDir Path dataDir) {
        String id;
        try (Emulator first = start(dataDir); BedrockClient bedrock = client(BedrockClient.builder(), first)) {
            id = bedrock.createGuardrail(r -> r.name("no-advice").blockedInputMessaging("no").blockedOutputsMessaging("no")
                    .topicPolicyConfig(t -> t.topicsConfig(c -> c.name("Investment advice").type(GuardrailTopicType.DENY)
                            .definition("Recommendations about investing money.")))).guardrailId();
            bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id).description("first"));
            bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id).description("second"));
            bedrock.deleteGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion("1"));
        }
        try (Emulator second = start(dataDir); BedrockClient bedrock = client(BedrockClient.builder(), second)) {
            var guardrail = bedrock.getGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion("2"));
            assertThat(guardrail.name()).isEqualTo("no-advice");
            assertThat(guardrail.description()).isEqualTo("second");
            assertThat(guardrail.topicPolicy().topics()).extracting(t -> t.name()).containsExactly("Investment advice");
            assertThat(bedrock.listGuardrails(r -> r.guardrailIdentifier(id)).guardrails())
                    .extracting(g -> g.version()).containsExactly("DRAFT", "2");
            // Version numbers are never reused, across a restart too.
            assertThat(bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id)).version()).isEqualTo("3");
        }
    }

    @Test
    void aSecondEmulatorOnTheSameDataDirIsRefusedWithOneLineAndTheFirstKeepsServing(@TempDir Path dataDir) {
        try (Emulator first = start(dataDir); GlueClient glue = Clients.glue(first)) {
            Emulator second = Emulator.builder().port(0).dataDir(dataDir).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
                    .isInstanceOf(EmulatorException.class)
                    .hasMessageContaining("another emulator is using --data " + dataDir.toAbsolutePath())
                    .hasMessageNotContaining("\n");
            assertThat(second.isRunning()).isFalse();
            glue.createDatabase(r -> r.databaseInput(d -> d.name("still_serving")));
        }
        try (Emulator again = start(dataDir); GlueClient glue = Clients.glue(again)) {
            assertThat(glue.getDatabase(r -> r.name("still_serving")).database().name()).isEqualTo("still_serving");
        }
    }

    private static void waitFor(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
