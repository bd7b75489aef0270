package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of one statement.
 *
 * @param statementType      Athena's StatementType: DDL, DML or UTILITY
 * @param substatementType   Athena's SubstatementType, e.g. SELECT, CREATE_TABLE_AS_SELECT
 * @param columns            result columns (empty for most DDL)
 * @param rows               rows as Athena renders values in its CSV result file; a null cell is SQL NULL
 * @param dataScannedInBytes bytes read as Athena counts them (see {@link ScanAccounting})
 * @param updateCount        rows written by CTAS / INSERT INTO, else 0
 */
public record QueryResult(String statementType, String substatementType, List<ResultColumn> columns,
                          List<List<String>> rows, long dataScannedInBytes, long updateCount) {

    public QueryResult {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    static QueryResult ddl(String substatementType) {
        return new QueryResult("DDL", substatementType, List.of(), List.of(), 0, 0);
    }

    /** The result as Athena's CSV result file: a quoted header, every value quoted, NULL as nothing. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        if (!columns.isEmpty()) {
            List<String> header = new ArrayList<>();
            for (ResultColumn c : columns) {
                header.add(c.name());
            }
            appendLine(sb, header);
        }
        for (List<String> row : rows) {
            appendLine(sb, row);
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = cells.get(i);
            if (v != null) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            }
        }
        sb.append('\n');
    }
}
