package io.labrunner.emulator.athena;

import static io.labrunner.emulator.athena.AthenaJson.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.labrunner.emulator.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs query executions one at a time on a background thread: each waits out the queue time, runs on
 * {@link AthenaEngine}, and leaves its results as a file (plus {@code .metadata}) in its output location.
 */
final class QueryRunner implements AutoCloseable {
    private final AthenaEngine engine;
    private final BlobLocations blobs;
    private final AthenaStore store;
    private final Duration queueTime;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("athena-queries"));

    QueryRunner(AthenaEngine engine, BlobLocations blobs, AthenaStore store, Duration queueTime) {
        this.engine = engine;
        this.blobs = blobs;
        this.store = store;
        this.queueTime = queueTime;
    }

    /**
     * Loads DuckDB's native library on a background thread (about 0.8 s, once per JVM), so that the
     * first query — or the first crawl, which uses DuckDB too — does not wait for it.
     */
    static void warmUpDuckDb() {
        Thread warmUp = new Thread(() -> {
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                duck.isValid(1);
            } catch (SQLException | RuntimeException e) {
                // The first real query reports what is wrong.
            }
        }, "athena-duckdb-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** How long a query stays QUEUED before it runs. */
    Duration queueTime() {
        return queueTime;
    }

    void submit(QueryExecution execution) {
        worker.submit(() -> run(execution));
    }

    private void run(QueryExecution execution) {
        try {
            long waitMillis = queueTime.toMillis() - Duration.between(execution.submitted, Instant.now()).toMillis();
            if (waitMillis > 0) {
                TimeUnit.MILLISECONDS.sleep(waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!execution.start()) {
            return;
        }
        store.save(execution);
        try {
            QueryResult result = engine.execute(execution.query, execution.context);
            writeResultFiles(execution, result);
            execution.succeed(result);
        } catch (AthenaQueryException e) {
            execution.fail(e);
        } catch (RuntimeException e) {
            execution.fail(new AthenaQueryException("GENERIC_INTERNAL_ERROR", blobs.hideHostPaths(String.valueOf(e.getMessage()))));
        }
        store.save(execution);
    }

    private void writeResultFiles(QueryExecution execution, QueryResult result) {
        String uri = execution.resultFile();
        Path file = blobs.path(uri);
        try {
            Files.createDirectories(file.getParent());
            String content = uri.endsWith(".csv") ? result.toCsv() : textResult(result);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            ArrayNode columns = JSON.createArrayNode();
            result.columns().forEach(c -> columns.add(AthenaJson.columnInfo(c)));
            // Athena's own .metadata is a binary encoding; this one carries the same column info as JSON.
            Files.writeString(file.resolveSibling(file.getFileName() + ".metadata"),
                    JSON.createObjectNode().set("ColumnInfo", columns).toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DDL and SHOW results are plain text, one row a line, cells separated by tabs. */
    private static String textResult(QueryResult result) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : result.rows()) {
            sb.append(String.join("\t", row.stream().map(v -> v == null ? "" : v).toList())).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
