package io.labrunner.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Log groups, streams and events live in the emulator's state and survive a restart on the same data folder. */
class LogsRestartTest {

    private static CloudWatchLogsClient client(Emulator emulator) {
        return CloudWatchLogsClient.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    @Test
    void groupsStreamsEventsAndTokensSurviveARestart(@TempDir Path dataDir) {
        long t = System.currentTimeMillis() - 10_000;
        String forward;
        try (Emulator first = Emulator.builder().port(0).dataDir(dataDir).build().start();
             CloudWatchLogsClient logs = client(first)) {
            logs.createLogGroup(r -> r.logGroupName("/kept"));
            logs.putRetentionPolicy(r -> r.logGroupName("/kept").retentionInDays(30));
            logs.createLogStream(r -> r.logGroupName("/kept").logStreamName("s"));
            logs.putLogEvents(r -> r.logGroupName("/kept").logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(t).message("one").build(),
                    InputLogEvent.builder().timestamp(t + 1).message("two").build()));
            first.logWriter().append("us-east-1", "/written", "w", t, "by the writer");
            forward = logs.getLogEvents(r -> r.logGroupName("/kept").logStreamName("s")).nextForwardToken();
            logs.createLogGroup(r -> r.logGroupName("/dropped"));
            logs.deleteLogGroup(r -> r.logGroupName("/dropped"));
        }
        try (Emulator second = Emulator.builder().port(0).dataDir(dataDir).build().start();
             CloudWatchLogsClient logs = client(second)) {
            assertThat(logs.describeLogGroups().logGroups()).extracting(g -> g.logGroupName() + "/"
                    + g.retentionInDays()).containsExactly("/kept/30", "/written/null");
            assertThat(logs.getLogEvents(r -> r.logGroupName("/kept").logStreamName("s").startFromHead(true))
                    .events()).extracting(OutputLogEvent::message).containsExactly("one", "two");
            assertThat(logs.getLogEvents(r -> r.logGroupName("/written").logStreamName("w")).events())
                    .extracting(OutputLogEvent::message).containsExactly("by the writer");

            logs.putLogEvents(r -> r.logGroupName("/kept").logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(t + 2).message("three").build()));
            GetLogEventsResponse next = logs.getLogEvents(r -> r.logGroupName("/kept").logStreamName("s")
                    .nextToken(forward));
            assertThat(next.events()).extracting(OutputLogEvent::message).containsExactly("three");
        }
    }
}
