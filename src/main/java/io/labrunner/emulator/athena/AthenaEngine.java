package io.labrunner.emulator.athena;

import java.nio.file.Path;
import java.util.List;

/**
 * The SQL engine behind the emulated Athena: runs one statement in Athena's dialect (Trino SQL
 * for queries, Hive DDL for tables) against objects stored as files under a blob root, where
 * {@code s3://bucket/key} is {@code <blobRoot>/bucket/key}, with table definitions from a
 * {@link TableCatalog}. Each statement runs in its own in-memory DuckDB, so the engine is safe to
 * call from several threads.
 *
 * <pre>{@code
 * AthenaEngine engine = new AthenaEngine(blobRoot, catalog);
 * QueryResult r = engine.execute("SELECT count(*) FROM sales WHERE year = '2024'",
 *         new QueryContext("lab", queryId, "s3://results/"));
 * }</pre>
 */
public final class AthenaEngine {
    private final BlobLocations blobs;
    private final CatalogStatements catalogStatements;
    private final SelectExecutor selects;
    private final TableWriter writer;
    private final ViewStatements views;

    public AthenaEngine(Path blobRoot, TableCatalog catalog) {
        this.blobs = new BlobLocations(blobRoot);
        TableRelations relations = new TableRelations(blobs);
        this.catalogStatements = new CatalogStatements(catalog, blobs);
        this.selects = new SelectExecutor(catalog, relations);
        this.writer = new TableWriter(catalog, blobs, selects, relations);
        this.views = new ViewStatements(catalog, selects, relations);
    }

    /**
     * Runs one statement.
     *
     * @throws AthenaQueryException when it fails; the message is Athena's StateChangeReason, in
     *                              which host paths under the blob root read as {@code s3://} URIs
     */
    public QueryResult execute(String sql, QueryContext context) {
        try {
            return dispatch(sql, context);
        } catch (AthenaQueryException e) {
            throw new AthenaQueryException(e.errorName(), blobs.hideHostPaths(e.detail()));
        } catch (RuntimeException e) {
            throw new AthenaQueryException("GENERIC_INTERNAL_ERROR", blobs.hideHostPaths(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Whether Athena would take this statement at StartQueryExecution: one statement, and every
     * location it names an {@code s3://} place the blob root holds.
     *
     * @return null when it would, else the InvalidRequestException message Athena gives
     */
    public String refusal(String sql) {
        if (!SqlSandbox.singleStatement(sql)) {
            // Athena's words (quoted in https://github.com/DyfanJones/noctua/issues/190).
            return "Only one sql statement is allowed. Got: " + sql;
        }
        for (String location : SqlSandbox.locations(sql)) {
            if (!blobs.holds(location)) {
                return BlobLocations.invalidLocation(location);
            }
        }
        return null;
    }

    /** Whether an {@code s3://} URI names a place under the blob root, as a query result location must. */
    public boolean holds(String s3Uri) {
        return blobs.holds(s3Uri);
    }

    private QueryResult dispatch(String sql, QueryContext context) {
        SqlSandbox.requireSingleStatement(sql);
        TokenCursor c = new TokenCursor(sql);
        SqlToken first = c.peek();
        if (first == null) {
            throw new AthenaQueryException("SYNTAX_ERROR", "line 1:1: mismatched input '<EOF>'. Expecting: 'SELECT'");
        }
        if (first.isWord("select") || first.isWord("with") || first.isWord("values") || first.isSymbol("(")) {
            return selects.select(stripSemicolon(sql), context);
        }
        if (c.acceptWord("create", "external", "table")) {
            return catalogStatements.createExternalTable(c, context);
        }
        if (c.acceptWord("create", "database") || c.acceptWord("create", "schema")) {
            return catalogStatements.createDatabase(c);
        }
        if (c.acceptWord("create", "view")) {
            return views.createView(c, sql, context, false);
        }
        if (c.acceptWord("create", "or", "replace", "view")) {
            return views.createView(c, sql, context, true);
        }
        if (c.acceptWord("drop", "view")) {
            return views.dropView(c, context);
        }
        if (c.acceptWord("create", "table")) {
            if (!containsWord(sql, "as")) {
                throw new AthenaQueryException("FAILED", "Only external table creation is supported.");
            }
            return writer.createTableAs(c, sql, context);
        }
        if (c.acceptWord("drop", "table")) {
            return catalogStatements.dropTable(c, context);
        }
        if (c.acceptWord("drop", "database") || c.acceptWord("drop", "schema")) {
            return catalogStatements.dropDatabase(c);
        }
        if (c.acceptWord("show", "tables")) {
            return catalogStatements.showTables(c, context);
        }
        if (c.acceptWord("show", "databases") || c.acceptWord("show", "schemas")) {
            return catalogStatements.showDatabases(c);
        }
        if (c.acceptWord("show", "partitions")) {
            return catalogStatements.showPartitions(c, context);
        }
        if (c.acceptWord("show", "columns")) {
            return catalogStatements.showColumns(c, context);
        }
        if (c.acceptWord("describe") || c.acceptWord("desc")) {
            return catalogStatements.describe(c, context);
        }
        if (c.acceptWord("msck", "repair", "table")) {
            return catalogStatements.repairTable(c, context);
        }
        if (c.acceptWord("alter", "table")) {
            return catalogStatements.alterTable(c, context);
        }
        if (c.acceptWord("unload")) {
            return writer.unload(c, sql, context);
        }
        if (c.acceptWord("insert", "into")) {
            return writer.insertInto(c, sql, context);
        }
        throw c.syntaxError("'ALTER', 'CREATE', 'DESCRIBE', 'DROP', 'INSERT', 'MSCK', 'SELECT', 'SHOW', 'UNLOAD', 'WITH'");
    }

    private static boolean containsWord(String sql, String word) {
        List<SqlToken> tokens = SqlTokenizer.significant(SqlTokenizer.tokenize(sql));
        return tokens.stream().anyMatch(t -> t.isWord(word));
    }

    private static String stripSemicolon(String sql) {
        String t = sql.trim();
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        return t;
    }
}
