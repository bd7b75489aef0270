package io.labrunner.labs.kinesisstreams;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The lab's checks. They read the stream themselves ({@link StreamContents}, not the solution's
 * consumer) and hold the learner's consumer report against it, so a bug in the solution cannot pass
 * its own check. A failure says what was seen and diagnoses it: which events are missing and
 * where they would have been, whether a duplicate is in the stream or only in the report.
 *
 * <p>One instance serves one round of checks: the stream is read once (reading it again at once
 * would only wait for the shards' 2 MiB/s read allowance) and every check judges that reading.
 */
final class StreamChecks {
    private static final double MIB = 1024 * 1024;
    /**
     * Below this in its busiest second no shard was near its 1 MiB/s limit (a shard takes up to a
     * second's worth more in a burst), whatever the arrival order suggests.
     */
    private static final double AT_LIMIT = 0.9 * MIB;
    /**
     * More than a shard can take in one second even with its one-second burst: the target does not
     * enforce the limit (Floci and LocalStack accept everything; AWS and the embedded emulator do not).
     */
    private static final double BEYOND_LIMIT = 3 * MIB;
    private static final String PRODUCER = "src/main/java/io/labrunner/labs/kinesisstreams/Producer.java";
    private static final String CONSUMER = "src/main/java/io/labrunner/labs/kinesisstreams/ShardReader.java";

    private final IdentityHashMap<LabContext, Seen> seen = new IdentityHashMap<>();

    /** One row of the consumer's report. */
    record Row(String shardId, String partitionKey, String sequenceNumber, Event event) {
    }

    /** What one round of checks saw: the stream, the learner's report (if any) and its lines that did not parse. */
    private record Seen(StreamContents stream, Optional<List<Row>> report, int unreadableRows) {
    }

    private Seen seen(LabContext ctx) throws InterruptedException {
        Seen s = seen.get(ctx);
        if (s == null) {
            StreamContents stream = StreamContents.read(ctx.kinesis(), KinesisStreamsLab.stream(ctx));
            Optional<String> csv = read(ctx, KinesisStreamsLab.CONSUMED_KEY);
            List<Row> rows = new ArrayList<>();
            int unreadable = csv.map(text -> parseReport(text, rows)).orElse(0);
            s = new Seen(stream, csv.map(text -> rows), unreadable);
            seen.put(ctx, s);
        }
        return s;
    }

    // ---- the producer's side: what the stream holds ------------------------------------------------

    CheckResult streamHoldsTheFeedOnce(LabContext ctx) throws Exception {
        StreamContents stream = seen(ctx).stream();
        int expected = KinesisStreamsLab.feed().size();
        Map<Integer, List<StreamContents.Held>> copies = stream.feedEventsById();
        String others = stream.others().isEmpty() ? "" : "; " + describeOthers(stream);
        if (copies.isEmpty()) {
            return CheckResult.fail("the stream holds none of the feed's " + expected + " events" + others,
                    "Nothing of the feed has reached $STREAM yet: step 4 produces it.",
                    "The 6,000 events are CSV lines id,device,device_seq,waveform with the device as partition key;"
                            + " the guide's by-hand record is not one of them.",
                    "Run a producer like " + PRODUCER + ": PutRecords batches of 500, resending refused entries.");
        }
        List<Integer> missing = missingIds(copies.keySet(), expected);
        if (!missing.isEmpty()) {
            return missingFromStream(stream, missing, expected, others);
        }
        List<Integer> twice = copies.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).sorted().toList();
        if (!twice.isEmpty()) {
            StreamContents.Held a = copies.get(twice.get(0)).get(0);
            StreamContents.Held b = copies.get(twice.get(0)).get(1);
            String seenText = String.format("%,d event(s) in the stream more than once, e.g. event %d as %s #%s and %s #%s%s",
                    twice.size(), twice.get(0), a.shardId(), shortSeq(a.sequenceNumber()), b.shardId(), shortSeq(b.sequenceNumber()), others);
            if (twice.size() >= expected / 2) {
                return CheckResult.fail(seenText,
                        "Half the feed or more was written twice: the producer ran more than once.",
                        "A stream keeps every record until retention drops it; nothing deletes the first run's records.",
                        "Start over with a fresh stream: ./lab cleanup kinesis-streams, ./lab start kinesis-streams, then run the producer once.");
            }
            return CheckResult.fail(seenText,
                    "Two copies with different sequence numbers: the producer wrote these events twice, so a retry resent"
                            + " entries that had already been written (or a feed event was sent by hand).",
                    "PutRecords writes every entry whose result has a SequenceNumber, even when FailedRecordCount > 0;"
                            + " only entries with an ErrorCode were refused.",
                    "Resend only the entries whose result carries an ErrorCode (Producer.sendBatch), then start over with"
                            + " a fresh stream: ./lab cleanup kinesis-streams and ./lab start kinesis-streams.");
        }
        return CheckResult.pass(String.format("all %,d events, each once, over %d shards%s", expected,
                stream.shardsHolding().size(), others));
    }

    CheckResult throttlingMet(LabContext ctx) throws Exception {
        Seen s = seen(ctx);
        StreamContents stream = s.stream();
        if (stream.feedEventsById().isEmpty()) {
            return CheckResult.fail("the stream holds none of the feed's events: nothing to judge",
                    "Run the producer first (step 4).");
        }
        StreamContents.Peak peak = stream.busiestSecond();
        String own = producerOwnCount(ctx);
        // A shard takes 1 MiB/s, and up to one second's worth more in a burst after an idle spell.
        String peakText = String.format("the busiest shard, %s, took %.2f MiB within one second (from %s)",
                peak.shardId(), peak.bytes() / MIB, peak.from());
        int expected = KinesisStreamsLab.feed().size();
        List<Integer> missing = missingIds(stream.feedEventsById().keySet(), expected);
        if (peak.bytes() > BEYOND_LIMIT) {
            // The check only runs where the target says it enforces the limit (KINESIS_SHARD_LIMITS); this one did not.
            return CheckResult.fail(peakText + ", more than a shard ever takes on AWS: this target did not enforce the"
                            + " 1 MiB/s write limit, so throttling could not be met here" + own,
                    "Run the lab on a target that enforces Kinesis's shard limits: the embedded emulator or AWS.");
        }
        if (!missing.isEmpty()) {
            CheckResult why = missingFromStream(stream, missing, expected, "");
            return CheckResult.fail(peakText + ", and " + String.format("%,d", missing.size())
                    + " events never reached the stream" + own, why.hints().toArray(String[]::new));
        }
        int late = stream.arrivedLate();
        if (late == 0 || peak.bytes() < AT_LIMIT) {
            return CheckResult.fail(peakText + (late == 0 ? "; every event arrived in feed order, so none was refused and sent again"
                            : "; " + late + " events arrived after later ones, yet no shard came near its limit") + own,
                    "The shards never refused a record: your producer sent less than a shard takes (1 MiB/s, and"
                            + " up to a second's worth more in a burst).",
                    "A pause between calls, or one record per call, keeps every shard under its limit; 500 events"
                            + " of 2 KB are about 1 MB, so batches sent back to back are over two shards' limit within"
                            + " a second. On a busy machine a producer may simply not send that fast.",
                    "Send PutRecords batches of 500 without pausing and resend what comes back with an ErrorCode ("
                            + PRODUCER + "); start over with ./lab cleanup and ./lab start to try again.");
        }
        return CheckResult.pass(String.format("%s, its 1 MiB/s plus a one-second burst, and %,d events arrived after"
                + " later events of the feed (resent after a refusal, or sent by a parallel sender); all %,d events"
                + " are in the stream%s", peakText, late, expected, own));
    }

    CheckResult spreadAcrossShards(LabContext ctx) throws Exception {
        StreamContents stream = seen(ctx).stream();
        Map<String, Integer> perShard = stream.feedEventsPerShard();
        int total = perShard.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return CheckResult.fail("the stream holds none of the feed's events", "Run the producer first (step 4).");
        }
        String seenText = "feed events per shard: " + perShard;
        Set<String> keys = stream.feedPartitionKeys();
        int busiest = perShard.values().stream().max(Integer::compare).orElse(0);
        if (keys.size() < 10) {
            return CheckResult.fail(seenText + "; only " + keys.size() + " partition key(s): " + keys,
                    "Kinesis routes a record by the MD5 hash of its partition key: a few keys can only ever reach a few shards.",
                    "The events come from 500 devices; each device's events must stay in order, so the device is the key.",
                    "Use the event's device (device-000 … device-499) as the partition key.");
        }
        if (perShard.size() < 3) {
            if (stream.shards().stream().noneMatch(StreamContents.ShardInfo::closed)) {
                return CheckResult.fail(seenText + "; the stream has " + stream.shards().size()
                                + " shards and none was split",
                        "No shard was split yet, so the records can only be on the two shards the stream started with.",
                        "SplitShard closes one shard and opens two children, each taking half its hash range; records"
                                + " sent after the split land on the children.",
                        "After event 2,999: aws $ENDPOINT kinesis split-shard --stream-name $STREAM --shard-to-split"
                                + " shardId-000000000000 --new-starting-hash-key 85070591730234615865843651857942052864,"
                                + " wait for ACTIVE, then send events 3,000–5,999.");
            }
            return CheckResult.fail(seenText + "; a shard was split but its children hold no feed events",
                    "The split came after the whole feed: only records sent after a split land on the children.",
                    "Send the first 3,000 events, split, wait for ACTIVE, then send the other 3,000.",
                    "Start over (./lab cleanup kinesis-streams, ./lab start kinesis-streams) and split between the two halves.");
        }
        if (busiest > 0.6 * total) {
            return CheckResult.fail(seenText + ", one shard holds " + (100 * busiest / total) + " %",
                    "The partition keys hash unevenly: one shard's hash range takes most of them.",
                    "Check that the key is the device id, not something with few values or a shared prefix pinned by"
                            + " ExplicitHashKey.",
                    "Partition key = the event's device; no ExplicitHashKey.");
        }
        return CheckResult.pass(seenText + " (" + keys.size() + " partition keys)");
    }

    CheckResult reshardReadInOrder(LabContext ctx) throws Exception {
        Seen s = seen(ctx);
        StreamContents stream = s.stream();
        Optional<StreamContents.ShardInfo> closed = stream.shards().stream().filter(StreamContents.ShardInfo::closed).findFirst();
        if (closed.isEmpty()) {
            return CheckResult.fail(stream.shards().size() + " shards, all open: no shard was split",
                    "No shard has been split yet: that is step 5, between the two halves of the feed.",
                    "SplitShard closes the parent and opens two children; the parent keeps its records, readable to its end.",
                    "aws $ENDPOINT kinesis split-shard --stream-name $STREAM --shard-to-split shardId-000000000000"
                            + " --new-starting-hash-key 85070591730234615865843651857942052864; then"
                            + " aws $ENDPOINT kinesis wait stream-exists --stream-name $STREAM");
        }
        String parent = closed.get().shardId();
        List<String> children = stream.shards().stream().filter(c -> parent.equals(c.parentShardId()))
                .map(StreamContents.ShardInfo::shardId).toList();
        Map<String, Integer> held = stream.feedEventsPerShard();
        int inParent = held.getOrDefault(parent, 0);
        int inChildren = children.stream().mapToInt(c -> held.getOrDefault(c, 0)).sum();
        String split = parent + " was split into " + String.join(" and ", children) + "; the parent holds " + inParent
                + " feed events, the children " + inChildren;
        if (inParent == 0) {
            return CheckResult.fail(split, "The split came before the feed, so the parent holds nothing to read first.",
                    "Split mid-feed: after event 2,999, before event 3,000.",
                    "Start over (./lab cleanup kinesis-streams, ./lab start kinesis-streams): send 0–2,999, split, send the rest.");
        }
        if (inChildren == 0) {
            return CheckResult.fail(split, "The children hold no feed events: the split came after the whole feed (or the"
                            + " second half was never sent).",
                    "Only records sent after a split land on the children: send events 3,000–5,999 after it.",
                    "Split between the halves: send 0–2,999, split, wait for ACTIVE, send 3,000–5,999.");
        }
        if (s.report().isEmpty()) {
            return CheckResult.fail(split + ", but there is no consumer report at s3://$BUCKET/" + KinesisStreamsLab.CONSUMED_KEY,
                    consumerHints());
        }
        List<Row> rows = s.report().get();
        int lastOfParent = -1;
        int firstOfChild = Integer.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).shardId().equals(parent)) {
                lastOfParent = i;
            } else if (children.contains(rows.get(i).shardId())) {
                firstOfChild = Math.min(firstOfChild, i);
            }
        }
        if (lastOfParent < 0) {
            return CheckResult.fail(split + "; your consumer read nothing from the closed parent " + parent,
                    "Your consumer skipped the closed shard " + parent + ": it read only the open ones.",
                    "A closed shard keeps its records until retention drops them; ListShards still lists it, with an"
                            + " EndingSequenceNumber. Its records are the older half of the feed.",
                    "Read every shard ListShards returns, closed ones too, from TRIM_HORIZON to their end (" + CONSUMER + ").");
        }
        if (firstOfChild < lastOfParent) {
            return CheckResult.fail(split + "; your consumer read row " + (firstOfChild + 1) + " from a child before"
                            + " row " + (lastOfParent + 1) + " from the parent",
                    "Your consumer read a child of " + parent + " before it had finished the parent.",
                    "A device's older events are in the parent and its newer ones in a child: reading a child first"
                            + " consumes them out of order.",
                    "Read a shard only when its ParentShardId (and AdjacentParentShardId) are read to their end,"
                            + " i.e. GetRecords returned no NextShardIterator (" + CONSUMER + ").");
        }
        return CheckResult.pass(split + "; your consumer read the parent to its end before its children");
    }

    // ---- the consumer's side: the report held against the stream -------------------------------------

    CheckResult consumedOnce(LabContext ctx) throws Exception {
        Seen s = seen(ctx);
        if (s.report().isEmpty()) {
            return CheckResult.fail("no consumer report at s3://$BUCKET/" + KinesisStreamsLab.CONSUMED_KEY, consumerHints());
        }
        StreamContents stream = s.stream();
        List<Row> rows = s.report().get();
        int expected = KinesisStreamsLab.feed().size();
        String skipped = s.unreadableRows() == 0 ? "" : "; " + s.unreadableRows() + " report lines are not feed events";
        String seenText = String.format("%,d rows in your report, %,d feed events in the stream%s", rows.size(),
                stream.feedEventsById().values().stream().mapToInt(List::size).sum(), skipped);

        List<Row> invented = rows.stream().filter(r -> !stream.holds(r.shardId(), r.sequenceNumber(), r.event())).toList();
        if (!invented.isEmpty()) {
            Row r = invented.get(0);
            return CheckResult.fail(seenText + String.format("; %,d rows match no record of the stream, e.g. event %d as %s #%s",
                            invented.size(), r.event().id(), r.shardId(), shortSeq(r.sequenceNumber())),
                    "Your report names records the stream does not hold (shard, sequence number and event must match).",
                    "Write what GetRecords returned: the shard you read, each record's SequenceNumber and its data.",
                    "See KinesisStreamsLab.toCsv: one line per record read, in the order read.");
        }
        Map<String, Integer> sameRecord = new HashMap<>();
        rows.forEach(r -> sameRecord.merge(r.shardId() + "#" + r.sequenceNumber(), 1, Integer::sum));
        long reread = sameRecord.values().stream().filter(n -> n > 1).count();
        if (reread > 0) {
            return CheckResult.fail(seenText + String.format("; your consumer read %,d records more than once"
                            + " (same shard, same sequence number)", reread),
                    "The stream holds these records once; your consumer read them again.",
                    "A reread comes from reading a shard twice (a child listed twice, a loop that does not stop at a"
                            + " closed shard's end) or from appending a second run to the report.",
                    "Read each shard once, to its end, and write the report fresh each run (" + CONSUMER + ").");
        }
        Map<Integer, Integer> perId = new HashMap<>();
        rows.forEach(r -> perId.merge(r.event().id(), 1, Integer::sum));
        List<Integer> twice = perId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        if (!twice.isEmpty()) {
            return CheckResult.fail(seenText + String.format("; %,d events consumed twice, e.g. event %d, each time"
                            + " from a different record", twice.size(), twice.get(0)),
                    "The stream itself holds these events twice (see the first check); your consumer passed both copies on.",
                    "Kinesis delivers at least once: a producer retry can write a record twice, and a consumer that"
                            + " must not double-count keeps the ids it has seen.",
                    "Fix the producer and start over, or skip events whose id your consumer has already consumed.");
        }
        List<Integer> missing = missingIds(perId.keySet(), expected);
        if (!missing.isEmpty()) {
            return missingFromReport(stream, rows, missing, seenText);
        }
        return CheckResult.pass(String.format("all %,d events consumed once each", expected) + skipped);
    }

    CheckResult orderPerKey(LabContext ctx) throws Exception {
        Seen s = seen(ctx);
        if (s.report().isEmpty()) {
            return CheckResult.fail("no consumer report at s3://$BUCKET/" + KinesisStreamsLab.CONSUMED_KEY, consumerHints());
        }
        List<Row> rows = s.report().get();
        if (rows.isEmpty()) {
            return CheckResult.fail("the consumer report has no feed events", consumerHints());
        }
        Map<String, Integer> expectedNext = new HashMap<>();
        for (Row row : rows) {
            Event got = row.event();
            int due = expectedNext.getOrDefault(got.device(), 0);
            if (got.deviceSeq() > due) {
                return outOfOrder(s, got, due);
            }
            expectedNext.merge(got.device(), 1, Integer::sum);
        }
        return CheckResult.pass(expectedNext.size() + " devices, each consumed in production order");
    }

    /** Why {@code got} came before its device's event {@code due}: where the two are in the stream says whose order it was. */
    private CheckResult outOfOrder(Seen s, Event got, int due) {
        String seenText = got.device() + " event " + got.deviceSeq() + " was consumed where its event " + due + " was due";
        Optional<Event> dueEvent = KinesisStreamsLab.feed().stream()
                .filter(e -> e.device().equals(got.device()) && e.deviceSeq() == due).findFirst();
        Optional<StreamContents.Held> early = s.stream().find(got);
        Optional<StreamContents.Held> late = dueEvent.flatMap(s.stream()::find);
        boolean dueConsumed = dueEvent.isPresent()
                && s.report().get().stream().anyMatch(r -> r.event().id() == dueEvent.get().id());
        if (late.isEmpty() || !dueConsumed) {
            return CheckResult.fail(seenText + "; event " + due + (late.isEmpty() ? " is not in the stream" : " was never consumed"),
                    "A device's event is missing, so its next one looks out of order: see which events are missing"
                            + " (the first and fifth checks).",
                    "Order is judged per device over what was consumed: fix what is missing first.");
        }
        StreamContents.Held e = early.orElseThrow();
        StreamContents.Held l = late.get();
        if (e.shardId().equals(l.shardId()) && e.position() < l.position()) {
            return CheckResult.fail(seenText + "; in the stream, " + e.shardId() + " holds event " + got.deviceSeq()
                            + " before event " + due + ": the producer wrote them in this order",
                    "The stream itself has this device's events out of order: a resent entry was overtaken by the"
                            + " device's next event.",
                    "If a batch holds a device twice, or the next batch goes out before the refused entries are"
                            + " resent, a resend lands after a newer event of the same key.",
                    "Put each device at most once in a batch and resend a batch's refused entries before sending"
                            + " the next batch (Producer.oneEventPerDevice and Producer.sendBatch).");
        }
        if (!e.shardId().equals(l.shardId()) && s.stream().isParentOf(l.shardId(), e.shardId())) {
            return CheckResult.fail(seenText + "; event " + due + " is in the parent " + l.shardId() + ", event "
                            + got.deviceSeq() + " in its child " + e.shardId(),
                    "Your consumer read a child shard before finishing its parent.",
                    "After a split a device's older events stay in the parent, its newer ones go to a child.",
                    "Read a shard only after its parents are read to their end (GetRecords returns no"
                            + " NextShardIterator) (" + CONSUMER + ").");
        }
        return CheckResult.fail(seenText + "; the stream holds them in the right order (" + l.shardId() + ", then "
                        + e.shardId() + ")",
                "The stream has this device in order: your consumer reordered what it read.",
                "Reading shards in parallel and writing whatever arrives first, or sorting the report, breaks per-key order.",
                "Write records in the order GetRecords returned them, one shard after the other, parents first.");
    }

    // ---- diagnoses shared by several checks ---------------------------------------------------------

    /** Why events are missing from the stream: the second half never sent, or refused entries never resent. */
    private static CheckResult missingFromStream(StreamContents stream, List<Integer> missing, int expected, String others) {
        int half = KinesisStreamsLab.EVENTS_PER_PHASE;
        String seenText = String.format("%,d of %,d events are in the stream; missing: %s%s", expected - missing.size(),
                expected, ranges(missing), others);
        boolean secondHalf = missing.size() == expected - half && missing.get(0) == half;
        boolean split = stream.shards().stream().anyMatch(StreamContents.ShardInfo::closed);
        if (secondHalf) {
            return CheckResult.fail(seenText + (split ? "" : "; no shard has been split yet"),
                    split ? "The first half is in; the second half (events 3,000–5,999) was never sent."
                            : "You stopped after phase one: the split (step 5) and the second half are still to come.",
                    "Step 5 splits shardId-000000000000 and waits for ACTIVE; then events 3,000–5,999 go out over the"
                            + " three open shards.",
                    "Run the split of step 5 if it is not done, then send events 3,000–5,999 with the same producer.");
        }
        if (missing.size() == half && missing.get(missing.size() - 1) == half - 1) {
            return CheckResult.fail(seenText, "The first half of the feed (events 0–2,999) was never sent.",
                    "Events 0–2,999 go out before the split, over the two original shards.",
                    "Start over (./lab cleanup kinesis-streams, ./lab start kinesis-streams) and send all 6,000 in order.");
        }
        return CheckResult.fail(seenText,
                "Events are missing here and there across the feed: PutRecords refused them and they were not sent again.",
                "PutRecords answers 200 even when some entries fail: FailedRecordCount says how many, and each failed"
                        + " result carries an ErrorCode (ProvisionedThroughputExceededException) instead of a SequenceNumber.",
                "After each call, collect the entries whose result has an ErrorCode, back off (50 ms, 100 ms, … with"
                        + " jitter) and resend just those until none is left (" + PRODUCER + ").");
    }

    /** Why events in the stream are missing from the report: which shards the consumer skipped or cut short. */
    private static CheckResult missingFromReport(StreamContents stream, List<Row> rows, List<Integer> missing, String seenText) {
        Set<Integer> inStream = stream.feedEventsById().keySet();
        List<Integer> neverWritten = missing.stream().filter(id -> !inStream.contains(id)).toList();
        if (neverWritten.size() == missing.size()) {
            return CheckResult.fail(seenText + "; missing: " + ranges(missing) + ", none of which is in the stream",
                    "Your consumer read all the stream holds; the missing events were never written (see the first check).",
                    "Fix the producer first: every event has to reach the stream before a consumer can read it.");
        }
        Map<String, Integer> missedPerShard = new TreeMap<>();
        Map<String, Integer> readPerShard = new HashMap<>();
        rows.forEach(r -> readPerShard.merge(r.shardId(), 1, Integer::sum));
        for (int id : missing) {
            stream.feedEventsById().getOrDefault(id, List.of())
                    .forEach(h -> missedPerShard.merge(h.shardId(), 1, Integer::sum));
        }
        String where = missedPerShard.entrySet().stream().map(e -> e.getValue() + " on " + e.getKey()
                + (stream.shard(e.getKey()).closed() ? " (closed)" : "")).collect(Collectors.joining(", "));
        String text = seenText + "; not consumed: " + String.format("%,d", missing.size()) + " events (" + where + ")";
        List<String> untouched = missedPerShard.keySet().stream().filter(id -> !readPerShard.containsKey(id)).toList();
        if (!untouched.isEmpty()) {
            boolean closed = untouched.stream().allMatch(id -> stream.shard(id).closed());
            return CheckResult.fail(text, "Your consumer never read " + String.join(", ", untouched)
                            + (closed ? ": a closed shard still holds its records." : "."),
                    "ListShards lists every shard still within retention, closed parents included; each must be read"
                            + " from TRIM_HORIZON.",
                    "Read every listed shard, parents before children, to its end (" + CONSUMER + ").");
        }
        return CheckResult.fail(text, "Your consumer stopped reading a shard before its end.",
                "An empty GetRecords page does not mean the end: keep going on a closed shard until NextShardIterator"
                        + " is absent, and on an open one until MillisBehindLatest is 0. Limit is 10,000 records per call.",
                "Loop on NextShardIterator as " + CONSUMER + " does, and retry a throttled read instead of giving up.");
    }

    private static String[] consumerHints() {
        return new String[] {
                "No consumer report yet: the consumer writes what it read to s3://$BUCKET/" + KinesisStreamsLab.CONSUMED_KEY + ".",
                "The report is CSV with the header " + KinesisStreamsLab.REPORT_HEADER + ", one line per feed event"
                        + " in the order it was read.",
                "Read every shard from TRIM_HORIZON, parents first, and upload the lines with aws $ENDPOINT s3 cp (" + CONSUMER + ")."};
    }

    /** The learner's own count of throttled entries, shown beside what the stream shows, never used to judge. */
    private static String producerOwnCount(LabContext ctx) {
        Optional<String> stats = read(ctx, KinesisStreamsLab.PRODUCER_KEY);
        if (stats.isEmpty()) {
            return "";
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(stats.get()));
        } catch (IOException e) {
            return "";
        }
        String n = p.getProperty("throttledEntries");
        return n == null ? "" : "; your producer's own count, not used to judge: throttledEntries=" + n.strip();
    }

    private static String describeOthers(StreamContents stream) {
        Set<String> keys = new java.util.TreeSet<>();
        stream.others().forEach(h -> keys.add(h.partitionKey()));
        return stream.others().size() + " other record(s) (partition key " + String.join(", ", keys)
                + ") are not feed events and were left out";
    }

    private static List<Integer> missingIds(Set<Integer> present, int expected) {
        List<Integer> missing = new ArrayList<>();
        for (int id = 0; id < expected; id++) {
            if (!present.contains(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** {@code 3000–5999} or {@code 17, 245, 1003 and 40 more}. */
    static String ranges(List<Integer> ids) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < ids.size() && parts.size() < 4) {
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
                j++;
            }
            parts.add(j == i ? String.valueOf(ids.get(i)) : ids.get(i) + "–" + ids.get(j));
            i = j + 1;
        }
        String more = i < ids.size() ? " and " + (ids.size() - i) + " more" : "";
        return String.join(", ", parts) + more;
    }

    private static String shortSeq(String sequenceNumber) {
        return sequenceNumber.length() > 12 ? "…" + sequenceNumber.substring(sequenceNumber.length() - 8) : sequenceNumber;
    }

    /** Reads the report; rows that are not feed events are counted and left out. */
    private static int parseReport(String csv, List<Row> rows) {
        int unreadable = 0;
        List<String> lines = csv.lines().skip(1).filter(line -> !line.isBlank()).toList();
        for (String line : lines) {
            String[] f = line.split(",", 4);
            Optional<Event> event = f.length == 4 ? Event.tryParse(f[3]) : Optional.empty();
            if (event.isEmpty()) {
                unreadable++;
            } else {
                rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip(), event.get()));
            }
        }
        return unreadable;
    }

    private static Optional<String> read(LabContext ctx, String key) {
        try {
            return Optional.of(ctx.s3().getObjectAsBytes(r -> r.bucket(KinesisStreamsLab.bucket(ctx)).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
