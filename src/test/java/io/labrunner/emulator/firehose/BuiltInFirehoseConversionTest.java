package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;

/** The emulator's own Firehose reads schemas from the Glue catalog that Glue's API writes. */
class BuiltInFirehoseConversionTest {
    private static Emulator emulator;
    private static GlueClient glue;
    private static FirehoseClient firehose;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        glue = GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials).build();
        firehose = FirehoseClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        glue.close();
        firehose.close();
        emulator.close();
    }

    @Test
    void aTableCreatedThroughGlueIsTheSchemaFirehoseSees() {
        glue.createDatabase(b -> b.databaseInput(d -> d.name("builtin")));
        glue.createTable(b -> b.databaseName("builtin").tableInput(t -> t.name("Clicks")
                .partitionKeys(Column.builder().name("dt").type("string").build())
                .storageDescriptor(sd -> sd.columns(Column.builder().name("id").type("bigint").build(),
                        Column.builder().name("tags").type("array<string>").build()))));

        var table = emulator.glueTables().table("BUILTIN", "clicks").orElseThrow();
        assertThat(table.columns()).containsExactly(new GlueTables.SchemaColumn("id", "bigint"),
                new GlueTables.SchemaColumn("tags", "array<string>"));
        assertThat(emulator.glueTables().table("builtin", "missing")).isEmpty();
        assertThat(emulator.glueTables().table("missing", "clicks")).isEmpty();
    }

    @Test
    void theBuiltInFirehoseAcceptsAParquetConversion() {
        firehose.createDeliveryStream(b -> b.deliveryStreamName("builtin-parquet").extendedS3DestinationConfiguration(d -> d
                .bucketARN("arn:aws:s3:::any").roleARN("arn:aws:iam::000000000000:role/r")
                .dataFormatConversionConfiguration(c -> c
                        .schemaConfiguration(s -> s.roleARN("arn:aws:iam::000000000000:role/r")
                                .databaseName("builtin").tableName("clicks"))
                        .inputFormatConfiguration(i -> i.deserializer(x -> x.openXJsonSerDe(o -> { })))
                        .outputFormatConfiguration(o -> o.serializer(x -> x.parquetSerDe(p -> { }))))));

        assertThat(firehose.listDeliveryStreams(b -> { }).deliveryStreamNames()).isEqualTo(List.of("builtin-parquet"));
    }
}
