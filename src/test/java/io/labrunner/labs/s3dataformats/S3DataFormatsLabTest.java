package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.CheckResult;
import io.labrunner.core.Resource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The lab's own self-test, on S3Proxy over a temporary folder: checks fail after setup, pass after solve. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3DataFormatsLabTest {

    private final S3DataFormatsLab lab = new S3DataFormatsLab();
    private S3Proxy s3proxy;
    private FakeLabContext ctx;
    private String bucket;

    @BeforeAll
    void startS3(@TempDir Path blobs) throws Exception {
        s3proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(blobs.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test", "test")
                .build();
        s3proxy.start();
        while (!"STARTED".equals(s3proxy.getState())) {
            Thread.sleep(10);
        }
    }

    /** Each test is a run of its own, with its own bucket. */
    @BeforeEach
    void newRun(TestInfo test) {
        String runId = "t" + Integer.toHexString(test.getDisplayName().hashCode());
        ctx = new FakeLabContext(runId, URI.create("http://127.0.0.1:" + s3proxy.getPort()));
        bucket = "lab-" + runId + "-data";
    }

    @AfterEach
    void closeClients() {
        ctx.close();
    }

    @AfterAll
    void stopS3() throws Exception {
        s3proxy.stop(); // Jetty threads are not daemons
    }

    @Test
    void infoDescribesAnS3OnlyLab() {
        assertThat(lab.info().id()).isEqualTo("s3-data-formats");
        assertThat(lab.info().capabilities()).containsExactly(Capability.S3);
        assertThat(lab.info().services()).containsExactly("Amazon S3");
    }

    @Test
    void setupCreatesOnlyTheBucketThroughTheLedger() throws Exception {
        lab.setup(ctx);

        assertThat(ctx.created).containsExactly(Resource.bucket(bucket));
        assertThat(ctx.s3().listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void everyCheckFailsWithAHintAfterSetupAndPassesAfterSolve() throws Exception {
        lab.setup(ctx);
        Map<String, CheckResult> before = runChecks();
        assertThat(before).allSatisfy((name, result) -> {
            assertThat(result.passed()).as(name).isFalse();
            assertThat(result.hint()).as(name).isNotBlank();
        });

        lab.solve(ctx);
        Map<String, CheckResult> after = runChecks();
        assertThat(after).allSatisfy((name, result) -> assertThat(result.passed()).as(name + ": " + result.detail()).isTrue());
        assertThat(ctx.notes).anyMatch(line -> line.startsWith("Parquet") && line.endsWith("27%"));
        before.forEach((name, result) -> System.out.println("before solve: " + name + " | " + result.detail() + " | " + result.hint()));
        after.forEach((name, result) -> System.out.println("after solve:  " + name + " | " + result.detail()));
        ctx.notes.forEach(System.out::println);
    }

    @Test
    void aParquetFileOfUntypedTextColumnsFailsTheSchemaCheck(@TempDir Path work) throws Exception {
        lab.setup(ctx);
        lab.solve(ctx);
        ctx.s3().putObject(put -> put.bucket(bucket).key("formats/sales.parquet"),
                RequestBody.fromBytes(untypedParquet(work)));

        CheckResult result = check("The Parquet file carries typed columns in its footer").judge().judge(ctx);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("unit_price=VARCHAR");
        assertThat(result.hint()).contains("DECIMAL(10,2)");
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

    private Map<String, CheckResult> runChecks() throws Exception {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        for (Check check : lab.checks()) {
            results.put(check.name(), check.judge().judge(ctx));
        }
        return results;
    }

    private Check check(String name) {
        return lab.checks().stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow();
    }
}
