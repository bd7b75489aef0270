package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Athena JSON API on top of the engine: query lifecycle, results, result files, work groups. */
class AthenaServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    Fixtures fixtures;
    AthenaService service;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new Fixtures(root);
        service = new AthenaService(root, fixtures.catalog, Duration.ZERO);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    /** The answer's body, which must be a success. */
    private JsonNode call(AthenaService s, String operation, String body) {
        AwsResponse response = send(s, operation, body);
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return read(response);
    }

    /** The error body of an answer that must be a 400 InvalidRequestException. */
    private JsonNode refused(AthenaService s, String operation, String body) {
        AwsResponse response = send(s, operation, body);
        JsonNode error = read(response);
        assertThat(response.status()).as(error.toString()).isEqualTo(400);
        assertThat(error.path("__type").asText()).isEqualTo("InvalidRequestException");
        return error;
    }

    private static AwsResponse send(AthenaService s, String operation, String body) {
        AwsRequest request = new AwsRequest("POST", "/", Map.of(),
                Map.of("x-amz-target", "AmazonAthena." + operation, "content-type", "application/x-amz-json-1.1"),
                body.getBytes(StandardCharsets.UTF_8), "athena", "us-east-1", "test");
        return s.handle(request);
    }

    private static JsonNode read(AwsResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String start(AthenaService s, String sql) {
        return call(s, "StartQueryExecution", JSON.createObjectNode().put("QueryString", sql)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("QueryExecutionContext",
                        JSON.createObjectNode().put("Database", "lab"))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("ResultConfiguration",
                        JSON.createObjectNode().put("OutputLocation", "s3://results/athena/"))
                .toString()).get("QueryExecutionId").asText();
    }

    /** Polls as a client would until the query leaves QUEUED/RUNNING. */
    private JsonNode awaitFinished(String id) throws InterruptedException {
        while (true) {
            JsonNode q = call(service, "GetQueryExecution", "{\"QueryExecutionId\":\"" + id + "\"}").get("QueryExecution");
            String state = q.at("/Status/State").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return q;
            }
            Thread.sleep(10);
        }
    }

    @Test
    @DisplayName("a query succeeds, reports bytes scanned and returns a header row then data rows")
    void queryLifecycleAndResults() throws Exception {
        String id = start(service, "SELECT customer, count(*) AS n FROM sales GROUP BY customer ORDER BY customer");
        JsonNode q = awaitFinished(id);
        assertThat(q.at("/Status/State").asText()).isEqualTo("SUCCEEDED");
        assertThat(q.get("StatementType").asText()).isEqualTo("DML");
        assertThat(q.at("/Statistics/DataScannedInBytes").asLong()).isGreaterThan(0);
        assertThat(q.at("/ResultConfiguration/OutputLocation").asText()).isEqualTo("s3://results/athena/" + id + ".csv");

        JsonNode results = call(service, "GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\",\"MaxResults\":2}");
        assertThat(results.at("/ResultSet/Rows/0/Data/0/VarCharValue").asText()).isEqualTo("customer");
        assertThat(results.at("/ResultSet/Rows/1/Data/1/VarCharValue").asText()).isEqualTo("2");
        assertThat(results.at("/ResultSet/ResultSetMetadata/ColumnInfo/1/Type").asText()).isEqualTo("bigint");
        String next = results.get("NextToken").asText();
        JsonNode page2 = call(service, "GetQueryResults",
                "{\"QueryExecutionId\":\"" + id + "\",\"MaxResults\":2,\"NextToken\":\"" + next + "\"}");
        assertThat(page2.at("/ResultSet/Rows/0/Data/0/VarCharValue").asText()).isEqualTo("bob");
        assertThat(page2.has("NextToken")).isFalse();

        Path csv = root.resolve("results/athena/" + id + ".csv");
        assertThat(Files.readString(csv)).startsWith("\"customer\",\"n\"\n\"alice\",\"2\"\n");
        assertThat(root.resolve("results/athena/" + id + ".csv.metadata")).exists();
    }

    @Test
    @DisplayName("a failing query ends FAILED with Athena's reason and no results")
    void failedQuery() throws Exception {
        String id = start(service, "SELECT nope FROM sales");
        JsonNode q = awaitFinished(id);
        assertThat(q.at("/Status/State").asText()).isEqualTo("FAILED");
        assertThat(q.at("/Status/StateChangeReason").asText()).startsWith("COLUMN_NOT_FOUND: line 1:8:");
        assertThat(q.at("/Status/AthenaError/ErrorCategory").asInt()).isEqualTo(2);
        JsonNode error = refused(service, "GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}");
        assertThat(error.path("Message").asText()).contains("Final query state: FAILED");
        assertThat(error.path("AthenaErrorCode").asText()).isEqualTo("INVALID_QUERY_EXECUTION_STATE");
    }

    @Test
    @DisplayName("results of a query that has not finished are refused, and a queued query can be stopped")
    void queuedQueryCannotBeReadAndCanBeStopped() {
        try (AthenaService slow = new AthenaService(root, fixtures.catalog, Duration.ofHours(1))) {
            String id = start(slow, "SELECT 1");
            assertThat(refused(slow, "GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}").path("Message").asText())
                    .isEqualTo("Query has not yet finished. Current state: QUEUED");
            call(slow, "StopQueryExecution", "{\"QueryExecutionId\":\"" + id + "\"}");
            JsonNode q = call(slow, "GetQueryExecution", "{\"QueryExecutionId\":\"" + id + "\"}");
            assertThat(q.at("/QueryExecution/Status/State").asText()).isEqualTo("CANCELLED");
            JsonNode cancelled = refused(slow, "GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}");
            assertThat(cancelled.path("AthenaErrorCode").asText()).isEqualTo("RESULT_NOT_FOUND");
        }
    }

    @Test
    @DisplayName("DDL through the API changes the catalog and SHOW results have no header row")
    void ddlThroughTheApi() throws Exception {
        awaitFinished(start(service, "CREATE DATABASE api_db"));
        String show = start(service, "SHOW DATABASES");
        assertThat(awaitFinished(show).get("StatementType").asText()).isEqualTo("UTILITY");
        JsonNode rows = call(service, "GetQueryResults", "{\"QueryExecutionId\":\"" + show + "\"}").at("/ResultSet/Rows");
        assertThat(rows).extracting(r -> r.at("/Data/0/VarCharValue").asText()).containsExactly("api_db", "default", "lab");
    }

    @Test
    @DisplayName("list and batch-get see executions; unknown ids and work groups are invalid requests")
    void listingAndUnknowns() throws Exception {
        String id = start(service, "SELECT 1");
        awaitFinished(id);
        assertThat(call(service, "ListQueryExecutions", "{}").get("QueryExecutionIds").get(0).asText()).isEqualTo(id);
        JsonNode batch = call(service, "BatchGetQueryExecution", "{\"QueryExecutionIds\":[\"" + id + "\",\"missing\"]}");
        assertThat(batch.at("/QueryExecutions/0/QueryExecutionId").asText()).isEqualTo(id);
        assertThat(batch.at("/UnprocessedQueryExecutionIds/0/QueryExecutionId").asText()).isEqualTo("missing");
        assertThat(refused(service, "GetQueryExecution", "{\"QueryExecutionId\":\"missing\"}").path("AthenaErrorCode").asText())
                .isEqualTo("QUERY_EXECUTION_NOT_FOUND");
        assertThat(refused(service, "StartQueryExecution", "{\"QueryString\":\"SELECT 1\",\"WorkGroup\":\"nope\"}")
                .path("Message").asText()).isEqualTo("WorkGroup nope is not found.");
        assertThat(refused(service, "StartQueryExecution", "{\"QueryString\":\"SELECT 1\"}").path("Message").asText())
                .contains("No output location provided");
    }

    @Test
    @DisplayName("execution parameters fill the ? placeholders, but not a ? inside a string")
    void executionParametersAreBound() throws Exception {
        String id = call(service, "StartQueryExecution", "{\"QueryString\":\"SELECT count(*), '?' FROM sales WHERE customer = ? "
                + "AND id > ?\",\"ExecutionParameters\":[\"'alice'\",\"1\"],\"QueryExecutionContext\":{\"Database\":\"lab\"},"
                + "\"ResultConfiguration\":{\"OutputLocation\":\"s3://results/\"}}").get("QueryExecutionId").asText();
        awaitFinished(id);
        JsonNode rows = call(service, "GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}").at("/ResultSet/Rows");
        assertThat(rows.at("/1/Data/0/VarCharValue").asText()).isEqualTo("1");
        assertThat(rows.at("/1/Data/1/VarCharValue").asText()).isEqualTo("?");
        assertThatThrownBy(() -> QueryOperations.bindParameters("SELECT ?", JSON.createArrayNode()))
                .hasMessageContaining("expected 1 but found 0");
    }

    @Test
    @DisplayName("a work group's result location is used when the request gives none")
    void workGroupOutputLocation() throws Exception {
        call(service, "CreateWorkGroup", "{\"Name\":\"labs\",\"Configuration\":{\"ResultConfiguration\":"
                + "{\"OutputLocation\":\"s3://results/wg/\"}}}");
        assertThat(call(service, "ListWorkGroups", "{}").at("/WorkGroups").findValuesAsText("Name"))
                .containsExactly("labs", "primary");
        String id = call(service, "StartQueryExecution", "{\"QueryString\":\"SELECT 1\",\"WorkGroup\":\"labs\"}")
                .get("QueryExecutionId").asText();
        assertThat(awaitFinished(id).at("/ResultConfiguration/OutputLocation").asText()).isEqualTo("s3://results/wg/" + id + ".csv");
        assertThat(root.resolve("results/wg/" + id + ".csv")).exists();
    }

    @Test
    @DisplayName("a request breaking the model is an InvalidRequestException naming every member, quoting no value")
    void modelViolationsAreInvalidRequestsAsAthenaWordsThem() {
        JsonNode missing = refused(service, "GetQueryExecution", "{}");
        assertThat(missing.path("AthenaErrorCode").asText()).isEqualTo("INVALID_INPUT");
        assertThat(missing.path("ErrorCode").asText()).isEqualTo("INVALID_INPUT");
        assertThat(missing.path("Message").asText()).isEqualTo("1 validation error detected: Value null at "
                + "'queryExecutionId' failed to satisfy constraint: Member must not be null");
        assertThat(missing.has("message")).isFalse();

        assertThat(refused(service, "ListWorkGroups", "{\"MaxResults\":0,\"NextToken\":\"\"}").path("Message").asText())
                .isEqualTo("2 validation errors detected: Value at 'nextToken' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 1; Value at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    @DisplayName("a work group name off the model's pattern is refused and no work group is created")
    void invalidWorkGroupNameChangesNothing() {
        JsonNode error = refused(service, "CreateWorkGroup", "{\"Name\":\"no spaces\"}");
        assertThat(error.path("Message").asText()).isEqualTo("1 validation error detected: Value at 'name' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}");
        assertThat(call(service, "ListWorkGroups", "{}").at("/WorkGroups").findValuesAsText("Name")).containsExactly("primary");
    }

    @Test
    @DisplayName("a query refused by the model starts nothing, however many members it breaks")
    void refusedQueryStartsNothing() {
        JsonNode error = refused(service, "StartQueryExecution", "{\"QueryString\":\"SELECT 1\",\"ClientRequestToken\":\"short\","
                + "\"ExecutionParameters\":[],\"ResultConfiguration\":{\"OutputLocation\":\"s3://results/\"}}");
        assertThat(error.path("Message").asText()).startsWith("2 validation errors detected: Value at 'clientRequestToken' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 32; Value at "
                + "'executionParameters' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(call(service, "ListQueryExecutions", "{}").get("QueryExecutionIds")).isEmpty();
    }

    @Test
    @DisplayName("a member of the wrong JSON type is a SerializationException before any constraint or lookup")
    void wrongTypesAreSerializationExceptions() {
        AwsResponse response = send(service, "GetQueryResults", "{\"MaxResults\":\"1\"}");
        JsonNode error = read(response);
        assertThat(response.status()).isEqualTo(400);
        assertThat(error.path("__type").asText()).isEqualTo("SerializationException");
        assertThat(error.path("Message").asText()).isEqualTo("STRING_VALUE can not be converted to an Integer");
    }

    @Test
    @DisplayName("an operation Athena does not have is an UnknownOperationException")
    void unknownOperation() {
        AwsResponse response = send(service, "NoSuchOperation", "{}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(read(response).path("__type").asText()).isEqualTo("UnknownOperationException");
    }
}
