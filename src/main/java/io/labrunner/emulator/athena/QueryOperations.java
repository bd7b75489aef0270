package io.labrunner.emulator.athena;

import static io.labrunner.emulator.athena.AthenaJson.JSON;
import static io.labrunner.emulator.athena.AthenaJson.epochSeconds;
import static io.labrunner.emulator.athena.AthenaJson.invalid;
import static io.labrunner.emulator.athena.AthenaJson.maxResults;
import static io.labrunner.emulator.athena.AthenaJson.pageStart;
import static io.labrunner.emulator.athena.AthenaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The query execution operations: start, get, batch get, results, stop and list. Each takes the
 * request's members and returns the response's; the {@link QueryRunner} runs what StartQueryExecution
 * queued.
 */
final class QueryOperations {
    private static final int MAX_RESULTS = 1000;

    private final AthenaEngine engine;
    private final AthenaStore store;
    private final QueryRunner runner;

    QueryOperations(AthenaEngine engine, AthenaStore store, QueryRunner runner) {
        this.engine = engine;
        this.store = store;
        this.runner = runner;
    }

    ObjectNode startQueryExecution(JsonNode in) {
        String query = text(in, "QueryString");
        // The model refuses an empty string; one of only blanks passes it and is refused here.
        if (query.isBlank()) {
            throw invalid("QueryString must not be empty");
        }
        String token = text(in, "ClientRequestToken");
        if (token != null && store.idForToken(token) != null) {
            return JSON.createObjectNode().put("QueryExecutionId", store.idForToken(token));
        }
        WorkGroup group = WorkGroupOperations.existing(store,
                text(in, "WorkGroup") == null ? "primary" : text(in, "WorkGroup"));
        String output = text(in.path("ResultConfiguration"), "OutputLocation");
        if (output == null) {
            output = group.outputLocation();
        }
        if (output == null) {
            throw invalid("Unable to verify/create output bucket. No output location provided. An output location is "
                    + "required either through the Workgroup result configuration setting or as an API input.");
        }
        WorkGroupOperations.requireResultLocation(engine, output);
        query = bindParameters(query, in.path("ExecutionParameters"));
        String refusal = engine.refusal(query);
        if (refusal != null) {
            throw invalid(refusal);
        }
        String id = UUID.randomUUID().toString();
        QueryContext context = new QueryContext(text(in.path("QueryExecutionContext"), "Database"), id, output);
        QueryExecution execution = new QueryExecution(id, query, group.name(), context, output);
        store.add(execution);
        if (token != null) {
            store.rememberToken(token, id);
        }
        runner.submit(execution);
        return JSON.createObjectNode().put("QueryExecutionId", id);
    }

    /**
     * Substitutes ExecutionParameters for the {@code ?} placeholders, in order; each parameter is
     * SQL text such as {@code 'abc'} or {@code 42}
     * (https://docs.aws.amazon.com/athena/latest/ug/querying-with-prepared-statements.html).
     */
    static String bindParameters(String query, JsonNode parameters) {
        List<SqlToken> tokens = SqlTokenizer.tokenize(query);
        int placeholders = (int) tokens.stream().filter(t -> t.isSymbol("?")).count();
        int given = parameters == null || !parameters.isArray() ? 0 : parameters.size();
        if (placeholders == 0 && given == 0) {
            return query;
        }
        if (placeholders != given) {
            throw invalid("Incorrect number of parameters: expected " + placeholders + " but found " + given);
        }
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (SqlToken t : tokens) {
            sb.append(t.isSymbol("?") ? parameters.get(next++).asText() : t.text());
        }
        return sb.toString();
    }

    ObjectNode getQueryExecution(JsonNode in) {
        QueryExecution e = existing(text(in, "QueryExecutionId"));
        ObjectNode out = JSON.createObjectNode();
        out.set("QueryExecution", describe(e));
        return out;
    }

