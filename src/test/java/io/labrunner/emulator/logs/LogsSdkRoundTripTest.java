package io.labrunner.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs through the SDK v2 client, as a lab or a learner's own code would call it. */
class LogsSdkRoundTripTest {
    private static Emulator emulator;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        logs = CloudWatchLogsClient.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    @AfterAll
    static void stop() {
        logs.close();
        emulator.close();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static void put(String group, String stream, long firstTimestamp, String... messages) {
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            events.add(InputLogEvent.builder().timestamp(firstTimestamp + i).message(messages[i]).build());
        }
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Test
    void aGroupIsCreatedDescribedAndDeletedAndItsNameIsUnique() {
        logs.createLogGroup(r -> r.logGroupName("/lab/groups/a").tags(Map.of("team", "ml")));

        var group = logs.describeLogGroups(r -> r.logGroupNamePrefix("/lab/groups/")).logGroups();
        assertThat(group).singleElement().satisfies(g -> {
            assertThat(g.logGroupName()).isEqualTo("/lab/groups/a");
            assertThat(g.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/lab/groups/a:*");
            assertThat(g.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/lab/groups/a");
            assertThat(g.creationTime()).isCloseTo(now(), org.assertj.core.data.Offset.offset(60_000L));
            assertThat(g.retentionInDays()).isNull();
        });
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("/lab/groups/a")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageStartingWith("The specified log group already exists");
        assertThat(logs.listTagsForResource(r -> r.resourceArn(group.get(0).logGroupArn())).tags())
                .containsEntry("team", "ml");

        logs.putRetentionPolicy(r -> r.logGroupName("/lab/groups/a").retentionInDays(7));
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/lab/groups/")).logGroups().get(0)
                .retentionInDays()).isEqualTo(7);
        assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("/lab/groups/a").retentionInDays(2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Value '2' at 'retentionInDays' failed to satisfy constraint");

        logs.deleteLogGroup(r -> r.logGroupName("/lab/groups/a"));
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/lab/groups/")).logGroups()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("/lab/groups/a")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("The specified log group does not exist.");
    }

    @Test
    void describeLogGroupsPagesThroughEveryGroup() {
        IntStream.range(0, 7).forEach(i -> logs.createLogGroup(r -> r.logGroupName("/lab/paged/g" + i)));

        List<String> names = logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/lab/paged/").limit(3))
                .logGroups().stream().map(g -> g.logGroupName()).toList();

        assertThat(names).containsExactly("/lab/paged/g0", "/lab/paged/g1", "/lab/paged/g2", "/lab/paged/g3",
                "/lab/paged/g4", "/lab/paged/g5", "/lab/paged/g6");
    }

    @Test
    void streamsAreListedByNameOrByLastEventTime() {
        String group = "/lab/streams";
        logs.createLogGroup(r -> r.logGroupName(group));
        for (String s : List.of("b-stream", "a-stream", "c-stream")) {
            logs.createLogStream(r -> r.logGroupName(group).logStreamName(s));
        }
        long t = now() - 10_000;
        put(group, "c-stream", t, "first");
        put(group, "a-stream", t + 1000, "second");
        put(group, "b-stream", t + 2000, "third");

        assertThat(logs.describeLogStreams(r -> r.logGroupName(group)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("a-stream", "b-stream", "c-stream");
        assertThat(logs.describeLogStreams(r -> r.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("b-stream", "a-stream", "c-stream");
        assertThat(logs.describeLogStreams(r -> r.logGroupName(group).logStreamNamePrefix("a")).logStreams())
                .singleElement().satisfies(s -> {
                    assertThat(s.firstEventTimestamp()).isEqualTo(t + 1000);
                    assertThat(s.lastEventTimestamp()).isEqualTo(t + 1000);
                    assertThat(s.arn()).endsWith(":log-group:/lab/streams:log-stream:a-stream");
                });
        assertThat(logs.describeLogStreamsPaginator(r -> r.logGroupName(group).limit(1)).logStreams().stream()
                .map(LogStream::logStreamName).toList()).containsExactly("a-stream", "b-stream", "c-stream");
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName(group)
                .orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("a")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Cannot order by LastEventTime with a logStreamNamePrefix.");
        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("a-stream")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageStartingWith("The specified log stream already exists");

        logs.deleteLogStream(r -> r.logGroupName(group).logStreamName("a-stream"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName(group)).logStreams()).hasSize(2);
        assertThatThrownBy(() -> logs.deleteLogStream(r -> r.logGroupName(group).logStreamName("a-stream")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("The specified log stream does not exist.");
    }

    @Test
    void getLogEventsReadsForwardInPagesAndAnswersTheSameTokenAtTheEnd() {
        String group = "/lab/read";
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        long t = now() - 60_000;
        put(group, "s", t, IntStream.range(0, 25).mapToObj(i -> "line " + i).toArray(String[]::new));

        List<String> read = new ArrayList<>();
        String token = null;
        int calls = 0;
        while (true) {
            String current = token;
            GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                    .startFromHead(true).limit(10).nextToken(current));
            calls++;
            page.events().forEach(e -> read.add(e.message()));
            if (page.nextForwardToken().equals(current)) {
                assertThat(page.events()).isEmpty();
                break;
            }
            token = page.nextForwardToken();
            assertThat(calls).isLessThan(10);
        }

        assertThat(read).hasSize(25).startsWith("line 0", "line 1").endsWith("line 24");
        assertThat(calls).isEqualTo(4);
        assertThat(token).matches("f/\\d{56}/s");
    }

    @Test
    void getLogEventsWithoutStartFromHeadReturnsTheNewestEventsAndReadsBackwards() {
        String group = "/lab/tail";
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        long t = now() - 60_000;
        put(group, "s", t, IntStream.range(0, 15).mapToObj(i -> "line " + i).toArray(String[]::new));

        GetLogEventsResponse newest = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(5));
        assertThat(newest.events()).extracting(OutputLogEvent::message)
                .containsExactly("line 10", "line 11", "line 12", "line 13", "line 14");
        GetLogEventsResponse before = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(5)
                .nextToken(newest.nextBackwardToken()));
        assertThat(before.events()).extracting(OutputLogEvent::message)
                .containsExactly("line 5", "line 6", "line 7", "line 8", "line 9");

        GetLogEventsResponse nothingNew = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                .nextToken(newest.nextForwardToken()));
        assertThat(nothingNew.events()).isEmpty();
        assertThat(nothingNew.nextForwardToken()).isEqualTo(newest.nextForwardToken());

        put(group, "s", t + 100, "late line");
        GetLogEventsResponse followed = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                .nextToken(newest.nextForwardToken()));
        assertThat(followed.events()).extracting(OutputLogEvent::message).containsExactly("late line");
    }

    @Test
    void getLogEventsHonoursTheTimeWindowWithAnExclusiveEnd() {
        String group = "/lab/window";
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        long t = now() - 60_000;
        put(group, "s", t, "a", "b", "c", "d");

        GetLogEventsResponse window = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                .startTime(t + 1).endTime(t + 3).startFromHead(true));

        assertThat(window.events()).extracting(OutputLogEvent::message).containsExactly("b", "c");
        assertThat(window.events().get(0).ingestionTime()).isGreaterThanOrEqualTo(window.events().get(0).timestamp());
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                .nextToken("not-a-token")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The specified nextToken is invalid.");
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName(group).logStreamName("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("The specified log stream does not exist.");
    }

    @Test
    void putLogEventsRejectsEventsTooOldOrTooNewAndKeepsTheRest() {
        String group = "/lab/rejects";
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        long now = now();
        long old = now - Duration.ofDays(15).toMillis();
        long future = now + Duration.ofHours(3).toMillis();
        // 15 days old and 3 hours ahead span more than 24 hours: two batches.
        PutLogEventsResponse tooOld = logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
                InputLogEvent.builder().timestamp(old).message("ancient").build(),
                InputLogEvent.builder().timestamp(old + 1).message("ancient too").build()));
        PutLogEventsResponse mixed = logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
                InputLogEvent.builder().timestamp(now).message("kept").build(),
                InputLogEvent.builder().timestamp(future).message("future").build()));

        assertThat(tooOld.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(2);
        assertThat(mixed.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
        assertThat(mixed.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isNull();
        assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")).events())
                .extracting(OutputLogEvent::message).containsExactly("kept");
    }

    @Test
    void putLogEventsRefusesABatchOutOfOrderAndChangesNothing() {
        String group = "/lab/order";
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        long t = now();

        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
                InputLogEvent.builder().timestamp(t).message("second").build(),
                InputLogEvent.builder().timestamp(t - 5).message("first").build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Log events in a single PutLogEvents request must be in chronological order.");
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("nope").logEvents(
                InputLogEvent.builder().timestamp(t).message("x").build())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("The specified log stream does not exist.");
        assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")).events()).isEmpty();
    }

    @Test
    void filterLogEventsSearchesStreamsWithTermsPhrasesAndAlternatives() {
        String group = "/lab/filter";
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("job/algo-1"));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("job/algo-2"));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("other"));
        long t = now() - 60_000;
        put(group, "job/algo-1", t, "[0] train-rmse:0.5 validation-rmse:0.6", "ERROR disk full", "all good");
        put(group, "job/algo-2", t + 10, "WARN slow epoch", "ERROR out of memory");
        put(group, "other", t + 20, "ERROR elsewhere");

        assertThat(filter(group, "ERROR", null)).containsExactly("ERROR disk full", "ERROR out of memory",
                "ERROR elsewhere");
        assertThat(filter(group, "ERROR", "job/")).containsExactly("ERROR disk full", "ERROR out of memory");
        assertThat(filter(group, "\"out of memory\"", null)).containsExactly("ERROR out of memory");
        assertThat(filter(group, "?WARN ?rmse", null)).containsExactly("[0] train-rmse:0.5 validation-rmse:0.6",
                "WARN slow epoch");
        assertThat(filter(group, "ERROR -disk", null)).containsExactly("ERROR out of memory", "ERROR elsewhere");
        assertThat(filter(group, "error", null)).isEmpty();
        assertThat(filter(group, "", null)).hasSize(6);

        FilterLogEventsResponse one = logs.filterLogEvents(r -> r.logGroupName(group)
                .logStreamNames("job/algo-2").startTime(t + 11).endTime(t + 11));
        assertThat(one.events()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("ERROR out of memory");
            assertThat(e.logStreamName()).isEqualTo("job/algo-2");
            assertThat(e.eventId()).matches("\\d{56}");
        });
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName(group).logStreamNames("other")
                .logStreamNamePrefix("job/")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void filterLogEventsPagesWithNextTokenUntilItIsAbsent() {
        String group = "/lab/filter-pages";
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("a"));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("b"));
        long t = now() - 60_000;
        put(group, "a", t, IntStream.range(0, 12).mapToObj(i -> "a" + i).toArray(String[]::new));
        put(group, "b", t, IntStream.range(0, 12).mapToObj(i -> "b" + i).toArray(String[]::new));

        List<FilteredLogEvent> all = logs.filterLogEventsPaginator(r -> r.logGroupName(group).limit(5)).events()
                .stream().toList();

        assertThat(all).hasSize(24);
        assertThat(all.subList(0, 4)).extracting(FilteredLogEvent::message).containsExactly("a0", "b0", "a1", "b1");
    }

    private static List<String> filter(String group, String pattern, String prefix) {
        return logs.filterLogEvents(r -> r.logGroupName(group).filterPattern(pattern).logStreamNamePrefix(prefix))
                .events().stream().map(FilteredLogEvent::message).toList();
    }

    @Test
    void theInProcessWriterCreatesGroupAndStreamAndIsReadBackThroughTheApi() {
        LogWriter writer = emulator.logWriter();
        long t = now() - 1000;
        writer.append("us-east-1", "/aws/sagemaker/TrainingJobs", "job-1/algo-1-1700000000", t, "[0]#011train-rmse:1");
        writer.append("us-east-1", "/aws/sagemaker/TrainingJobs", "job-1/algo-1-1700000000", t + 1, "[1]#011train-rmse:0.5");

        assertThat(logs.describeLogStreams(r -> r.logGroupName("/aws/sagemaker/TrainingJobs")
                .logStreamNamePrefix("job-1/")).logStreams()).hasSize(1);
        assertThat(logs.getLogEvents(r -> r.logGroupName("/aws/sagemaker/TrainingJobs")
                .logStreamName("job-1/algo-1-1700000000").startFromHead(true)).events())
                .extracting(OutputLogEvent::message).containsExactly("[0]#011train-rmse:1", "[1]#011train-rmse:0.5");
    }

    @Test
    void constraintBreachesAreInvalidParameterExceptionsInCoralsWords() {
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("bad name!")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("1 validation error detected: Value 'bad name!' at 'logGroupName' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName("x").logStreamName("s").limit(10001)))
                .isInstanceOf(CloudWatchLogsException.class)
                .hasMessageContaining("Member must have value less than or equal to 10000");
    }
}
