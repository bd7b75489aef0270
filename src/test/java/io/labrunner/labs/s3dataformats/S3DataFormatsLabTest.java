package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.Resource;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The lab through the real runner on the embedded emulator, beyond what every lab's self-test proves. */
class S3DataFormatsLabTest {
    private static EmbeddedEmulator emulator;
    private static AwsClients clients;

    private final S3DataFormatsLab lab = new S3DataFormatsLab();

    @TempDir
    Path home;

    private StateDirectory state;
    private LabRunner runner;

    @BeforeAll
    static void startEmulator() {
        emulator = new EmbeddedEmulator();
        clients = emulator.clients();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newRunner() {
        state = new StateDirectory(home);
        runner = emulator.runner(state);
    }

    @Test
    void infoDescribesAnS3OnlyLab() {
        assertThat(lab.info().id()).isEqualTo("s3-data-formats");
        assertThat(lab.info().capabilities()).containsExactly(Capability.S3);
        assertThat(lab.info().services()).containsExactly("Amazon S3");
    }

    @Test
    void setupCreatesOnlyAnEmptyBucketThroughTheLedger() {
        LabResult started = runner.start(lab);
        Ledger run = state.latestRun(Optional.of(lab.info().id()), "embedded").orElseThrow();
        String bucket = "lab-" + started.runId() + "-data";

        assertThat(run.remaining()).containsExactly(Resource.bucket(bucket));
        assertThat(clients.s3().listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
        runner.cleanup(lab, run);
    }

    @Test
    void everyCheckFailsWithAHintBeforeTheSolutionAndTheSizeTableIsPrintedAfterIt() {
        LabResult result = runner.selfTest(lab);

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.checks()).filteredOn(c -> c.stage().equals("before solve"))
                .hasSize(lab.checks().size())
                .allSatisfy(c -> assertThat(c.hint()).as(c.name()).isNotBlank());
        assertThat(result.notes()).anyMatch(line -> line.startsWith("Parquet") && line.endsWith("27%"));
    }

    @Test
    void aParquetFileOfUntypedTextColumnsFailsTheSchemaCheck(@TempDir Path work) throws Exception {
        byte[] untyped = untypedParquet(work);
        Lab textOnlyParquet = new SolvedThenReplaced(lab, untyped);

        LabResult result = runner.run(textOnlyParquet, false);

        CheckOutcome schema = result.checks().stream()
                .filter(c -> c.name().equals("The Parquet file carries typed columns in its footer")).findFirst().orElseThrow();
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(schema.passed()).isFalse();
        assertThat(schema.detail()).contains("unit_price=VARCHAR");
        assertThat(schema.hint()).contains("DECIMAL(10,2)");
    }

    @Test
    void uncompressedParquetAndACsvWithAnotherHeaderFailTheirChecksWithDiagnosingHints(@TempDir Path work)
            throws Exception {
        Path csv = work.resolve("sales.csv");
        Path plain = work.resolve("plain.parquet");
        Files.write(csv, CsvFormat.write(SalesDataset.generate()));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_parquet('" + writeSnappy(work) + "')) TO '" + plain
                    + "' (FORMAT parquet, COMPRESSION uncompressed)");
        }
        String renamed = Files.readString(csv).replaceFirst("order_id,customer_id", "id,customer");
        Lab wrong = new SolvedThenOverwritten(lab, java.util.Map.of(
                "formats/sales.parquet", Files.readAllBytes(plain),
                "formats/sales.csv", renamed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        LabResult result = runner.run(wrong, false);

        CheckOutcome snappy = outcome(result, "The Parquet file is compressed with Snappy");
        assertThat(snappy.passed()).isFalse();
        assertThat(snappy.hint()).contains("UNCOMPRESSED").doesNotContain("COPY");
        assertThat(snappy.hints().get(snappy.hints().size() - 1)).contains("COMPRESSION snappy");
        assertThat(outcome(result, "The Parquet file reads back as the same sales").passed()).isTrue();
        CheckOutcome csvBack = outcome(result, "The CSV file reads back as the same sales");
        assertThat(csvBack.passed()).isFalse();
        assertThat(csvBack.hint()).contains("header row is \"id,customer,").contains("[order_id, customer_id]");
    }

    @Test
    void namesAreTheBucketTheGuideUses() {
        assertThat(lab.names(io.labrunner.core.RunNames.of("k3f9x2"))).containsExactly(
                java.util.Map.entry("BUCKET", "lab-k3f9x2-data"));
    }

    private static CheckOutcome outcome(LabResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Path writeSnappy(Path work) throws Exception {
        Path parquet = work.resolve("snappy.parquet");
        Files.write(parquet, ParquetFormat.write(SalesDataset.generate()));
        return parquet;
    }

    /** The reference solution, then files with a learner's mistakes written over some of its own. */
    private record SolvedThenOverwritten(S3DataFormatsLab lab, java.util.Map<String, byte[]> files) implements Lab {
        @Override
        public LabInfo info() {
            return lab.info();
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            lab.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) throws Exception {
            lab.solve(ctx);
            files.forEach((key, bytes) -> ctx.s3().putObject(
                    put -> put.bucket(S3DataFormatsLab.bucket(ctx)).key(key), RequestBody.fromBytes(bytes)));
        }

        @Override
        public List<Check> checks() {
            return lab.checks();
        }
    }

    /** The reference solution, then a Parquet file whose columns all stayed text written over it. */
    private record SolvedThenReplaced(S3DataFormatsLab lab, byte[] parquet) implements Lab {
        @Override
        public LabInfo info() {
            return lab.info();
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            lab.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) throws Exception {
            lab.solve(ctx);
            ctx.s3().putObject(put -> put.bucket(S3DataFormatsLab.bucket(ctx)).key("formats/sales.parquet"),
                    RequestBody.fromBytes(parquet));
        }

        @Override
        public List<Check> checks() {
            return lab.checks();
        }
    }

    /** What a conversion that lets every CSV column stay text produces. */
    private static byte[] untypedParquet(Path work) throws Exception {
        Path csv = work.resolve("sales.csv");
        Path parquet = work.resolve("untyped.parquet");
        Files.write(csv, CsvFormat.write(SalesDataset.generate()));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(parquet);
    }
}
