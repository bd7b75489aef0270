package io.labrunner.emulator.athena;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the SQL a learner sends to what Athena itself would run before any of it reaches DuckDB:
 * one statement per query, and none of DuckDB's own table functions ({@code read_text},
 * {@code read_csv}, {@code glob}, {@code query}, {@code duckdb_settings}, {@code pragma_*}, ...),
 * which Athena does not have and which read or list files. The engine's own reads of a table's
 * objects are generated after this check and never pass through it.
 *
 * <p>This is one of two fences: every DuckDB session is also locked down (see {@link DuckSession}),
 * so a function this check missed still cannot reach a file outside the blob root.
 */
final class SqlSandbox {
    /** What may follow a relation in Trino's grammar, as its parser lists it when something else does. */
    private static final String AFTER_RELATION = "',', 'CROSS', 'EXCEPT', 'FULL', 'GROUP', 'HAVING', 'INNER', "
            + "'INTERSECT', 'JOIN', 'LEFT', 'LIMIT', 'NATURAL', 'OFFSET', 'ORDER', 'RIGHT', 'TABLESAMPLE', 'UNION', "
            + "'WHERE', <EOF>";

    /** What Trino's grammar lets stand in FROM before a parenthesis. */
    private static final Set<String> RELATION_CALLS = Set.of("unnest", "lateral", "table");

    /** Prefixes of DuckDB's built-in views ({@code duckdb_databases}, {@code pg_settings}, {@code sqlite_master}, ...). */
    private static final List<String> SYSTEM_VIEW_PREFIXES = List.of("duckdb_", "pragma_", "pg_", "sqlite_");

    /** Schemas and catalogs DuckDB has of its own; Trino's information_schema is left to work. */
    private static final Set<String> DUCKDB_SCHEMAS = Set.of("pg_catalog", "main", "temp", "system", "memory");

    private SqlSandbox() {
    }

    /**
     * True when the text is one statement: a semicolon may end it, but nothing but comments may
     * follow. Semicolons inside string literals, quoted names and comments do not count.
     */
    static boolean singleStatement(String sql) {
        return secondStatement(sql) == null;
    }

    /**
     * Refuses a text of several statements as Trino's parser does: at the first token after the
     * semicolon that ends the first one.
     *
     * @throws AthenaQueryException SYNTAX_ERROR
     */
    static void requireSingleStatement(String sql) {
        SqlToken next = secondStatement(sql);
        if (next != null) {
            throw new AthenaQueryException("SYNTAX_ERROR", next.position() + ": mismatched input '" + next.text()
                    + "'. Expecting: <EOF>");
        }
    }

    /** The first significant token after the first semicolon, or null. */
    private static SqlToken secondStatement(String sql) {
        List<SqlToken> sig = SqlTokenizer.significant(SqlTokenizer.tokenize(sql));
        for (int i = 0; i + 1 < sig.size(); i++) {
            if (sig.get(i).isSymbol(";")) {
                return sig.get(i + 1);
            }
        }
        return null;
    }

    /**
     * The locations a statement names as string literals: {@code LOCATION '...'} (CREATE EXTERNAL
     * TABLE, ALTER TABLE ADD PARTITION), {@code external_location = '...'} (CTAS) and
     * {@code UNLOAD (...) TO '...'}.
     */
    static List<String> locations(String sql) {
        List<SqlToken> sig = SqlTokenizer.significant(SqlTokenizer.tokenize(sql));
        boolean unload = !sig.isEmpty() && sig.get(0).isWord("unload");
        List<String> found = new ArrayList<>();
        for (int i = 1; i < sig.size(); i++) {
            SqlToken t = sig.get(i);
            if (t.kind() != SqlToken.Kind.STRING) {
                continue;
            }
            SqlToken before = sig.get(i - 1);
            boolean external = before.isSymbol("=") && i >= 2 && sig.get(i - 2).identifier()
                    && sig.get(i - 2).name().equals("external_location");
            if (before.isWord("location") || external || (unload && before.isWord("to"))) {
                found.add(t.stringValue());
            }
        }
        return found;
    }

