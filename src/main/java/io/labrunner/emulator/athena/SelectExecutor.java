package io.labrunner.emulator.athena;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Runs a Trino SELECT on DuckDB and counts the bytes Athena would have scanned. */
final class SelectExecutor {
    private final TableCatalog catalog;
    private final TableRelations relations;

    SelectExecutor(TableCatalog catalog, TableRelations relations) {
        this.catalog = catalog;
        this.relations = relations;
    }

    QueryResult select(String sql, QueryContext context) {
        try (DuckSession session = new DuckSession(catalog, relations, context.database())) {
            Prepared prepared = prepare(session, sql, context);
            try (Statement st = session.connection().createStatement();
                 ResultSet rs = st.executeQuery(prepared.rewritten().sql())) {
                ResultSetMetaData meta = rs.getMetaData();
                List<ResultColumn> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String duckType = meta.getColumnTypeName(i);
                    int[] ps = HiveTypes.precisionScale(duckType);
                    columns.add(new ResultColumn(meta.getColumnLabel(i).toLowerCase(Locale.ROOT),
                            HiveTypes.toAthena(duckType), ps[0], ps[1]));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(ValueFormatter.format(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return new QueryResult("DML", "SELECT", columns, rows, prepared.scannedBytes(), 0);
            } catch (SQLException e) {
                throw prepared.errors().translate(e);
            }
        }
    }

    /** A statement ready to run in a session: its DuckDB text, error mapping and scan size. */
    record Prepared(TrinoRewriter.Result rewritten, ErrorTranslator errors, long scannedBytes) {
    }

    /** Registers the statement's tables in the session, rewrites it and counts its scan. */
    Prepared prepare(DuckSession session, String sql, QueryContext context) {
        SqlSandbox.check(sql, context.database(), catalog);
        TrinoRewriter.Result rewritten = TrinoRewriter.rewrite(sql);
        ErrorTranslator errors = new ErrorTranslator(sql, rewritten, context.database());
        QueryAnalysis analysis = new QueryAnalysis(sql);
        try {
            List<DuckSession.ResolvedTable> tables = session.register(analysis);
            long scanned = scannedBytes(session, analysis, tables);
            return new Prepared(rewritten, errors, scanned);
        } catch (SQLException e) {
            throw ErrorTranslator.internal(e);
        }
    }

    private long scannedBytes(DuckSession session, QueryAnalysis analysis, List<DuckSession.ResolvedTable> tables)
            throws SQLException {
        return scannedBytes(session, analysis, tables, new HashSet<>(), 0);
    }

    /** Bytes of the tables named, through views to the tables they read; each file counted once. */
    private long scannedBytes(DuckSession session, QueryAnalysis analysis, List<DuckSession.ResolvedTable> tables,
                              Set<String> counted, int depth) throws SQLException {
        long total = 0;
        Set<String> columns = ScanAccounting.referencedColumns(analysis);
        for (DuckSession.ResolvedTable t : tables) {
            TableDef table = t.table();
            if (table.isView()) {
                if (depth < 10) {
                    QueryAnalysis inner = new QueryAnalysis(table.viewText());
                    total += scannedBytes(session, inner, session.resolve(inner, table.database()), counted, depth + 1);
                }
                continue;
            }
            List<PartitionDef> partitions = catalog.partitions(table.database(), table.name());
            List<PartitionDef> touched = PartitionPruner.prune(analysis, t.reference(), table, partitions);
            List<Path> files = ScanAccounting.allFiles(relations.fileGroups(table, touched));
            files.removeIf(f -> !counted.add(f.toString()));
            total += ScanAccounting.scannedBytes(session.connection(), table, files, columns);
        }
        return total;
    }
}
