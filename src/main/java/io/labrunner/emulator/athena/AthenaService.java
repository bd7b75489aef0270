package io.labrunner.emulator.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Amazon Athena over JSON 1.1 ({@code X-Amz-Target: AmazonAthena.<Operation>}, signing name
 * {@code athena}) on the protocol core: work groups and query executions that run on
 * {@link AthenaEngine} in the background, moving QUEUED → RUNNING → SUCCEEDED/FAILED, and leave
 * their results as a CSV file (plus {@code .metadata}) in the output location
 * (https://docs.aws.amazon.com/athena/latest/APIReference/API_Operations.html).
 *
 * <p>The core reads each request and checks it against Athena's API model first; Athena answers a
 * request breaking the model's constraints not with a ValidationException but with an
 * InvalidRequestException ({@code AthenaErrorCode} INVALID_INPUT) and quotes no value back
 * ({@code 1 validation error detected: Value at 'maxResults' failed to satisfy constraint: ...};
 * responses recorded against Athena in aoyagikouhei/athena-local, {@code src/operation/validation.rs}).
 * The handlers here check only what the model cannot say.
 */
public final class AthenaService implements AwsService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESULTS = 1000;

    private final AthenaEngine engine;
    private final BlobLocations blobs;
    private final Duration queueTime;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "athena-queries");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, QueryExecution> executions = new ConcurrentHashMap<>();
    private final Map<String, String> idsByToken = new ConcurrentHashMap<>();
    private final Map<String, WorkGroup> workGroups = new ConcurrentHashMap<>();
    private final JsonProtocolService protocol = JsonProtocolService.builder("athena")
            .validationError(AthenaErrors::invalidInput)
            .quotesValues(false)
            .handler("StartQueryExecution", (in, request) -> startQueryExecution(in))
            .handler("GetQueryExecution", (in, request) -> getQueryExecution(in))
            .handler("BatchGetQueryExecution", (in, request) -> batchGetQueryExecution(in))
            .handler("GetQueryResults", (in, request) -> getQueryResults(in))
            .handler("StopQueryExecution", (in, request) -> stopQueryExecution(in))
            .handler("ListQueryExecutions", (in, request) -> listQueryExecutions(in))
            .handler("GetWorkGroup", (in, request) -> getWorkGroup(in))
            .handler("ListWorkGroups", (in, request) -> listWorkGroups())
            .handler("CreateWorkGroup", (in, request) -> createWorkGroup(in))
            .handler("DeleteWorkGroup", (in, request) -> deleteWorkGroup(in))
            .build();

    private final StateMap<QueryExecution.Stored> storedExecutions;
    private final StateMap<String> storedTokens;
    private final StateMap<WorkGroup> storedWorkGroups;

    /** A work group: its name, its result location (may be null) and description. */
    record WorkGroup(String name, String outputLocation, String description, Instant created) {
    }

    /**
     * @param blobRoot  the folder under which {@code s3://bucket/key} is {@code bucket/key}
     * @param catalog   the Data Catalog the queries read and the DDL writes
     * @param queueTime how long a query stays QUEUED before it runs, so that clients that do not
     *                  wait for the query see what they would see on AWS
     */
    public AthenaService(Path blobRoot, TableCatalog catalog, Duration queueTime) {
        this(blobRoot, catalog, queueTime, StateStore.none());
    }

    /**
     * An Athena whose work groups, query history and results are kept in {@code state}: loaded now,
     * written through on every change.
     */
    public AthenaService(Path blobRoot, TableCatalog catalog, Duration queueTime, StateStore state) {
        this.engine = new AthenaEngine(blobRoot, catalog);
        this.blobs = new BlobLocations(blobRoot);
        this.queueTime = queueTime;
        this.storedExecutions = state.map("athena.executions", QueryExecution.Stored.class);
        this.storedTokens = state.map("athena.client-request-tokens", String.class);
        this.storedWorkGroups = state.map("athena.workgroups", WorkGroup.class);
        workGroups.putAll(storedWorkGroups.entries());
        if (!workGroups.containsKey("primary")) {
            saveWorkGroup(new WorkGroup("primary", null, "", Instant.now()));
        }
        for (QueryExecution.Stored stored : storedExecutions.values()) {
            QueryExecution execution = QueryExecution.restored(stored);
            executions.put(execution.id, execution);
            save(execution);
        }
        idsByToken.putAll(storedTokens.entries());
        warmUpDuckDb();
    }

    private void save(QueryExecution execution) {
        storedExecutions.put(execution.id, execution.stored());
    }

    private void saveWorkGroup(WorkGroup group) {
        workGroups.put(group.name(), group);
        storedWorkGroups.put(group.name(), group);
    }

    /**
     * Loads DuckDB's native library on a background thread (about 0.8 s, once per JVM), so that the
     * first query — or the first crawl, which uses DuckDB too — does not wait for it.
     */
    private static void warmUpDuckDb() {
        Thread warmUp = new Thread(() -> {
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                duck.isValid(1);
            } catch (SQLException | RuntimeException e) {
                // The first real query reports what is wrong.
            }
        }, "athena-duckdb-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public String signingName() {
        return "athena";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /** The operations this emulator implements, by their model names. */
    java.util.Set<String> implementedOperations() {
        return protocol.operations();
    }

    private ObjectNode startQueryExecution(JsonNode in) {
        String query = text(in, "QueryString");
        // The model refuses an empty string; one of only blanks passes it and is refused here.
        if (query.isBlank()) {
            throw invalid("QueryString must not be empty");
        }
        String token = text(in, "ClientRequestToken");
        if (token != null && idsByToken.containsKey(token)) {
            return JSON.createObjectNode().put("QueryExecutionId", idsByToken.get(token));
        }
        WorkGroup group = workGroup(text(in, "WorkGroup") == null ? "primary" : text(in, "WorkGroup"));
        String output = text(in.path("ResultConfiguration"), "OutputLocation");
        if (output == null) {
            output = group.outputLocation();
        }
        if (output == null) {
            throw invalid("Unable to verify/create output bucket. No output location provided. An output location is "
                    + "required either through the Workgroup result configuration setting or as an API input.");
        }
        requireResultLocation(output);
        query = bindParameters(query, in.path("ExecutionParameters"));
        String refusal = engine.refusal(query);
        if (refusal != null) {
            throw invalid(refusal);
        }
        String id = UUID.randomUUID().toString();
        QueryContext context = new QueryContext(text(in.path("QueryExecutionContext"), "Database"), id, output);
        QueryExecution execution = new QueryExecution(id, query, group.name(), context, output);
        executions.put(id, execution);
        save(execution);
        if (token != null) {
            idsByToken.put(token, id);
            storedTokens.put(token, id);
        }
        worker.submit(() -> run(execution));
        return JSON.createObjectNode().put("QueryExecutionId", id);
    }

    /**
     * Refuses a result location that is not an {@code s3://bucket/...} URI under the blob root, in
     * Athena's words (quoted in https://github.com/boto/boto3/issues/1194).
     */
    private void requireResultLocation(String outputLocation) {
        if (!engine.holds(outputLocation)) {
            throw invalid("outputLocation is not a valid S3 path. Provided " + outputLocation);
        }
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

    private void run(QueryExecution execution) {
        try {
            long waitMillis = queueTime.toMillis() - Duration.between(execution.submitted, Instant.now()).toMillis();
            if (waitMillis > 0) {
                TimeUnit.MILLISECONDS.sleep(waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!execution.start()) {
            return;
        }
        save(execution);
        try {
            QueryResult result = engine.execute(execution.query, execution.context);
            writeResultFiles(execution, result);
            execution.succeed(result);
        } catch (AthenaQueryException e) {
            execution.fail(e);
        } catch (RuntimeException e) {
            execution.fail(new AthenaQueryException("GENERIC_INTERNAL_ERROR", blobs.hideHostPaths(String.valueOf(e.getMessage()))));
        }
        save(execution);
    }

    private void writeResultFiles(QueryExecution execution, QueryResult result) {
        String uri = execution.resultFile();
        Path file = blobs.path(uri);
        try {
            Files.createDirectories(file.getParent());
            String content = uri.endsWith(".csv") ? result.toCsv() : textResult(result);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            ArrayNode columns = JSON.createArrayNode();
            result.columns().forEach(c -> columns.add(columnInfo(c)));
            // Athena's own .metadata is a binary encoding; this one carries the same column info as JSON.
            Files.writeString(file.resolveSibling(file.getFileName() + ".metadata"),
                    JSON.createObjectNode().set("ColumnInfo", columns).toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DDL and SHOW results are plain text, one row a line, cells separated by tabs. */
    private static String textResult(QueryResult result) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : result.rows()) {
            sb.append(String.join("\t", row.stream().map(v -> v == null ? "" : v).toList())).append('\n');
        }
        return sb.toString();
    }

    private ObjectNode getQueryExecution(JsonNode in) {
        QueryExecution e = execution(text(in, "QueryExecutionId"));
        ObjectNode out = JSON.createObjectNode();
        out.set("QueryExecution", describe(e));
        return out;
    }

    private ObjectNode batchGetQueryExecution(JsonNode in) {
        ArrayNode found = JSON.createArrayNode();
        ArrayNode unprocessed = JSON.createArrayNode();
        for (JsonNode id : in.path("QueryExecutionIds")) {
            QueryExecution e = executions.get(id.asText());
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
        stats.put("QueryQueueTimeInMillis", queueTime.toMillis());
        stats.put("ServicePreProcessingTimeInMillis", 0);
        stats.put("QueryPlanningTimeInMillis", 0);
        stats.put("ServiceProcessingTimeInMillis", 0);
        stats.putObject("ResultReuseInformation").put("ReusedPreviousResult", false);
        q.put("WorkGroup", e.workGroup);
        q.putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return q;
    }

    private ObjectNode getQueryResults(JsonNode in) {
        QueryExecution e = execution(text(in, "QueryExecutionId"));
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
        result.columns().forEach(c -> columns.add(columnInfo(c)));
        if (to < all.size()) {
            out.put("NextToken", String.valueOf(to));
        }
        return out;
    }

    private static ObjectNode columnInfo(ResultColumn c) {
        ObjectNode info = JSON.createObjectNode();
        info.put("CatalogName", "hive").put("SchemaName", "").put("TableName", "").put("Name", c.name())
                .put("Label", c.name()).put("Type", c.type()).put("Precision", c.precision()).put("Scale", c.scale())
                .put("Nullable", "UNKNOWN").put("CaseSensitive", c.type().equals("varchar"));
        return info;
    }

    private ObjectNode stopQueryExecution(JsonNode in) {
        QueryExecution execution = execution(text(in, "QueryExecutionId"));
        execution.cancel();
        save(execution);
        return JSON.createObjectNode();
    }

    private ObjectNode listQueryExecutions(JsonNode in) {
        String group = text(in, "WorkGroup") == null ? "primary" : text(in, "WorkGroup");
        workGroup(group);
        List<QueryExecution> list = new ArrayList<>(executions.values());
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

    private ObjectNode getWorkGroup(JsonNode in) {
        WorkGroup g = workGroup(text(in, "WorkGroup"));
        ObjectNode out = JSON.createObjectNode();
        ObjectNode wg = out.putObject("WorkGroup");
        wg.put("Name", g.name()).put("State", "ENABLED").put("Description", g.description())
                .put("CreationTime", epochSeconds(g.created()));
        ObjectNode config = wg.putObject("Configuration");
        if (g.outputLocation() != null) {
            config.putObject("ResultConfiguration").put("OutputLocation", g.outputLocation());
        }
        config.put("EnforceWorkGroupConfiguration", false).put("PublishCloudWatchMetricsEnabled", false)
                .put("RequesterPaysEnabled", false);
        config.putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return out;
    }

    private ObjectNode listWorkGroups() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("WorkGroups");
        new LinkedHashMap<>(workGroups).values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(g ->
                list.addObject().put("Name", g.name()).put("State", "ENABLED").put("Description", g.description())
                        .put("CreationTime", epochSeconds(g.created())));
        return out;
    }

    private ObjectNode createWorkGroup(JsonNode in) {
        String name = text(in, "Name");
        String output = text(in.path("Configuration").path("ResultConfiguration"), "OutputLocation");
        if (output != null) {
            requireResultLocation(output);
        }
        WorkGroup group = new WorkGroup(name, output,
                text(in, "Description") == null ? "" : text(in, "Description"), Instant.now());
        if (workGroups.putIfAbsent(name, group) != null) {
            throw invalid("WorkGroup is already created");
        }
        storedWorkGroups.put(name, group);
        return JSON.createObjectNode();
    }

    private ObjectNode deleteWorkGroup(JsonNode in) {
        String name = text(in, "WorkGroup");
        if ("primary".equals(name)) {
            throw invalid("Primary workGroup could not be deleted");
        }
        workGroup(name);
        // A work group with contents (here: query executions) goes only with RecursiveDeleteOption,
        // which removes the contents too
        // (https://docs.aws.amazon.com/athena/latest/APIReference/API_DeleteWorkGroup.html).
        boolean hasExecutions = executions.values().stream().anyMatch(e -> e.workGroup.equals(name));
        if (hasExecutions && !in.path("RecursiveDeleteOption").asBoolean(false)) {
            throw invalid("WorkGroup " + name + " is not empty");
        }
        executions.values().removeIf(e -> {
            if (e.workGroup.equals(name)) {
                storedExecutions.remove(e.id);
                return true;
            }
            return false;
        });
        workGroups.remove(name);
        storedWorkGroups.remove(name);
        return JSON.createObjectNode();
    }

    private WorkGroup workGroup(String name) {
        WorkGroup g = workGroups.get(name);
        if (g == null) {
            throw AthenaErrors.workGroupNotFound(name);
        }
        return g;
    }

    private QueryExecution execution(String id) {
        QueryExecution e = executions.get(id);
        if (e == null) {
            throw AthenaErrors.executionNotFound(id);
        }
        return e;
    }

    private static AwsException invalid(String message) {
        return AthenaErrors.invalidInput(message);
    }

    private static double epochSeconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    /** A string member (the model holds it to be one), or null when absent. */
    private static String text(JsonNode node, String field) {
        return node.path(field).textValue();
    }

    /**
     * MaxResults, which the model holds within the operation's range; absent (or 0, where the model
     * allows it) means {@code limit}, so that a paginator always moves on.
     */
    private static int maxResults(JsonNode in, int limit) {
        int given = in.path("MaxResults").asInt(0);
        return given == 0 ? limit : given;
    }

    /** Where a page starts: this emulator's NextToken is the index of the next entry. */
    private static int pageStart(JsonNode in) {
        String token = text(in, "NextToken");
        if (token == null) {
            return 0;
        }
        try {
            int from = Integer.parseInt(token);
            if (from >= 0) {
                return from;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("Invalid NextToken");
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
