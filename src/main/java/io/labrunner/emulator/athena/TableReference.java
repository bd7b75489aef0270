package io.labrunner.emulator.athena;

import java.util.List;

/**
 * A dotted name in a query that may name a catalog table.
 *
 * @param parts      the name's parts, lower-case ({@code [catalog, db, table]}, {@code [db, table]} or {@code [table]})
 * @param tokenIndex index of its first token among the query's significant tokens
 * @param first      its first token, for error positions
 * @param alias      the alias that follows it, or null
 */
record TableReference(List<String> parts, int tokenIndex, SqlToken first, String alias) {

    String tableName() {
        return parts.get(parts.size() - 1);
    }

    /** The database it names, or the default one when unqualified. */
    String database(String defaultDatabase) {
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : defaultDatabase;
    }

    /** The catalog it names, {@code awsdatacatalog} when not given. */
    String catalog() {
        return parts.size() == 3 ? parts.get(0) : "awsdatacatalog";
    }
}