    /**
     * Refuses a query (or a view's text) that names a DuckDB-only table function or a file
     * instead of a table, the way Athena refuses what it does not know.
     *
     * @param database the default database
     * @param catalog  the catalog, whose tables may have any name
     * @throws AthenaQueryException SYNTAX_ERROR, FUNCTION_NOT_FOUND or TABLE_NOT_FOUND
     */
    static void check(String sql, String database, TableCatalog catalog) {
        requireSingleStatement(sql);
        QueryAnalysis analysis = new QueryAnalysis(sql);
        List<SqlToken> sig = analysis.sig;
        for (int i = 0; i < sig.size(); i++) {
            SqlToken t = sig.get(i);
            SqlToken next = i + 1 < sig.size() ? sig.get(i + 1) : null;
            if (t.identifier() && next != null && next.isSymbol("(")) {
                int name = i;
                while (name >= 2 && sig.get(name - 1).isSymbol(".") && sig.get(name - 2).identifier()) {
                    name -= 2; // main.read_csv(...) stands where its first part does
                }
                if (analysis.inFromPosition(name) && !RELATION_CALLS.contains(t.name())) {
                    // Trino has no bare function call in FROM (DuckDB's range(), read_csv(), ...):
                    // its parser stops at the parenthesis.
                    throw new AthenaQueryException("SYNTAX_ERROR", next.position() + ": mismatched input '('. Expecting: "
                            + AFTER_RELATION);
                }
                if (DeniedFunctions.NAMES.contains(t.name())) {
                    throw new AthenaQueryException("FUNCTION_NOT_FOUND", t.position() + ": Function '" + t.name()
                            + "' not registered");
                }
            }
            if (t.kind() == SqlToken.Kind.STRING && analysis.inFromPosition(i)) {
                // DuckDB reads FROM 'file.csv' as a file; to Trino a string is no relation.
                throw new AthenaQueryException("SYNTAX_ERROR", t.position() + ": mismatched input '" + t.text()
                        + "'. Expecting: '(', 'LATERAL', 'UNNEST', <identifier>");
            }
        }
        for (TableReference ref : analysis.references) {
            boolean catalogTable = ref.catalog().equals(DuckSession.CATALOG)
                    && catalog.table(ref.database(database), ref.tableName()).isPresent();
            // DuckDB would read FROM "dir/file.csv" as a file, and its own views (pg_settings,
            // duckdb_databases, ...) show the host's paths; Athena has neither.
            if (!catalogTable && (ref.parts().stream().anyMatch(SqlSandbox::looksLikeFile) || duckDbOwn(ref))) {
                throw new AthenaQueryException("TABLE_NOT_FOUND", ref.first().position() + ": Table '"
                        + ref.catalog() + "." + ref.database(database) + "." + ref.tableName() + "' does not exist");
            }
        }
    }

    /** A name DuckDB resolves to one of its system views or to a schema of its own. */
    private static boolean duckDbOwn(TableReference ref) {
        String name = ref.tableName();
        for (String prefix : SYSTEM_VIEW_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        List<String> parts = ref.parts();
        return (parts.size() >= 2 && DUCKDB_SCHEMAS.contains(parts.get(parts.size() - 2)))
                || !ref.catalog().equals(DuckSession.CATALOG);
    }

    private static boolean looksLikeFile(String name) {
        return name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || name.indexOf('.') >= 0;
    }

    /**
     * The function names learner SQL may not call: every DuckDB table function (they read files,
     * list folders, run SQL from strings or report the host's settings) that is not also an
     * ordinary function, except {@code unnest}, which is Trino's too; plus the scalar functions
     * that read settings or variables. Asked of DuckDB itself, so a table function added by a
     * later DuckDB is refused without anyone listing it here.
     */
    private static final class DeniedFunctions {
        static final Set<String> NAMES = load();

        private static Set<String> load() {
            Set<String> names = new HashSet<>(Set.of("current_setting", "getvariable", "json_execute_serialized_sql",
                    "query", "query_table", "read_text", "read_blob", "glob"));
            String sql = "SELECT DISTINCT lower(function_name) FROM duckdb_functions() "
                    + "WHERE function_type IN ('table', 'table_macro', 'pragma') AND function_name NOT IN "
                    + "(SELECT function_name FROM duckdb_functions() WHERE function_type IN ('scalar', 'aggregate', 'macro'))";
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                 Statement st = duck.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            } catch (SQLException e) {
                // Keep the names listed above; the session lockdown still holds for the others.
            }
            names.remove("unnest");
            return Set.copyOf(names);
        }
    }
}
