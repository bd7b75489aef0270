package io.labrunner.emulator.athena;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE [OR REPLACE] VIEW and DROP VIEW: a view is stored in the catalog with its columns and
 * its SQL, checked by planning it once (https://docs.aws.amazon.com/athena/latest/ug/views.html).
 */
final class ViewStatements {
    private final TableCatalog catalog;
    private final SelectExecutor selects;
    private final TableRelations relations;

    ViewStatements(TableCatalog catalog, SelectExecutor selects, TableRelations relations) {
        this.catalog = catalog;
        this.selects = selects;
        this.relations = relations;
    }

    /** Parses from just after {@code CREATE [OR REPLACE] VIEW}. */
    QueryResult createView(TokenCursor c, String sql, QueryContext context, boolean orReplace) {
        SqlToken start = c.peek();
        List<String> name = HiveDdlParser.qualifiedName(c);
        String db = name.size() > 1 ? name.get(0) : context.database();
        String view = name.get(name.size() - 1);
        c.expectWord("as");
        String query = c.rest(sql).trim();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).trim();
        }
        if (!catalog.databaseExists(db)) {
            throw new AthenaQueryException("SCHEMA_NOT_FOUND", start.position() + ": Schema '" + db + "' does not exist");
        }
        if (catalog.table(db, view).isPresent() && !orReplace) {
            throw new AthenaQueryException("TABLE_ALREADY_EXISTS", start.position() + ": View 'awsdatacatalog." + db
                    + "." + view + "' already exists");
        }
        QueryContext inView = new QueryContext(db, context.queryId(), context.outputLocation());
        List<Column> columns = new ArrayList<>();
        try (DuckSession session = new DuckSession(catalog, relations, db)) {
            SelectExecutor.Prepared prepared = selects.prepare(session, query, inView);
            try (Statement st = session.connection().createStatement();
                 ResultSet rs = st.executeQuery("DESCRIBE " + prepared.rewritten().sql())) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString("column_name").toLowerCase(Locale.ROOT),
                            HiveTypes.toHive(rs.getString("column_type"))));
                }
            } catch (SQLException e) {
                throw prepared.errors().translate(e);
            }
        }
        catalog.createTable(TableDef.view(db, view, columns, query));
        return QueryResult.ddl(orReplace ? "CREATE_OR_REPLACE_VIEW" : "CREATE_VIEW");
    }

    /** Parses from just after {@code DROP VIEW}. */
    QueryResult dropView(TokenCursor c, QueryContext context) {
        boolean ifExists = c.acceptWord("if", "exists");
        SqlToken start = c.peek();
        List<String> name = HiveDdlParser.qualifiedName(c);
        String db = name.size() > 1 ? name.get(0) : context.database();
        String view = name.get(name.size() - 1);
        boolean exists = catalog.table(db, view).map(TableDef::isView).orElse(false);
        if (!exists) {
            if (ifExists) {
                return QueryResult.ddl("DROP_VIEW");
            }
            throw new AthenaQueryException("TABLE_NOT_FOUND", start.position() + ": View 'awsdatacatalog." + db + "."
                    + view + "' does not exist");
        }
        catalog.dropTable(db, view);
        return QueryResult.ddl("DROP_VIEW");
    }
}
