package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV tables read with their types (the fast path) give the same answers as the lenient
 * text-and-TRY_CAST read, and a file with a value that does not parse still reads as Hive does:
 * that value NULL, the rest typed.
 */
class TypedCsvReadTest {
    private static final String HEADER = "id,qty,price,sold_at,note,ok\n";

    @TempDir
    Path root;
    InMemoryTableCatalog catalog;
    AthenaEngine engine;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryTableCatalog();
        catalog.createDatabase("lab");
        engine = new AthenaEngine(root, catalog);
    }

    private void write(String key, String content) throws IOException {
        Path p = root.resolve(key);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void table(String name, String dataFolder, List<Column> columns) {
        catalog.createTable(new TableDef("lab", name, columns, List.of(), "s3://data/" + dataFolder + "/",
                HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT, HiveFormats.LAZY_SIMPLE_SERDE,
                Map.of("field.delim", ","), Map.of("skip.header.line.count", "1", "classification", "csv")));
    }

    private void orders(String name, String dataFolder) {
        table(name, dataFolder, List.of(new Column("id", "bigint"), new Column("qty", "int"),
                new Column("price", "decimal(10,2)"), new Column("sold_at", "timestamp"), new Column("note", "string"),
                new Column("ok", "boolean")));
    }

    private QueryResult run(String sql) {
        return engine.execute(sql, new QueryContext("lab", "q-1", "s3://results/"));
    }

    /** The rows of {@code sql} over the table as the given reading registers it, one "a|b" line each. */
    private List<String> rows(String sql, TableRelations.CsvReading reading) throws SQLException {
        TableRelations relations = new TableRelations(new BlobLocations(root));
        try (DuckSession session = new DuckSession(catalog, relations, "lab", reading)) {
            var unused = session.register(new QueryAnalysis(sql));
            List<String> rows = new ArrayList<>();
            try (Statement st = session.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        cells.add(meta.getColumnTypeName(i) + ":" + rs.getString(i));
                    }
                    rows.add(String.join("|", cells));
                }
            }
            return rows;
        }
    }

    private static List<String> cells(QueryResult r) {
        List<String> out = new ArrayList<>();
        for (List<String> row : r.rows()) {
            out.add(String.join("|", row.stream().map(v -> v == null ? "∅" : v).toList()));
        }
        return out;
    }

    @Test
    @DisplayName("a clean file reads the same typed as through the lenient cast, types included")
    void cleanFileReadsAlikeOnBothPaths() throws Exception {
        write("data/clean/part-0.csv", HEADER
                + "1,3,10.50,2024-01-05 10:00:00,first,true\n"
                + "2, 4 ,1.005,2024-01-06T11:30:00,,false\n"
                + "3,5,7,2024-02-01,\\N,TRUE\n");
        orders("clean", "clean");
        String sql = "SELECT * FROM lab.clean ORDER BY id";
        List<String> typed = rows(sql, TableRelations.CsvReading.TYPED);
        assertThat(typed).hasSize(3).isEqualTo(rows(sql, TableRelations.CsvReading.LENIENT));
        assertThat(typed.get(1)).startsWith("BIGINT:2|INTEGER:4|DECIMAL(10,2):1.01|");
    }

    @Test
    @DisplayName("a session asked for typed reads uses them for a table of scalar columns only")
    void typedReadsOnlyForScalarCsvTables() throws Exception {
        write("data/clean/part-0.csv", HEADER + "1,3,10.50,2024-01-05 10:00:00,first,true\n");
        orders("clean", "clean");
        write("data/tagged/part-0.csv", "id,tags\n1,a\n");
        table("tagged", "tagged", List.of(new Column("id", "bigint"), new Column("tags", "array<string>")));
        TableRelations relations = new TableRelations(new BlobLocations(root));
        try (DuckSession session = new DuckSession(catalog, relations, "lab", TableRelations.CsvReading.TYPED)) {
            var unused = session.register(new QueryAnalysis("SELECT * FROM tagged"));
            assertThat(session.readsTypedCsv()).isFalse();
            unused = session.register(new QueryAnalysis("SELECT * FROM clean"));
            assertThat(session.readsTypedCsv()).isTrue();
        }
    }

    @Test
    @DisplayName("a value that does not parse as its column's type reads as NULL, the rest of the table typed")
    void badValueReadsAsNullAndTheRestTyped() throws Exception {
        write("data/dirty/part-0.csv", HEADER
                + "1,3,10.50,2024-01-05 10:00:00,first,true\n"
                + "2,three,20.00,2024-01-06 11:30:00,second,false\n");
        write("data/dirty/part-1.csv", HEADER
                + "3,5,,not a time,third,maybe\n");
        orders("dirty", "dirty");
        QueryResult result = run("SELECT id, qty, price, sold_at, note, ok FROM dirty ORDER BY id");
        assertThat(cells(result)).containsExactly(
                "1|3|10.50|2024-01-05 10:00:00.000|first|true",
                "2|∅|20.00|2024-01-06 11:30:00.000|second|false",
                "3|5|∅|∅|third|∅");
        assertThat(result.columns()).extracting(ResultColumn::type)
                .containsExactly("bigint", "integer", "decimal", "timestamp", "varchar", "boolean");
        QueryResult sum = run("SELECT sum(qty), count(qty), sum(price) FROM dirty");
        assertThat(cells(sum)).containsExactly("8|2|30.50");
    }

    @Test
    @DisplayName("a query that is wrong on its own still fails with Athena's message after the lenient rerun")
    void realErrorsSurviveTheRerun() throws Exception {
        write("data/clean/part-0.csv", HEADER + "1,3,10.50,2024-01-05 10:00:00,first,true\n");
        orders("clean", "clean");
        assertThatThrownBy(() -> run("SELECT CAST(note AS integer) FROM clean"))
                .isInstanceOf(AthenaQueryException.class);
    }
}
