package io.labrunner.emulator.athena;

import java.time.Instant;

/**
 * One query execution as the Athena service tracks it. State moves
 * QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED; fields are written by the worker and read by
 * API calls, hence the synchronization.
 */
final class QueryExecution {
    final String id;
    final String query;
    final String workGroup;
    final QueryContext context;
    final String outputLocation;
    final Instant submitted;
    private String state = "QUEUED";
    private String reason;
    private AthenaQueryException error;
    private QueryResult result;
    private Instant completed;
    private long startedNanos;
    private long engineMillis;

    QueryExecution(String id, String query, String workGroup, QueryContext context, String outputLocation) {
        this(id, query, workGroup, context, outputLocation, Instant.now());
    }

    private QueryExecution(String id, String query, String workGroup, QueryContext context, String outputLocation,
                           Instant submitted) {
        this.id = id;
        this.query = query;
        this.workGroup = workGroup;
        this.context = context;
        this.outputLocation = outputLocation;
        this.submitted = submitted;
    }

    /** An execution as the state store keeps it; {@code errorName}/{@code errorDetail} only when it failed. */
    record Stored(String id, String query, String workGroup, QueryContext context, String outputLocation,
                  Instant submitted, String state, String reason, String errorName, String errorDetail,
                  QueryResult result, Instant completed, long engineMillis) {
    }

    synchronized Stored stored() {
        return new Stored(id, query, workGroup, context, outputLocation, submitted, state, reason,
                error == null ? null : error.errorName(), error == null ? null : error.detail(), result, completed,
                engineMillis);
    }

    /**
     * An execution loaded from the state store. One still QUEUED or RUNNING when the emulator stopped
     * will never finish: it comes back FAILED with a system error, as Athena reports a query its
     * service lost, so a client polling it gets an answer.
     */
    static QueryExecution restored(Stored s) {
        QueryExecution e = new QueryExecution(s.id(), s.query(), s.workGroup(), s.context(), s.outputLocation(),
                s.submitted());
        e.state = s.state();
        e.reason = s.reason();
        e.error = s.errorName() == null ? null : new AthenaQueryException(s.errorName(), s.errorDetail());
        e.result = s.result();
        e.completed = s.completed();
        e.engineMillis = s.engineMillis();
        if (!e.finished()) {
            e.error = new AthenaQueryException("GENERIC_INTERNAL_ERROR",
                    "the query was interrupted when the emulator stopped");
            e.reason = e.error.getMessage();
            e.state = "FAILED";
            e.completed = s.submitted();
        }
        return e;
    }

    synchronized String state() {
        return state;
    }

    synchronized boolean finished() {
        return !state.equals("QUEUED") && !state.equals("RUNNING");
    }

    /** Moves to RUNNING unless cancelled meanwhile; false when it should not run. */
    synchronized boolean start() {
        if (!state.equals("QUEUED")) {
            return false;
        }
        state = "RUNNING";
        startedNanos = System.nanoTime();
        return true;
    }

    synchronized void succeed(QueryResult r) {
        if (state.equals("RUNNING")) {
            result = r;
            state = "SUCCEEDED";
            finish();
        }
    }

    synchronized void fail(AthenaQueryException e) {
        if (state.equals("RUNNING")) {
            error = e;
            reason = e.getMessage();
            state = "FAILED";
            finish();
        }
    }

    synchronized void cancel() {
        if (!finished()) {
            state = "CANCELLED";
            reason = "Query cancelled by user";
            finish();
        }
    }

    private void finish() {
        completed = Instant.now();
        engineMillis = startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized AthenaQueryException error() {
        return error;
    }

    synchronized QueryResult result() {
        return result;
    }

    synchronized Instant completed() {
        return completed;
    }

    synchronized long engineMillis() {
        return engineMillis;
    }

    /** Statement type before the run finishes is guessed from the first word, as Athena knows it up front. */
    synchronized String statementType() {
        if (result != null) {
            return result.statementType();
        }
        String first = query.trim().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
        switch (first) {
            case "SELECT": case "WITH": case "INSERT": case "VALUES": case "UNLOAD": return "DML";
            case "SHOW": case "DESCRIBE": case "DESC": case "EXPLAIN": return "UTILITY";
            default: return "DDL";
        }
    }

    /** Where the result file goes: {@code <output>/<id>.csv}, or {@code .txt} for DDL and SHOW statements. */
    String resultFile() {
        String base = outputLocation.endsWith("/") ? outputLocation : outputLocation + "/";
        return base + id + (statementType().equals("DML") ? ".csv" : ".txt");
    }
}
