package io.labrunner.labs.s3glueathena;

import io.labrunner.core.LabContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * Running one Athena statement the way every client does: StartQueryExecution, then poll
 * GetQueryExecution until a terminal state (the SDK has no Athena waiter), then page through
 * GetQueryResults.
 */
public final class AthenaQueries {
    private AthenaQueries() {
    }

    /** A finished query: its execution (state, statistics) and its rows, header row first for a SELECT. */
    public record Answer(QueryExecution execution, List<List<String>> rows) {
        /** The data rows of a SELECT, without the header row. */
        public List<List<String>> dataRows() {
            return rows.isEmpty() ? rows : rows.subList(1, rows.size());
        }

        public long dataScannedInBytes() {
            return execution.statistics().dataScannedInBytes();
        }
    }

    /** Runs {@code sql} in {@code database}, writing results under {@code outputLocation}; fails unless it SUCCEEDS. */
    public static Answer run(LabContext ctx, String database, String outputLocation, String sql) {
        AthenaClient athena = ctx.athena();
        String id = athena.startQueryExecution(start -> start
                .queryString(sql)
                .queryExecutionContext(context -> context.database(database))
                .resultConfiguration(result -> result.outputLocation(outputLocation)))
                .queryExecutionId();
        QueryExecution execution = ctx.waitFor("Athena query " + id, Duration.ofMinutes(5), Duration.ofMillis(200),
                () -> finished(athena, id));
        if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
            throw new IllegalStateException("Athena query " + execution.status().state() + ": "
                    + execution.status().stateChangeReason() + "\n  " + sql);
        }
        return new Answer(execution, results(athena, id));
    }

    private static Optional<QueryExecution> finished(AthenaClient athena, String id) {
        QueryExecution execution = athena.getQueryExecution(get -> get.queryExecutionId(id)).queryExecution();
        QueryExecutionState state = execution.status().state();
        boolean done = state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
                || state == QueryExecutionState.CANCELLED;
        return done ? Optional.of(execution) : Optional.empty();
    }

    /** Every row of the result, through the paginator (GetQueryResults returns at most 1,000 rows a call). */
    private static List<List<String>> results(AthenaClient athena, String id) {
        List<List<String>> rows = new ArrayList<>();
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(get -> get.queryExecutionId(id))) {
            for (Row row : page.resultSet().rows()) {
                rows.add(row.data().stream().map(Datum::varCharValue).toList());
            }
        }
        return rows;
    }
}
