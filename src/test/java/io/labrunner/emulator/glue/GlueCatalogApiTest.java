package io.labrunner.emulator.glue;

import static io.labrunner.emulator.glue.GlueRequests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.iam.IamService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlueCatalogApiTest {
    static final String SALES_TABLE = "{'DatabaseName':'Sales_DB','TableInput':{'Name':'Orders',"
            + "'TableType':'EXTERNAL_TABLE','Parameters':{'classification':'csv'},"
            + "'StorageDescriptor':{'Columns':[{'Name':'id','Type':'bigint'},{'Name':'amount','Type':'double'}],"
            + "'Location':'s3://lake/orders/','InputFormat':'org.apache.hadoop.mapred.TextInputFormat',"
            + "'SerdeInfo':{'SerializationLibrary':'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',"
            + "'Parameters':{'field.delim':','}}},"
            + "'PartitionKeys':[{'Name':'year','Type':'string'},{'Name':'month','Type':'string'}]}}";

    @TempDir
    Path blobRoot;
    GlueService glue;

    @BeforeEach
    void start() {
        glue = new GlueService(blobRoot, new IamService().directory());
        call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'Sales_DB','Description':'sales'}}");
    }

    @AfterEach
    void stop() {
        glue.close();
    }

    static void assertGlueError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(400);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    void partition(String year, String month) {
        call(glue, "CreatePartition", "{'DatabaseName':'sales_db','TableName':'orders','PartitionInput':{"
                + "'Values':['" + year + "','" + month + "'],'StorageDescriptor':{'Location':'s3://lake/orders/year="
                + year + "/month=" + month + "/'}}}");
    }

    /*
     * Glue answers a breach of its model's constraints with ValidationException in the common wording, not with
     * its own InvalidInputException (kept for its checks in code): CreateTable recorded through boto3 in
     * moj-analytical-services/etl_manager#90, and a crawler's CreateTable in AWSGlue's own error log.
     */
    @Test
    void createDatabaseWithoutDatabaseInputIsAValidationErrorNotAFailure() {
        assertGlueError(() -> call(glue, "CreateDatabase", "{}"), "ValidationException",
                "1 validation error detected: Value null at 'databaseInput' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void aMemberOfTheWrongJsonTypeIsASerializationExceptionInAwsWordsNotAJavaClass() {
        assertGlueError(() -> call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':{}}}"), "SerializationException",
                "Start of structure or map found where not expected.");
        assertGlueError(() -> call(glue, "CreatePartition", "{'DatabaseName':'sales_db','TableName':'orders',"
                + "'PartitionInput':{'Values':'2024'}}"), "SerializationException", null);
        assertGlueError(() -> call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':5}}"), "SerializationException",
                "NUMBER_VALUE can not be converted to a String");
        assertGlueError(() -> call(glue, "GetDatabase", "{'Name':5}"), "SerializationException",
                "NUMBER_VALUE can not be converted to a String");
        assertGlueError(() -> call(glue, "GetDatabases", "{'MaxResults':'ten'}"), "SerializationException", null);
    }

    @Test
    void aRefusedUpdatePartitionLeavesThePartitionAsItWas() {
        call(glue, "CreateTable", SALES_TABLE);
        partition("2024", "01");

        assertGlueError(() -> call(glue, "UpdatePartition", "{'DatabaseName':'sales_db','TableName':'orders',"
                + "'PartitionValueList':['2024','01'],'PartitionInput':{'Values':['2024']}}"), "InvalidInputException", null);
        assertGlueError(() -> call(glue, "CreatePartition", "{'DatabaseName':'sales_db','TableName':'orders',"
                + "'PartitionInput':{'Values':['2024',null]}}"), "InvalidInputException", null);

        JsonNode kept = call(glue, "GetPartition", "{'DatabaseName':'sales_db','TableName':'orders',"
                + "'PartitionValues':['2024','01']}");
        assertThat(kept.at("/Partition/StorageDescriptor/Location").asText()).endsWith("year=2024/month=01/");
    }

    @Test
    void aRequestBodyThatIsNotAnObjectIsASerializationException() {
        assertGlueError(() -> call(glue, "GetDatabases", "[]"), "SerializationException", null);
    }

    @Test
    void aPageTokenForANegativePositionIsAnInvalidInput() {
        String token = java.util.Base64.getEncoder().encodeToString("-5".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertGlueError(() -> call(glue, "GetDatabases", "{'NextToken':'" + token + "'}"), "InvalidInputException",
                "Invalid pagination token.");
    }

    @Test
    void databaseNamesAreLowerCasedAndReadBackWithTheirDescription() {
        JsonNode db = call(glue, "GetDatabase", "{'Name':'SALES_DB'}").get("Database");
        assertThat(db.get("Name").asText()).isEqualTo("sales_db");
        assertThat(db.get("Description").asText()).isEqualTo("sales");
        assertThat(db.get("CatalogId").asText()).isEqualTo("000000000000");
        assertThat(db.get("CreateTime").isNumber()).as("JSON 1.1 timestamps are epoch seconds").isTrue();
        assertThat(db.get("CreateTime").asDouble()).isGreaterThan(1.7e9);
    }

    @Test
    void creatingAnExistingDatabaseFails() {
        assertGlueError(() -> call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'sales_db'}}"),
                "AlreadyExistsException", "Database already exists.");
    }

    @Test
    void aMissingDatabaseIsEntityNotFound() {
        assertGlueError(() -> call(glue, "GetDatabase", "{'Name':'nope'}"),
                "EntityNotFoundException", "Database nope not found.");
    }

    @Test
    void getDatabasesPagesWithNextToken() {
        call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'a_db'}}");
        JsonNode first = call(glue, "GetDatabases", "{'MaxResults':1}");
        assertThat(first.get("DatabaseList")).hasSize(1);
        assertThat(first.get("DatabaseList").get(0).get("Name").asText()).isEqualTo("a_db");
        JsonNode second = call(glue, "GetDatabases",
                "{'MaxResults':1,'NextToken':'" + first.get("NextToken").asText() + "'}");
        assertThat(second.get("DatabaseList").get(0).get("Name").asText()).isEqualTo("sales_db");
        assertThat(second.has("NextToken")).isFalse();
    }

    @Test
    void updateDatabaseReplacesTheDescription() {
        call(glue, "UpdateDatabase", "{'Name':'sales_db','DatabaseInput':{'Name':'sales_db','Description':'new'}}");
        assertThat(call(glue, "GetDatabase", "{'Name':'sales_db'}").at("/Database/Description").asText())
                .isEqualTo("new");
    }

    @Test
    void deletingADatabaseRemovesItsTablesAndPartitions() {
        call(glue, "CreateTable", SALES_TABLE);
        partition("2024", "01");
        call(glue, "DeleteDatabase", "{'Name':'sales_db'}");
        call(glue, "CreateDatabase", "{'DatabaseInput':{'Name':'sales_db'}}");
        assertThat(call(glue, "GetTables", "{'DatabaseName':'sales_db'}").get("TableList")).isEmpty();
    }

    @Test
    void aTableIsStoredLowerCasedWithItsStorageDescriptor() {
        call(glue, "CreateTable", SALES_TABLE);
        JsonNode table = call(glue, "GetTable", "{'DatabaseName':'sales_db','Name':'ORDERS'}").get("Table");
        assertThat(table.get("Name").asText()).isEqualTo("orders");
        assertThat(table.get("DatabaseName").asText()).isEqualTo("sales_db");
        assertThat(table.at("/StorageDescriptor/Columns/1/Type").asText()).isEqualTo("double");
        assertThat(table.at("/StorageDescriptor/SerdeInfo/Parameters/field.delim").asText()).isEqualTo(",");
        assertThat(table.at("/PartitionKeys/0/Name").asText()).isEqualTo("year");
        assertThat(table.get("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.get("UpdateTime").isNumber()).isTrue();
    }

    @Test
    void creatingAnExistingTableFails() {
        call(glue, "CreateTable", SALES_TABLE);
        assertGlueError(() -> call(glue, "CreateTable", SALES_TABLE), "AlreadyExistsException", "Table already exists.");
    }

    @Test
    void aTableInAMissingDatabaseIsEntityNotFound() {
        assertGlueError(() -> call(glue, "CreateTable", SALES_TABLE.replace("Sales_DB", "ghost")),
                "EntityNotFoundException", "Database ghost not found.");
    }

    @Test
    void aMissingTableIsEntityNotFound() {
        assertGlueError(() -> call(glue, "GetTable", "{'DatabaseName':'sales_db','Name':'nope'}"),
                "EntityNotFoundException", "Table nope not found.");
    }

    @Test
    void aTableInputWithoutANameBreaksTheModelAndAMissingTableInputIsGluesOwnInvalidInput() {
        assertGlueError(() -> call(glue, "CreateTable", "{'DatabaseName':'sales_db','TableInput':{}}"),
                "ValidationException", "1 validation error detected: Value null at 'tableInput.name' failed to "
                        + "satisfy constraint: Member must not be null");
        assertGlueError(() -> call(glue, "CreateTable", "{'DatabaseName':'sales_db'}"), "InvalidInputException",
                "Table name is required.");
        assertGlueError(() -> call(glue, "CreateTable", "{'DatabaseName':'sales_db','TableInput':{'Name':' '}}"),
                "InvalidInputException", "Table name is required.");
    }

    @Test
    void getTablesFiltersByExpressionAndPages() {
        call(glue, "CreateTable", SALES_TABLE);
        call(glue, "CreateTable", SALES_TABLE.replace("Orders", "order_items"));
        call(glue, "CreateTable", SALES_TABLE.replace("Orders", "customers"));

        JsonNode matched = call(glue, "GetTables", "{'DatabaseName':'sales_db','Expression':'order*'}");
        assertThat(names(matched.get("TableList"), "Name")).containsExactly("order_items", "orders");

        JsonNode page = call(glue, "GetTables", "{'DatabaseName':'sales_db','MaxResults':2}");
        assertThat(page.get("TableList")).hasSize(2);
        JsonNode rest = call(glue, "GetTables",
                "{'DatabaseName':'sales_db','NextToken':'" + page.get("NextToken").asText() + "'}");
        assertThat(rest.get("TableList")).hasSize(1);
    }

    @Test
    void updateTableChangesColumnsAndBumpsTheVersion() {
        call(glue, "CreateTable", SALES_TABLE);
        call(glue, "UpdateTable", SALES_TABLE.replace("{'Name':'amount','Type':'double'}",
                "{'Name':'amount','Type':'double'},{'Name':'note','Type':'string'}"));
        JsonNode table = call(glue, "GetTable", "{'DatabaseName':'sales_db','Name':'orders'}").get("Table");
        assertThat(table.at("/StorageDescriptor/Columns/2/Name").asText()).isEqualTo("note");
        assertThat(table.get("VersionId").asText()).isEqualTo("1");
    }

    @Test
    void deleteTableAndBatchDeleteTableReportMissingOnes() {
        call(glue, "CreateTable", SALES_TABLE);
        call(glue, "CreateTable", SALES_TABLE.replace("Orders", "customers"));
        call(glue, "DeleteTable", "{'DatabaseName':'sales_db','Name':'orders'}");
        JsonNode result = call(glue, "BatchDeleteTable",
                "{'DatabaseName':'sales_db','TablesToDelete':['customers','ghost']}");
        assertThat(result.at("/Errors/0/TableName").asText()).isEqualTo("ghost");
        assertThat(result.at("/Errors/0/ErrorDetail/ErrorCode").asText()).isEqualTo("EntityNotFoundException");
        assertThat(call(glue, "GetTables", "{'DatabaseName':'sales_db'}").get("TableList")).isEmpty();
    }

    @Test
    void partitionsAreCreatedReadAndFilteredByExpression() {
        call(glue, "CreateTable", SALES_TABLE);
        partition("2023", "12");
        partition("2024", "01");
        partition("2024", "02");

        JsonNode one = call(glue, "GetPartition",
                "{'DatabaseName':'sales_db','TableName':'orders','PartitionValues':['2024','01']}").get("Partition");
        assertThat(one.at("/StorageDescriptor/Location").asText()).isEqualTo("s3://lake/orders/year=2024/month=01/");
        assertThat(one.get("TableName").asText()).isEqualTo("orders");

        JsonNode filtered = partitionsWhere("year = '2024' AND month IN ('02','03')");
        assertThat(filtered.get("Partitions")).hasSize(1);
        assertThat(filtered.at("/Partitions/0/Values/1").asText()).isEqualTo("02");

        JsonNode numeric = partitionsWhere("year > 2023 OR (month = 12 AND NOT year = '2022')");
        assertThat(numeric.get("Partitions")).hasSize(3);
    }

    @Test
    void getPartitionsPagesWithNextToken() {
        call(glue, "CreateTable", SALES_TABLE);
        partition("2024", "01");
        partition("2024", "02");
        JsonNode first = call(glue, "GetPartitions", "{'DatabaseName':'sales_db','TableName':'orders','MaxResults':1}");
        assertThat(first.get("Partitions")).hasSize(1);
        JsonNode second = call(glue, "GetPartitions", "{'DatabaseName':'sales_db','TableName':'orders',"
                + "'NextToken':'" + first.get("NextToken").asText() + "'}");
        assertThat(second.at("/Partitions/0/Values/1").asText()).isEqualTo("02");
    }

    @Test
    void aDuplicatePartitionFailsAndAMissingOneIsNotFound() {
        call(glue, "CreateTable", SALES_TABLE);
        partition("2024", "01");
        assertGlueError(() -> partition("2024", "01"), "AlreadyExistsException", "Partition already exists.");
        assertGlueError(() -> call(glue, "GetPartition",
                "{'DatabaseName':'sales_db','TableName':'orders','PartitionValues':['1999','01']}"),
                "EntityNotFoundException", "Cannot find partition.");
    }

    @Test
    void batchCreatePartitionReportsErrorsPerPartition() {
        call(glue, "CreateTable", SALES_TABLE);
        partition("2024", "01");
        JsonNode result = call(glue, "BatchCreatePartition", "{'DatabaseName':'sales_db','TableName':'orders',"
                + "'PartitionInputList':[{'Values':['2024','01']},{'Values':['2024','02']},{'Values':['2024']}]}");
        assertThat(result.get("Errors")).hasSize(2);
        assertThat(result.at("/Errors/0/PartitionValues/1").asText()).isEqualTo("01");
        assertThat(result.at("/Errors/0/ErrorDetail/ErrorCode").asText()).isEqualTo("AlreadyExistsException");
        assertThat(result.at("/Errors/1/ErrorDetail/ErrorCode").asText()).isEqualTo("InvalidInputException");
        assertThat(call(glue, "GetPartitions", "{'DatabaseName':'sales_db','TableName':'orders'}")
                .get("Partitions")).hasSize(2);
    }

    @Test
    void deletePartitionAndBatchDeletePartitionRemoveThem() {
        call(glue, "CreateTable", SALES_TABLE);
        partition("2024", "01");
        partition("2024", "02");
        partition("2024", "03");
        call(glue, "DeletePartition", "{'DatabaseName':'sales_db','TableName':'orders','PartitionValues':['2024','01']}");
        JsonNode result = call(glue, "BatchDeletePartition", "{'DatabaseName':'sales_db','TableName':'orders',"
                + "'PartitionsToDelete':[{'Values':['2024','02']},{'Values':['2024','01']}]}");
        assertThat(result.get("Errors")).hasSize(1);
        assertThat(result.at("/Errors/0/ErrorDetail/ErrorCode").asText()).isEqualTo("EntityNotFoundException");
        JsonNode left = call(glue, "GetPartitions", "{'DatabaseName':'sales_db','TableName':'orders'}");
        assertThat(left.get("Partitions")).hasSize(1);
        assertThat(left.at("/Partitions/0/Values/1").asText()).isEqualTo("03");
    }

    @Test
    void anUnknownOperationIsNotImplemented() {
        assertThatThrownBy(() -> call(glue, "StartJobRun", "{}"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("NotImplemented"));
    }

    /** GetPartitions with an Expression, sent as real JSON since the expression holds quotes. */
    JsonNode partitionsWhere(String expression) {
        var body = GlueRequests.JSON.createObjectNode().put("DatabaseName", "sales_db").put("TableName", "orders")
                .put("Expression", expression);
        return GlueRequests.send(glue, GlueRequests.request("GetPartitions", body.toString()));
    }

    static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get(field).asText()));
        return names;
    }

    @Test
    void aTimestampInATableInputIsKeptToTheMillisecondAndAnsweredInEpochSeconds() {
        call(glue, "CreateTable", "{'DatabaseName':'sales_db','TableInput':{'Name':'stamped',"
                + "'LastAccessTime':1700000000.25}}");

        JsonNode table = call(glue, "GetTable", "{'DatabaseName':'sales_db','Name':'stamped'}").path("Table");

        assertThat(table.path("LastAccessTime").decimalValue()).isEqualByComparingTo("1700000000.25");
    }
}
