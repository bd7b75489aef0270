package io.labrunner.emulator.athena;

import io.labrunner.emulator.ConfinedDuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fresh in-memory DuckDB for one statement, in which each catalog table the statement names
 * is a view {@code awsdatacatalog.<db>.<table>} over the table's objects, and the default
 * database is the current schema, so Trino's {@code t}, {@code db.t} and
 * {@code awsdatacatalog.db.t} all resolve as in Athena.
 */
final class DuckSession implements AutoCloseable {
    static final String CATALOG = "awsdatacatalog";

    /** A name in the statement that resolved to a catalog table. */
    record ResolvedTable(TableReference reference, TableDef table) {
    }

    private final Connection connection;
    private final TableCatalog catalog;
    private final TableRelations relations;
    private final String defaultDatabase;
    private final Set<String> schemas = new HashSet<>();
    private final Set<String> views = new HashSet<>();

    DuckSession(TableCatalog catalog, TableRelations relations, String defaultDatabase) {
        this.catalog = catalog;
        this.relations = relations;
        this.defaultDatabase = defaultDatabase.toLowerCase(java.util.Locale.ROOT);
        try {
            // Trino divides integers as integers; ErrorTranslator reads DuckDB's errors as JSON.
            this.connection = ConfinedDuckDb.open(List.of(relations.blobRoot()),
                    "integer_division=true", "TimeZone='UTC'", "errors_as_json=true");
            execute(TrinoRewriter.MACROS);
            execute("ATTACH ':memory:' AS " + CATALOG);
            schema(this.defaultDatabase);
            execute("USE " + CATALOG + "." + TableRelations.ident(this.defaultDatabase));
        } catch (SQLException e) {
            close();
            throw new AthenaQueryException("GENERIC_INTERNAL_ERROR", "Cannot start DuckDB: " + e.getMessage());
        }
    }

    Connection connection() {
        return connection;
    }

    void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** The names in the query that are catalog tables or views, resolved against a default database. */
    List<ResolvedTable> resolve(QueryAnalysis analysis, String database) throws SQLException {
        List<ResolvedTable> resolved = new ArrayList<>();
        for (TableReference ref : analysis.references) {
            if (!ref.catalog().equals(CATALOG)) {
                continue;
            }
            String db = ref.database(database);
            Optional<TableDef> table = catalog.table(db, ref.tableName());
            if (table.isPresent()) {
                resolved.add(new ResolvedTable(ref, table.get()));
            } else if (catalog.databaseExists(db)) {
                schema(db);
            }
        }
        return resolved;
    }

    /** Creates DuckDB views for every catalog table or view the query names; returns them. */
    List<ResolvedTable> register(QueryAnalysis analysis) throws SQLException {
        return register(analysis, defaultDatabase);
    }

    private List<ResolvedTable> register(QueryAnalysis analysis, String database) throws SQLException {
        List<ResolvedTable> resolved = resolve(analysis, database);
        for (ResolvedTable t : resolved) {
            view(t.table());
        }
        return resolved;
    }

    private void view(TableDef table) throws SQLException {
        String db = table.database().toLowerCase(java.util.Locale.ROOT);
        String key = db + "." + table.name().toLowerCase(java.util.Locale.ROOT);
        if (!views.add(key)) {
            return;
        }
        schema(db);
        String body;
        if (table.isView()) {
            SqlSandbox.check(table.viewText(), db, catalog); // a view's text may come from the Glue API, unchecked
            QueryAnalysis inner = new QueryAnalysis(table.viewText());
            register(inner, db);
            body = TrinoRewriter.rewrite(qualify(table.viewText(), inner, db)).sql();
        } else {
            List<PartitionDef> partitions = catalog.partitions(table.database(), table.name());
            body = relations.relation(connection, table, partitions);
        }
        execute("CREATE VIEW " + CATALOG + "." + TableRelations.ident(db) + "." + TableRelations.ident(table.name())
                + " AS " + body);
    }

    /**
     * A view's SQL with its unqualified table names qualified by the view's database, since the
     * view must read the same tables whatever database the query that uses it runs in.
     */
    private String qualify(String sql, QueryAnalysis analysis, String db) {
        StringBuilder out = new StringBuilder(sql);
        List<TableReference> refs = new ArrayList<>(analysis.references);
        refs.sort((a, b) -> Integer.compare(b.first().offset(), a.first().offset()));
        for (TableReference ref : refs) {
            if (ref.parts().size() == 1 && catalog.table(db, ref.tableName()).isPresent()) {
                SqlToken t = ref.first();
                out.replace(t.offset(), t.offset() + t.text().length(),
                        CATALOG + "." + TableRelations.ident(db) + "." + TableRelations.ident(ref.tableName()));
            }
        }
        return out.toString();
    }

    private void schema(String db) throws SQLException {
        if (schemas.add(db)) {
            execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG + "." + TableRelations.ident(db));
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing an in-memory database cannot lose anything
        }
    }
}
