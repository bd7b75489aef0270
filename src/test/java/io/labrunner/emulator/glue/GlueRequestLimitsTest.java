package io.labrunner.emulator.glue;

import static io.labrunner.emulator.glue.GlueCatalogApiTest.assertGlueError;
import static io.labrunner.emulator.glue.GlueRequests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.iam.IamService;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Page sizes and batch lengths outside the model's ranges are refused before any work, in Coral's words. */
class GlueRequestLimitsTest {
    @TempDir
    Path blobRoot;
    GlueService glue;

    @BeforeEach
    void start() {
        glue = new GlueService(new GlueCatalog(), blobRoot, new IamService().directory(), GlueCrawlerTest.FAST);
        call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'lab_db'}}");
        call(glue, "CreateTable", "{'DatabaseName':'lab_db','TableInput':{'Name':'t','PartitionKeys':"
                + "[{'Name':'year','Type':'string'}]}}");
    }

    @AfterEach
    void stop() {
        glue.close();
    }

    private void assertRefused(String operation, String json, String code, String message) {
        assertGlueError(() -> GlueRequests.send(glue, GlueRequests.request(operation, json.replace('\'', '"'))), code, message);
    }

    @ParameterizedTest
    @CsvSource({"GetDatabases,0,1", "GetDatabases,101,100", "GetTables,101,100", "GetPartitions,1001,1000",
            "GetCrawlers,1001,1000", "ListCrawlers,0,1", "GetCrawlerMetrics,2147483647,1000"})
    void aMaxResultsOutsideTheModelsRangeIsAValidationError(String operation, int value, int bound) {
        String constraint = value < 1 ? "greater than or equal to " : "less than or equal to ";

        assertRefused(operation, "{'DatabaseName':'lab_db','TableName':'t','MaxResults':" + value + "}",
                "ValidationException", "1 validation error detected: Value '" + value + "' at 'maxResults' failed "
                        + "to satisfy constraint: Member must have value " + constraint + bound);
    }

    @Test
    void aMaxResultsNoIntegerHoldsIsASerializationError() {
        assertRefused("GetDatabases", "{'MaxResults':1e400}", "SerializationException", null);
        assertRefused("GetDatabases", "{'MaxResults':2147483648}", "SerializationException", null);
    }

    @Test
    void aHugeMaxResultsWithALargeTokenCannotOverflowThePage() {
        String token = Base64.getEncoder().encodeToString("2147483000".getBytes());
        String negative = Base64.getEncoder().encodeToString("-5".getBytes());

        assertThat(call(glue, "GetDatabases", "{'MaxResults':100,'NextToken':'" + token + "'}")
                .get("DatabaseList")).isEmpty();
        assertRefused("GetDatabases", "{'NextToken':'" + negative + "'}", "InvalidInputException",
                "Invalid pagination token.");
    }

    @Test
    void aBatchCreatePartitionOfMoreThan100IsRefusedAndCreatesNone() {
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            inputs.append(i == 0 ? "" : ",").append("{'Values':['").append(2000 + i).append("']}");
        }

        assertThatThrownBy(() -> call(glue, "BatchCreatePartition", "{'DatabaseName':'lab_db','TableName':'t',"
                + "'PartitionInputList':[" + inputs + "]}")).isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).startsWith("1 validation error detected: Value '[{Values=[2000]}, ")
                            .endsWith("]' at 'partitionInputList' failed to satisfy constraint: Member must have "
                                    + "length less than or equal to 100");
                });
        assertThat(call(glue, "GetPartitions", "{'DatabaseName':'lab_db','TableName':'t'}").get("Partitions"))
                .isEmpty();
    }

    @Test
    void batchGetAndDeleteOfTooManyKeysAreRefused() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            keys.append(i == 0 ? "" : ",").append("{'Values':['").append(i).append("']}");
        }
        assertRefused("BatchGetPartition", "{'DatabaseName':'lab_db','TableName':'t','PartitionsToGet':[" + keys
                + "]}", "ValidationException", null);
        call(glue, "BatchCreatePartition", "{'DatabaseName':'lab_db','TableName':'t','PartitionInputList':"
                + "[{'Values':['1']}]}");
        String deletions = "{'Values':['1']}," + "{'Values':['x']},".repeat(25);
        assertRefused("BatchDeletePartition", "{'DatabaseName':'lab_db','TableName':'t','PartitionsToDelete':["
                + deletions.substring(0, deletions.length() - 1) + "]}", "ValidationException", null);
        assertThat(call(glue, "GetPartitions", "{'DatabaseName':'lab_db','TableName':'t'}").get("Partitions"))
                .hasSize(1);
    }

    @Test
    void aMemberOfTheWrongTypeIsASerializationErrorInAwsWordsNotAJavaType() {
        assertThatThrownByGlue("{'DatabaseName':'lab_db','TableInput':{'Name':'x','StorageDescriptor':"
                + "{'Columns':[{'Name':{'nested':1}}]}}}");
    }

    private void assertThatThrownByGlue(String createTable) {
        try {
            GlueRequests.send(glue, GlueRequests.request("CreateTable", createTable.replace('\'', '"')));
        } catch (io.labrunner.emulator.AwsException e) {
            assertThat(e.code()).isEqualTo("SerializationException");
            assertThat(e.getMessage()).isEqualTo("Start of structure or map found where not expected.");
            return;
        }
        throw new AssertionError("expected SerializationException");
    }
}
