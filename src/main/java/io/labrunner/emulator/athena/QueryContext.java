package io.labrunner.emulator.athena;

/**
 * Where a statement runs: the default database (Athena's QueryExecutionContext), the query's id
 * and the result location, which CTAS uses for tables without an {@code external_location}.
 *
 * @param database       default database, e.g. {@code default}
 * @param queryId        the query execution id, used to name written files
 * @param outputLocation {@code s3://...} result location, or null
 */
public record QueryContext(String database, String queryId, String outputLocation) {

    public QueryContext {
        database = database == null || database.isBlank() ? "default" : database;
    }
}
