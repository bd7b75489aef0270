package io.labrunner.labs.athenactas;

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
 * The checks' own Athena client: they ask their query themselves and read its rows and
 * {@code DataScannedInBytes} — the number Athena bills — from the service, not from anything
 * the solution ran or printed.
 */
final class CheckQueries {
    /** A finished query as the checks see it. */
    record Answer(String state, String reason, long scannedBytes, List<List<String>> rows) {
        boolean succeeded() {
            return "SUCCEEDED".equals(state);
        }
    }

    private CheckQueries() {
    }

    static Answer ask(LabContext ctx, String sql) {
        AthenaClient athena = ctx.athena();
        String id = athena.startQueryExecution(start -> start
                .queryString(sql)
                .queryExecutionContext(context -> context.database(AthenaCtasParquetLab.database(ctx)))
                .resultConfiguration(result -> result.outputLocation(AthenaCtasParquetLab.results(ctx) + "checks/")))
                .queryExecutionId();
        QueryExecution execution = ctx.waitFor("the check's query " + id, Duration.ofMinutes(5), Duration.ofMillis(200),
                () -> {
                    QueryExecution e = athena.getQueryExecution(get -> get.queryExecutionId(id)).queryExecution();
                    QueryExecutionState state = e.status().state();
                    return state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING
                            ? Optional.empty() : Optional.of(e);
                });
        String state = execution.status().stateAsString();
        if (!"SUCCEEDED".equals(state)) {
            return new Answer(state, execution.status().stateChangeReason(), 0, List.of());
        }
        List<List<String>> rows = new ArrayList<>();
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(get -> get.queryExecutionId(id))) {
            for (Row row : page.resultSet().rows()) {
                rows.add(row.data().stream().map(Datum::varCharValue).toList());
            }
        }
        Long scanned = execution.statistics() == null ? null : execution.statistics().dataScannedInBytes();
        // The first row of a SELECT's result is its header.
        return new Answer(state, null, scanned == null ? 0 : scanned, rows.isEmpty() ? rows : rows.subList(1, rows.size()));
    }
}
