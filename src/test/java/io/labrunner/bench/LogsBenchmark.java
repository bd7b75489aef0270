package io.labrunner.bench;

import io.labrunner.emulator.Emulator;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * The embedded CloudWatch Logs' numbers through the SDK: 100,000 events written with PutLogEvents in
 * batches of 1,000, read back with GetLogEvents from the head, and searched with FilterLogEvents; and the
 * in-process writer SageMaker uses. Run with {@code mvn -q -Pbench -DskipTests verify -Dbench=LogsBenchmark}.
 * Not a test: nothing here fails.
 */
public final class LogsBenchmark {
    private static final int EVENTS = 100_000;
    private static final int BATCH = 1_000;

    private LogsBenchmark() {
    }

    public static void main(String[] args) {
        List<String[]> rows = new ArrayList<>();
        try (Emulator emulator = Emulator.builder().port(0).build().start();
             CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(emulator.getEndpoint())
                     .region(Region.of(emulator.getRegion()))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                             emulator.getAccessKey(), emulator.getSecretKey())))
                     .build()) {
            logs.createLogGroup(r -> r.logGroupName("/bench"));
            logs.createLogStream(r -> r.logGroupName("/bench").logStreamName("s"));
            long base = System.currentTimeMillis() - 3_600_000;
            long start = System.nanoTime();
            for (int b = 0; b < EVENTS / BATCH; b++) {
                List<InputLogEvent> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    int n = b * BATCH + i;
                    batch.add(InputLogEvent.builder().timestamp(base + n / 10)
                            .message((n % 100 == 0 ? "ERROR " : "INFO ") + "event " + n + " epoch=" + n / 1000).build());
                }
                logs.putLogEvents(r -> r.logGroupName("/bench").logStreamName("s").logEvents(batch));
            }
            double put = (System.nanoTime() - start) / 1e9;
            rows.add(new String[] {"PutLogEvents, " + EVENTS + " events in batches of " + BATCH,
                Benchmarks.fmt(EVENTS / put) + " events/s", ""});

            start = System.nanoTime();
            int read = 0;
            String token = null;
            while (true) {
                String current = token;
                GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName("/bench").logStreamName("s")
                        .startFromHead(true).nextToken(current));
                read += page.events().size();
                if (page.nextForwardToken().equals(current)) {
                    break;
                }
                token = page.nextForwardToken();
            }
            double get = (System.nanoTime() - start) / 1e9;
            rows.add(new String[] {"GetLogEvents from the head until the token repeats (" + read + " events)",
                Benchmarks.fmt(get) + " s", ""});

            start = System.nanoTime();
            long found = logs.filterLogEventsPaginator(r -> r.logGroupName("/bench").filterPattern("ERROR"))
                    .events().stream().count();
            double filter = (System.nanoTime() - start) / 1e9;
            rows.add(new String[] {"FilterLogEvents 'ERROR' over " + EVENTS + " events (" + found + " found)",
                Benchmarks.fmt(filter) + " s", ""});

            start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                emulator.logWriter().append("us-east-1", "/bench-writer", "s", base + i, "line " + i);
            }
            double writer = (System.nanoTime() - start) / 1e9;
            rows.add(new String[] {"in-process LogWriter, " + EVENTS + " lines", Benchmarks.fmt(EVENTS / writer)
                + " lines/s", ""});
        }
        Benchmarks.print(rows);
    }
}
