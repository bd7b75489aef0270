package io.labrunner.emulator.glue;

import static io.labrunner.emulator.glue.GlueRequests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.iam.IamService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog as another emulated service (Athena DDL) uses it, seen back through the Glue API. */
class GlueCatalogTest {
    @TempDir
    Path blobRoot;

    @Test
    void tablesWrittenStraightIntoTheCatalogAreVisibleThroughTheGlueApi() {
        GlueCatalog catalog = new GlueCatalog();
        try (GlueService glue = new GlueService(catalog, blobRoot, new IamService().directory(), CrawlerTimings.DEFAULT)) {
            catalog.createDatabase(Database.named("Analytics", "from Athena"));
            StorageDescriptor sd = StorageDescriptor.of(List.of(Column.of("id", "bigint")), "s3://lake/t/",
                    CrawledTables.TEXT_INPUT, CrawledTables.TEXT_OUTPUT,
                    new SerDeInfo(null, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Map.of("field.delim", ",")),
                    Map.of());
            catalog.createTable("analytics", Table.external("T", sd, List.of(Column.of("dt", "string")), Map.of()));
            catalog.createPartition("analytics", "t", Partition.of(List.of("2024-01-01"),
                    sd.withLocation("s3://lake/t/dt=2024-01-01/"), Map.of()));

            JsonNode table = call(glue, "GetTable", "{'DatabaseName':'ANALYTICS','Name':'t'}").get("Table");
            assertThat(table.get("Name").asText()).isEqualTo("t");
            assertThat(table.get("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
            assertThat(call(glue, "GetPartitions", "{'DatabaseName':'analytics','TableName':'t'}")
                    .at("/Partitions/0/StorageDescriptor/Location").asText()).isEqualTo("s3://lake/t/dt=2024-01-01/");
        }
    }

    @Test
    void partitionValuesMustMatchThePartitionKeys() {
        GlueCatalog catalog = new GlueCatalog();
        catalog.createDatabase(Database.named("db", null));
        catalog.createTable("db", Table.external("t", StorageDescriptor.of(List.of(), "s3://x/", null, null, null,
                Map.of()), List.of(), Map.of()));
        assertThatThrownBy(() -> catalog.createPartition("db", "t", Partition.of(List.of("a"), null, Map.of())))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidInputException"));
    }
}
