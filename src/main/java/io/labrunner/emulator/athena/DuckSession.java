package io.labrunner.emulator.athena;

import java.sql.Connection;
import java.sql.DriverManager;
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
            this.connection = DriverManager.getConnection("jdbc:duckdb:");
            execute("SET autoinstall_known_extensions=false");
            execute("SET autoload_known_extensions=false");
            execute("SET integer_division=true"); // Trino divides integers as integers
            execute("SET TimeZone='UTC'");
            execute(TrinoRewriter.MACROS);
            execute("ATTACH ':memory:' AS " + CATALOG);
            schema(this.defaultDatabase);
            execute("USE " + CATALOG + "." + TableRelations.ident(this.defaultDatabase));
        } catch (SQLException e) {
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

    /** Creates views for every name in the query that is a catalog table; returns those tables. */
    List<ResolvedTable> register(QueryAnalysis analysis) throws SQLException {
        List<ResolvedTable> resolved = new ArrayList<>();
        for (TableReference ref : analysis.references) {
            if (!ref.catalog().equals(CATALOG)) {
                continue;
            }
            String db = ref.database(defaultDatabase);
            Optional<TableDef> table = catalog.table(db, ref.tableName());
            if (table.isEmpty()) {
                if (catalog.databaseExists(db)) {
                    schema(db);
                }
                continue;
            }
            resolved.add(new ResolvedTable(ref, table.get()));
            view(table.get());
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
        List<PartitionDef> partitions = catalog.partitions(table.database(), table.name());
        execute("CREATE VIEW " + CATALOG + "." + TableRelations.ident(db) + "." + TableRelations.ident(table.name())
                + " AS " + relations.relation(connection, table, partitions));
    }

    private void schema(String db) throws SQLException {
        if (schemas.add(db)) {
            execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG + "." + TableRelations.ident(db));
        }
    }

    /** From here on DuckDB reports errors as JSON, which {@link ErrorTranslator} reads. */
    void jsonErrors() throws SQLException {
        execute("SET errors_as_json=true");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing an in-memory database cannot lose anything
        }
    }
}
