package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the DuckDB SQL the guide gives the learner, on the CSV the guide gives the learner,
 * and reads the results the way the checks do: if the guide's commands drift, this fails.
 */
class GuideCommandsTest {

    private static final Path LAB_DIR = Path.of("labs", "s3-data-formats");

    @Test
    void theGuidesSqlTurnsTheShippedCsvIntoFilesThatPassTheChecks(@TempDir Path work) throws Exception {
        Files.copy(LAB_DIR.resolve("sales.csv"), work.resolve("sales.csv"));
        String sql = sqlBlockOf(Files.readString(LAB_DIR.resolve("README.md")));
        for (String name : List.of("sales.csv", "sales.jsonl", "sales.parquet")) {
            sql = sql.replace("'" + name + "'", "'" + work.resolve(name) + "'");
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", offline());
             Statement statement = duckdb.createStatement()) {
            for (String command : sql.split(";")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
        }

        List<Sale> expected = SalesDataset.generate();
        byte[] jsonLines = Files.readAllBytes(work.resolve("sales.jsonl"));
        byte[] parquet = Files.readAllBytes(work.resolve("sales.parquet"));
        assertThat(JsonLinesFormat.read(jsonLines)).isEqualTo(expected);
        assertThat(ParquetFormat.read(parquet)).isEqualTo(expected);
        assertThat(ParquetFormat.columnTypes(parquet)).isEqualTo(ParquetFormat.COLUMN_TYPES);
        assertThat(ParquetFormat.compressions(parquet)).containsExactly("SNAPPY");
    }

    private static String sqlBlockOf(String markdown) {
        int start = markdown.indexOf("```sql\n");
        assertThat(start).as("the guide has a ```sql block").isNotNegative();
        int end = markdown.indexOf("```", start + 7);
        return markdown.substring(start + 7, end);
    }

    private static Properties offline() {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        return properties;
    }
}
