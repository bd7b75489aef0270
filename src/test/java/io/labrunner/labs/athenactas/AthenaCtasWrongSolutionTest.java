package io.labrunner.labs.athenactas;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.LabRunner;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.labs.s3glueathena.AthenaQueries;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CTAS that forgets the partitioning, or the format, fails the checks that look for them. */
class AthenaCtasWrongSolutionTest {
    private static EmbeddedEmulator emulator;

    private final AthenaCtasParquetLab lab = new AthenaCtasParquetLab();

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void namesAreTheGuidesVariables() {
        assertThat(lab.names(RunNames.of("k3f9x2"))).containsExactly(
                Map.entry("BUCKET", "lab-k3f9x2-orders"), Map.entry("DB", "lab_k3f9x2_orders"));
    }

    @Test
    void aCtasWithoutPartitioningFailsOnPartitionsAndScanWithHintsSayingSo() {
        String unpartitioned = """
                CREATE TABLE orders_parquet
                WITH (format = 'PARQUET', write_compression = 'SNAPPY',
                      external_location = 's3://%s/curated/orders_parquet/')
                AS SELECT * FROM orders_csv""";
        LabResult result = emulator.runner(new StateDirectory(home)).run(new WrongCtas(lab, unpartitioned), false);

        CheckOutcome table = outcome(result, "orders_parquet is a Parquet table");
        assertThat(table.passed()).isFalse();
        assertThat(table.hint()).contains("no partition keys").doesNotContain("CREATE TABLE");
        assertThat(table.hints().get(table.hints().size() - 1)).contains("partitioned_by = ARRAY['year', 'month']");
        CheckOutcome scan = outcome(result, "With a partition filter");
        assertThat(scan.passed()).isFalse();
        assertThat(scan.hint()).contains("not partitioned by year and month");
        assertThat(outcome(result, "Its files in S3 are Parquet").passed()).isTrue();
    }

    @Test
    void aCtasThatWritesTextFailsOnFormatWithHintsSayingSo() {
        String text = """
                CREATE TABLE orders_parquet
                WITH (format = 'TEXTFILE', external_location = 's3://%s/curated/orders_parquet/',
                      partitioned_by = ARRAY['year', 'month'])
                AS SELECT * FROM orders_csv""";
        LabResult result = emulator.runner(new StateDirectory(home)).run(new WrongCtas(lab, text), false);

        CheckOutcome table = outcome(result, "orders_parquet is a Parquet table");
        assertThat(table.passed()).isFalse();
        assertThat(table.hint()).contains("is not Parquet");
        CheckOutcome files = outcome(result, "Its files in S3 are Parquet");
        assertThat(files.passed()).isFalse();
        assertThat(files.hint()).contains("do not start and end with PAR1");
        assertThat(outcome(result, "The same query gives the same answer").passed()).isTrue();
    }

    private static CheckOutcome outcome(LabResult result, String namePrefix) {
        return result.checks().stream().filter(c -> c.name().startsWith(namePrefix)).findFirst().orElseThrow();
    }

    /** Setup as usual, then the learner's CTAS instead of the guide's. */
    private record WrongCtas(AthenaCtasParquetLab lab, String ctas) implements Lab {
        @Override
        public LabInfo info() {
            return lab.info();
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            lab.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) {
            AthenaQueries.run(ctx, AthenaCtasParquetLab.database(ctx), AthenaCtasParquetLab.results(ctx),
                    ctas.formatted(AthenaCtasParquetLab.bucket(ctx)));
        }

        @Override
        public List<Check> checks() {
            return lab.checks();
        }
    }
}
