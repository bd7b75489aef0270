package io.labrunner.labs.kinesisstreams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The evidence the throttling check draws from arrival times alone, on streams written by hand. */
class StreamContentsTest {
    private static final List<Event> FEED = KinesisStreamsLab.feed();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<StreamContents.ShardInfo> ONE_SHARD =
            List.of(new StreamContents.ShardInfo("shardId-000000000000", null, null, false));

    @Test
    void aProducerThatNeverResentShowsEveryEventInFeedOrder() {
        List<StreamContents.Held> records = new ArrayList<>();
        for (int id = 0; id < 1000; id++) {
            records.add(held(records.size(), id, T0.plusMillis(id / 100 * 1000L), 2048));
        }
        StreamContents stream = StreamContents.of(ONE_SHARD, records);
        assertThat(stream.arrivedLate()).isZero();
        // 100 events of 2 KB a second: about 0.2 MiB in the busiest second.
        assertThat(stream.busiestSecond().bytes()).isBetween(0.19 * 1024 * 1024, 0.21 * 1024 * 1024);
    }

    @Test
    void entriesResentAfterARefusalArriveBehindLaterEventsAndAreCounted() {
        List<StreamContents.Held> records = new ArrayList<>();
        for (int id = 0; id < 500; id++) {
            if (id % 10 != 3) {
                records.add(held(records.size(), id, T0, 2048));
            }
        }
        for (int id = 3; id < 500; id += 10) {
            records.add(held(records.size(), id, T0.plusMillis(120), 2048));
        }
        assertThat(StreamContents.of(ONE_SHARD, records).arrivedLate()).isEqualTo(50);
    }

    @Test
    void theBusiestSecondIsASlidingWindowOverOneShard() {
        List<StreamContents.Held> records = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            // 1,500 records of 2 KB within 900 ms: about 2.9 MiB, more than a shard takes in a second with its burst.
            records.add(held(i, i, T0.plusMillis(i * 900L / 1500), 2048));
        }
        StreamContents.Peak peak = StreamContents.of(ONE_SHARD, records).busiestSecond();
        assertThat(peak.shardId()).isEqualTo("shardId-000000000000");
        assertThat(peak.bytes()).isEqualTo(1500 * 2048.0);
        assertThat(peak.from()).isEqualTo(T0);
    }

    @Test
    void recordsThatAreNotFeedEventsAreKeptApart() {
        List<StreamContents.Held> records = new ArrayList<>(List.of(held(0, 0, T0, 2048)));
        records.add(new StreamContents.Held("shardId-000000000000", 1, "by-hand", "2", T0, 25,
                Event.tryParse("hello from the CLI")));
        StreamContents stream = StreamContents.of(ONE_SHARD, records);
        assertThat(stream.others()).hasSize(1);
        assertThat(stream.feedEventsById()).containsOnlyKeys(0);
        assertThat(stream.holds("shardId-000000000000", "1", FEED.get(0))).isTrue();
        assertThat(stream.holds("shardId-000000000000", "2", FEED.get(0))).isFalse();
    }

    private static StreamContents.Held held(int position, int id, Instant arrival, int bytes) {
        Event e = FEED.get(id);
        return new StreamContents.Held("shardId-000000000000", position, e.device(), String.valueOf(position + 1),
                arrival, bytes, Optional.of(e));
    }
}
