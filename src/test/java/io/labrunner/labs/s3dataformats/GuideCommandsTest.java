package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    /**
     * Step 5's Python, run as the learner runs it. It needs a Python with fastavro: LAB_TEST_PYTHON
     * or python3 (python3 -m pip install fastavro); without one the test is skipped.
     */
    @Test
    void theGuidesPythonWritesAnAvroFileThatPassesTheChecks(@TempDir Path work) throws Exception {
        String python = pythonWithFastavro();
        assumeTrue(python != null, "no Python with fastavro among LAB_TEST_PYTHON and python3");
        Files.copy(LAB_DIR.resolve("sales.csv"), work.resolve("sales.csv"));
        Files.copy(LAB_DIR.resolve("sales.avsc"), work.resolve("sales.avsc"));
        String markdown = Files.readString(LAB_DIR.resolve("README.md"));
        int start = markdown.indexOf("```python\n") + "```python\n".length();
        Files.writeString(work.resolve("to_avro.py"), markdown.substring(start, markdown.indexOf("```", start)));

        Process run = new ProcessBuilder(python, "to_avro.py").directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor()).as(output).isZero();

        byte[] avro = Files.readAllBytes(work.resolve("sales.avro"));
        assertThat(AvroFormat.read(avro)).isEqualTo(SalesDataset.generate());
        assertThat(AvroFormat.fieldTypes(AvroFormat.schemaOf(avro))).isEqualTo(AvroFormat.fieldTypes(AvroFormat.SCHEMA));
    }

    private static String pythonWithFastavro() throws InterruptedException {
        for (String python : new String[] {System.getenv("LAB_TEST_PYTHON"), "python3"}) {
            if (python == null || python.isBlank()) {
                continue;
            }
            try {
                Process probe = new ProcessBuilder(python, "-c", "import fastavro").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor() == 0) {
                    return python;
                }
            } catch (java.io.IOException notThere) {
                // try the next one
            }
        }
        return null;
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
