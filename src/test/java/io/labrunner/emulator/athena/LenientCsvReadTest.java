package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hive's lenient text SerDe semantics, which any faster way of reading CSV must keep: a value that
 * does not parse as its column's type reads as NULL, and the rest of the table keeps its types.
 */
class LenientCsvReadTest {
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

    private static List<String> cells(QueryResult r) {
        List<String> out = new ArrayList<>();
        for (List<String> row : r.rows()) {
            out.add(String.join("|", row.stream().map(v -> v == null ? "∅" : v).toList()));
        }
        return out;
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
}
