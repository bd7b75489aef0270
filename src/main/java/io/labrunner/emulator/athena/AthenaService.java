package io.labrunner.emulator.athena;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

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
 * The handlers ({@link QueryOperations}, {@link WorkGroupOperations}) check only what the model cannot
 * say; the state is {@link AthenaStore}'s.
 */
public final class AthenaService implements AwsService {
    private final QueryRunner runner;
    private final JsonProtocolService protocol;
    private final AthenaAccess access;

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
        AthenaEngine engine = new AthenaEngine(blobRoot, catalog);
        AthenaStore store = new AthenaStore(state);
        this.access = new AthenaAccess(store);
        this.runner = new QueryRunner(engine, new BlobLocations(blobRoot), store, queueTime);
        QueryOperations queries = new QueryOperations(engine, store, runner);
        WorkGroupOperations workGroups = new WorkGroupOperations(engine, store);
        this.protocol = JsonProtocolService.builder("athena")
                .validationError(AthenaErrors::invalidInput)
                .quotesValues(false)
                .handler("StartQueryExecution", (in, request) -> queries.startQueryExecution(in))
                .handler("GetQueryExecution", (in, request) -> queries.getQueryExecution(in))
                .handler("BatchGetQueryExecution", (in, request) -> queries.batchGetQueryExecution(in))
                .handler("GetQueryResults", (in, request) -> queries.getQueryResults(in))
                .handler("StopQueryExecution", (in, request) -> queries.stopQueryExecution(in))
                .handler("ListQueryExecutions", (in, request) -> queries.listQueryExecutions(in))
                .handler("GetWorkGroup", (in, request) -> workGroups.getWorkGroup(in))
                .handler("ListWorkGroups", (in, request) -> workGroups.listWorkGroups())
                .handler("CreateWorkGroup", (in, request) -> workGroups.createWorkGroup(in))
                .handler("DeleteWorkGroup", (in, request) -> workGroups.deleteWorkGroup(in))
                .build();
        QueryRunner.warmUpDuckDb();
    }

    /** The work group a request acts in ({@link AthenaAccess}). */
    @Override
    public java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return access.of(request);
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
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    @Override
    public void close() {
        runner.close();
    }
}