    ObjectNode batchGetQueryExecution(JsonNode in) {
        ArrayNode found = JSON.createArrayNode();
        ArrayNode unprocessed = JSON.createArrayNode();
        for (JsonNode id : in.path("QueryExecutionIds")) {
            QueryExecution e = store.execution(id.asText());
            if (e == null) {
                unprocessed.addObject().put("QueryExecutionId", id.asText()).put("ErrorCode", "INVALID_INPUT")
                        .put("ErrorMessage", "QueryExecution " + id.asText() + " was not found");
            } else {
                found.add(describe(e));
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("QueryExecutions", found);
        out.set("UnprocessedQueryExecutionIds", unprocessed);
        return out;
    }

    private ObjectNode describe(QueryExecution e) {
        ObjectNode q = JSON.createObjectNode();
        q.put("QueryExecutionId", e.id);
        q.put("Query", e.query);
        q.put("StatementType", e.statementType());
        QueryResult result = e.result();
        if (result != null) {
            q.put("SubstatementType", result.substatementType());
        }
        q.putObject("ResultConfiguration").put("OutputLocation", e.resultFile());
        q.putObject("ResultReuseConfiguration").putObject("ResultReuseByAgeConfiguration").put("Enabled", false);
        q.putObject("QueryExecutionContext").put("Database", e.context.database()).put("Catalog", "AwsDataCatalog");
        ObjectNode status = q.putObject("Status");
        status.put("State", e.state());
        if (e.reason() != null) {
            status.put("StateChangeReason", e.reason());
        }
        status.put("SubmissionDateTime", epochSeconds(e.submitted));
        if (e.completed() != null) {
            status.put("CompletionDateTime", epochSeconds(e.completed()));
        }
        AthenaQueryException error = e.error();
        if (error != null) {
            status.putObject("AthenaError").put("ErrorCategory", error.errorCategory()).put("ErrorType", 1000)
                    .put("Retryable", false).put("ErrorMessage", error.getMessage());
        }
        ObjectNode stats = q.putObject("Statistics");
        stats.put("EngineExecutionTimeInMillis", e.engineMillis());
        stats.put("DataScannedInBytes", result == null ? 0 : result.dataScannedInBytes());
        stats.put("TotalExecutionTimeInMillis", e.completed() == null ? 0
                : Duration.between(e.submitted, e.completed()).toMillis());
        stats.put("QueryQueueTimeInMillis", runner.queueTime().toMillis());
        stats.put("ServicePreProcessingTimeInMillis", 0);
        stats.put("QueryPlanningTimeInMillis", 0);
        stats.put("ServiceProcessingTimeInMillis", 0);
        stats.putObject("ResultReuseInformation").put("ReusedPreviousResult", false);
        q.put("WorkGroup", e.workGroup);
        q.putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return q;
    }

    ObjectNode getQueryResults(JsonNode in) {
        QueryExecution e = existing(text(in, "QueryExecutionId"));
        String state = e.state();
        // Athena's words and codes for each state (recorded in aoyagikouhei/athena-local,
        // src/operation/query_execution.rs): a cancelled query has no results rather than a final state.
        if (state.equals("QUEUED") || state.equals("RUNNING")) {
            throw AthenaErrors.invalidState("Query has not yet finished. Current state: " + state);
        }
        if (state.equals("CANCELLED")) {
            throw AthenaErrors.resultNotFound();
        }
        if (!state.equals("SUCCEEDED")) {
            throw AthenaErrors.invalidState("Query did not finish successfully. Final query state: " + state
                    + (e.reason() == null ? "" : "\n" + e.reason()));
        }
        QueryResult result = e.result();
        List<List<String>> all = new ArrayList<>();
        if (result.statementType().equals("DML") && !result.columns().isEmpty()) {
            all.add(result.columns().stream().map(ResultColumn::name).toList());
        }
        all.addAll(result.rows());
        int max = maxResults(in, MAX_RESULTS);
        int from = pageStart(in);
        int to = (int) Math.min(all.size(), (long) from + max);
        ObjectNode out = JSON.createObjectNode();
        out.put("UpdateCount", result.updateCount());
        ObjectNode set = out.putObject("ResultSet");
        ArrayNode rows = set.putArray("Rows");
        for (List<String> row : all.subList(Math.min(from, to), to)) {
            ArrayNode data = rows.addObject().putArray("Data");
            for (String v : row) {
                ObjectNode cell = data.addObject();
                if (v != null) {
                    cell.put("VarCharValue", v);
                }
            }
        }
        ArrayNode columns = set.putObject("ResultSetMetadata").putArray("ColumnInfo");
        result.columns().forEach(c -> columns.add(AthenaJson.columnInfo(c)));
        if (to < all.size()) {
            out.put("NextToken", String.valueOf(to));
        }
        return out;
    }

    ObjectNode stopQueryExecution(JsonNode in) {
        QueryExecution execution = existing(text(in, "QueryExecutionId"));
        execution.cancel();
        store.save(execution);
        return JSON.createObjectNode();
    }

    ObjectNode listQueryExecutions(JsonNode in) {
        String group = text(in, "WorkGroup") == null ? "primary" : text(in, "WorkGroup");
        WorkGroupOperations.existing(store, group);
        List<QueryExecution> list = store.executions();
        list.removeIf(e -> !e.workGroup.equals(group));
        list.sort((a, b) -> b.submitted.compareTo(a.submitted)); // newest first, as Athena lists them
        int max = maxResults(in, 50);
        int from = pageStart(in);
        int to = (int) Math.min(list.size(), (long) from + max);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode ids = out.putArray("QueryExecutionIds");
        list.subList(Math.min(from, to), to).forEach(e -> ids.add(e.id));
        if (to < list.size()) {
            out.put("NextToken", String.valueOf(to));
        }
        return out;
    }

    private QueryExecution existing(String id) {
        QueryExecution e = store.execution(id);
        if (e == null) {
            throw AthenaErrors.executionNotFound(id);
        }
        return e;
    }
}
