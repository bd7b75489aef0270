package io.labrunner.labs.kinesisstreams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What a stream holds, as the checks read it for themselves: every shard ListShards returns, each
 * read from TRIM_HORIZON to its end, with each record's shard, place, arrival time and size. The
 * order shards are read in does not matter here; the learner's consumer is judged on its own report.
 */
final class StreamContents {
    /** A shard and its lineage; a closed shard has an ending sequence number. */
    record ShardInfo(String shardId, String parentShardId, String adjacentParentShardId, boolean closed) {
    }

    /**
     * One record as the stream holds it.
     *
     * @param position its place in its shard, 0, 1, 2...
     * @param bytes    what it counts against the shard's 1 MiB/s: data plus partition key
     * @param event    the feed event its data holds, empty for any other record (the guide's by-hand one)
     */
    record Held(String shardId, int position, String partitionKey, String sequenceNumber, Instant arrival,
                int bytes, Optional<Event> event) {
    }

    /** The most bytes one shard took within one second of arrivals, and when that second began. */
    record Peak(String shardId, double bytes, Instant from) {
    }

    private final List<ShardInfo> shards;
    private final List<Held> records;
    private final Map<Integer, List<Held>> feedEventsById = new TreeMap<>();
    private final Map<String, Held> bySequenceNumber = new HashMap<>();

    private StreamContents(List<ShardInfo> shards, List<Held> records) {
        this.shards = shards;
        this.records = records;
        for (Held h : records) {
            h.event().ifPresent(e -> feedEventsById.computeIfAbsent(e.id(), id -> new ArrayList<>()).add(h));
            bySequenceNumber.put(h.shardId() + "#" + h.sequenceNumber(), h);
        }
    }

    /** What a stream holds, given directly (for tests of the evidence the checks draw from it). */
    static StreamContents of(List<ShardInfo> shards, List<Held> records) {
        return new StreamContents(List.copyOf(shards), List.copyOf(records));
    }

    static StreamContents read(KinesisClient kinesis, String stream) throws InterruptedException {
        List<ShardInfo> shards = new ArrayList<>();
        ListShardsResponse page = kinesis.listShards(r -> r.streamName(stream));
        page.shards().forEach(s -> shards.add(info(s)));
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(r -> r.nextToken(token));
            page.shards().forEach(s -> shards.add(info(s)));
        }
        List<Event> feed = KinesisStreamsLab.feed();
        List<Held> records = new ArrayList<>();
        for (ShardInfo shard : shards) {
            int position = 0;
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                GetRecordsResponse got = getRecords(kinesis, iterator);
                for (Record r : got.records()) {
                    byte[] data = r.data().asByteArray();
                    Optional<Event> event = Event.tryParse(new String(data, StandardCharsets.UTF_8))
                            .filter(e -> e.id() >= 0 && e.id() < feed.size() && feed.get(e.id()).equals(e));
                    records.add(new Held(shard.shardId(), position++, r.partitionKey(), r.sequenceNumber(),
                            r.approximateArrivalTimestamp(),
                            data.length + r.partitionKey().getBytes(StandardCharsets.UTF_8).length, event));
                }
                iterator = got.nextShardIterator();
                // An open shard never ends: stop once a page comes back empty at its tip.
                if (got.records().isEmpty() && Long.valueOf(0).equals(got.millisBehindLatest())) {
                    break;
                }
            }
        }
        return new StreamContents(List.copyOf(shards), List.copyOf(records));
    }

    private static ShardInfo info(Shard s) {
        return new ShardInfo(s.shardId(), s.parentShardId(), s.adjacentParentShardId(),
                s.sequenceNumberRange().endingSequenceNumber() != null);
    }

    /** GetRecords, waiting while the shard is over its 5 calls/s or 2 MiB/s of reads. */
    private static GetRecordsResponse getRecords(KinesisClient kinesis, String iterator) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return kinesis.getRecords(r -> r.shardIterator(iterator).limit(10_000));
            } catch (ProvisionedThroughputExceededException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(250L * Math.min(attempt, 4));
            }
        }
    }

    List<ShardInfo> shards() {
        return shards;
    }

    ShardInfo shard(String shardId) {
        return shards.stream().filter(s -> s.shardId().equals(shardId)).findFirst().orElseThrow();
    }

    /** Each feed event's copies in the stream, by id (more than one copy: written twice). */
    Map<Integer, List<Held>> feedEventsById() {
        return feedEventsById;
    }

    /** Records that are not feed events. */
    List<Held> others() {
        return records.stream().filter(h -> h.event().isEmpty()).toList();
    }

    Map<String, Integer> feedEventsPerShard() {
        Map<String, Integer> perShard = new TreeMap<>();
        records.stream().filter(h -> h.event().isPresent()).forEach(h -> perShard.merge(h.shardId(), 1, Integer::sum));
        return perShard;
    }

    Set<String> shardsHolding() {
        return feedEventsPerShard().keySet();
    }

    Set<String> feedPartitionKeys() {
        return records.stream().filter(h -> h.event().isPresent()).map(Held::partitionKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the stream holds {@code event} as this record of this shard. */
    boolean holds(String shardId, String sequenceNumber, Event event) {
        Held h = bySequenceNumber.get(shardId + "#" + sequenceNumber);
        return h != null && h.event().filter(event::equals).isPresent();
    }

    /** The first copy of {@code event} in the stream. */
    Optional<Held> find(Event event) {
        return feedEventsById.getOrDefault(event.id(), List.of()).stream()
                .filter(h -> h.event().filter(event::equals).isPresent()).findFirst();
    }

    boolean isParentOf(String parent, String child) {
        ShardInfo c = shard(child);
        return parent.equals(c.parentShardId()) || parent.equals(c.adjacentParentShardId());
    }

    /**
     * Feed events that arrived after an event later in the feed had arrived: a producer that sends
     * in feed order puts an event behind later ones only by sending it again after a refusal (or by
     * sending from several threads).
     * Arrival times are the service's ApproximateArrivalTimestamp, so this is what the stream shows,
     * not what the producer says.
     */
    int arrivedLate() {
        List<Instant> firstArrival = new ArrayList<>();
        feedEventsById.values().forEach(copies -> firstArrival.add(copies.get(0).arrival()));
        int late = 0;
        Instant earliestOfLater = Instant.MAX;
        for (int i = firstArrival.size() - 1; i >= 0; i--) {
            if (firstArrival.get(i).isAfter(earliestOfLater)) {
                late++;
            }
            earliestOfLater = firstArrival.get(i).isBefore(earliestOfLater) ? firstArrival.get(i) : earliestOfLater;
        }
        return late;
    }

    /** The busiest second of any shard, by the records' arrival times (a sliding one-second window). */
    Peak busiestSecond() {
        Map<String, List<Held>> perShard = new LinkedHashMap<>();
        records.forEach(h -> perShard.computeIfAbsent(h.shardId(), id -> new ArrayList<>()).add(h));
        Peak best = new Peak("none", 0, Instant.EPOCH);
        for (List<Held> shard : perShard.values()) {
            double inWindow = 0;
            int first = 0;
            for (Held h : shard) {
                inWindow += h.bytes();
                while (h.arrival().toEpochMilli() - shard.get(first).arrival().toEpochMilli() >= 1000) {
                    inWindow -= shard.get(first++).bytes();
                }
                if (inWindow > best.bytes()) {
                    best = new Peak(h.shardId(), inWindow, shard.get(first).arrival());
                }
            }
        }
        return best;
    }
}
