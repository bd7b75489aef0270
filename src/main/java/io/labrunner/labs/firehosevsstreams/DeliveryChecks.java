package io.labrunner.labs.firehosevsstreams;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The lab's checks. They read the bucket and the stream themselves, not through the solution's
 * classes, and judge latency from what the services recorded — the stream's
 * ApproximateArrivalTimestamp and the objects' LastModified — holding the learner's own
 * measurement against it. One instance serves one round of checks and reads each service once.
 */
final class DeliveryChecks {
    /** Firehose names objects {@code <prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>}; the time is the oldest record's arrival. */
    private static final Pattern OLDEST = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2})-[0-9a-f-]{36}(\\.gz)?$");
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    /** An event as the feed writes it; found wherever it is in an object, newline or not. */
    private static final Pattern EVENT = Pattern.compile("\\{\"id\":(\\d+),\"device\":\"([^\"]*)\",\"sent_at_ms\":(\\d+)");
    /**
     * How much later than its interval an object may land. The interval is a hint too, and AWS promises no
     * delivery deadline; a minute past it is still near real time, where a stream is milliseconds.
     */
    private static final int SLACK_SECONDS = 60;
    private static final long MIB = 1024L * 1024;
    /** The most one PutRecordBatch call carries (500 records, 4 MiB in all): what an object may hold past its size hint. */
    private static final long ONE_BATCH = 4 * MIB;
    private static final String SOLUTION = "FirehoseVsStreamsLab.java (src/main/java/io/labrunner/labs/firehosevsstreams/)";

    private final IdentityHashMap<LabContext, Seen> seen = new IdentityHashMap<>();

    /** One object under events/: its size, when S3 got it, the event ids in it, and whether records ran together. */
    record Delivered(String key, long size, Instant lastModified, List<Integer> ids, boolean runTogether) {
    }

    /** What one round of checks saw: the objects, and each event id's first arrival in the data stream. */
    private record Seen(List<Delivered> objects, Map<Integer, Instant> arrivedInStream) {
    }

    private Seen seen(LabContext ctx) throws InterruptedException {
        Seen s = seen.get(ctx);
        if (s == null) {
            s = new Seen(delivered(ctx.s3(), FirehoseVsStreamsLab.bucket(ctx)),
                    streamArrivals(ctx.kinesis(), FirehoseVsStreamsLab.stream(ctx)));
            seen.put(ctx, s);
        }
        return s;
    }

    CheckResult everyEventLanded(LabContext ctx) throws Exception {
        List<Delivered> objects = seen(ctx).objects();
        int expected = FirehoseVsStreamsLab.EVENTS;
        if (objects.isEmpty()) {
            return CheckResult.fail("no objects under s3://$BUCKET/" + FirehoseVsStreamsLab.PREFIX_ROOT,
                    "Firehose has delivered nothing: did the events go to $DELIVERY_STREAM (PutRecordBatch), not only to the data stream?",
                    "Firehose writes an object when " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB is buffered or "
                            + FirehoseVsStreamsLab.BUFFER_SECONDS + " s after the oldest buffered record; nothing shows before.",
                    "Send the 3,000 events in PutRecordBatch calls of 500 to $DELIVERY_STREAM (putIntoFirehose in " + SOLUTION + ").");
        }
        long joined = objects.stream().filter(Delivered::runTogether).count();
        if (joined > 0) {
            return CheckResult.fail(joined + " of " + objects.size() + " objects hold records run together on one line (…}{\"id\":…)",
                    "Your records reach S3 without a newline between them: one unreadable line per object.",
                    "Firehose concatenates records exactly as sent; it adds no delimiter.",
                    "End each record's data with \\n (FeedEvent.toJsonLine) so the objects are JSON Lines.");
        }
        Map<Integer, Integer> times = new HashMap<>();
        objects.forEach(o -> o.ids().forEach(id -> times.merge(id, 1, Integer::sum)));
        String seenText = String.format("%,d of %,d events in %d objects", times.size(), expected, objects.size());
        List<Integer> missing = new ArrayList<>();
        for (int id = 0; id < expected; id++) {
            if (!times.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            int newest = times.keySet().stream().max(Integer::compare).orElse(-1);
            if (missing.get(0) > newest) {
                return CheckResult.fail(seenText + "; the last " + missing.size() + " (from event " + missing.get(0) + ") are not in S3",
                        "The end of the feed is not in S3 yet: Firehose writes what is left in its buffer "
                                + FirehoseVsStreamsLab.BUFFER_SECONDS + " s after the oldest record of it arrived. Check again.",
                        "If they are still missing, they never reached Firehose: the feed stopped early.",
                        "Send all 3,000 events (ids 0–2,999) to $DELIVERY_STREAM.");
            }
            return CheckResult.fail(seenText + "; missing here and there, e.g. event " + missing.get(0),
                    "Events are missing across the feed: PutRecordBatch refused them and they were not sent again.",
                    "PutRecordBatch answers 200 even when records fail: FailedPutCount says how many, and each failed"
                            + " entry of RequestResponses carries an ErrorCode instead of a RecordId.",
                    "Resend the records whose response has an ErrorCode until none is left (putIntoFirehose in " + SOLUTION + ").");
        }
        long twice = times.values().stream().filter(n -> n > 1).count();
        if (twice > 0) {
            return CheckResult.fail(seenText + ", " + twice + " of them more than once",
                    twice >= expected / 2 ? "Most of the feed is in S3 twice: it was sent to Firehose twice."
                            : "Some events are in S3 twice: records that Firehose had accepted were sent again.",
                    "Only records whose response has an ErrorCode were refused; the others are in Firehose's buffer"
                            + " and will land. (Firehose itself delivers at least once, so rare duplicates can happen on AWS.)",
                    "Resend only records with an ErrorCode; start over with ./lab cleanup and ./lab start to get a clean bucket.");
        }
        long slowest = 0;
        for (Delivered o : objects) {
            Matcher m = OLDEST.matcher(o.key());
            if (!m.find()) {
                return CheckResult.fail(o.key() + " is not named as Firehose names objects",
                        "Something other than Firehose wrote under " + FirehoseVsStreamsLab.PREFIX_ROOT + ".",
                        "Leave events/ to Firehose; write your own files elsewhere (the report goes under report/).");
            }
            long oldest = LocalDateTime.parse(m.group(1), KEY_TIME).toInstant(ZoneOffset.UTC).getEpochSecond();
            slowest = Math.max(slowest, o.lastModified().getEpochSecond() - oldest);
        }
        long allowed = FirehoseVsStreamsLab.BUFFER_SECONDS + SLACK_SECONDS;
        if (slowest > allowed) {
            return CheckResult.fail(seenText + "; an object was written " + slowest + " s after its oldest record",
                    "Firehose should deliver soon after its " + FirehoseVsStreamsLab.BUFFER_SECONDS + " s buffer interval;"
                            + " look at the delivery stream's BufferingHints.",
                    "aws $ENDPOINT firehose describe-delivery-stream --delivery-stream-name $DELIVERY_STREAM shows"
                            + " IntervalInSeconds; the lab creates it with " + FirehoseVsStreamsLab.BUFFER_SECONDS + ".");
        }
        return CheckResult.pass(seenText + "; each written at most " + slowest + " s after its oldest record (interval "
                + FirehoseVsStreamsLab.BUFFER_SECONDS + " s)");
    }

    /**
     * AWS calls SizeInMBs and IntervalInSeconds hints that Firehose "might choose to use different values" for
     * (API reference, BufferingHints), and delivers when the first of them is met: the object holds what was
     * buffered then, the records of the call that crossed the size included. So an object may be larger than the
     * size hint, by up to one PutRecordBatch (4 MiB at most); this judges that much, and the hints themselves.
     */
    CheckResult objectsFollowHints(LabContext ctx) throws Exception {
        List<Delivered> objects = seen(ctx).objects();
        long limit = FirehoseVsStreamsLab.BUFFER_MIB * MIB;
        long total = objects.stream().mapToLong(Delivered::size).sum();
        long largest = objects.stream().mapToLong(Delivered::size).max().orElse(0);
        String seenText = String.format("%d objects, %,d bytes in all, largest %,d bytes", objects.size(), total, largest);
        Optional<String> changed = changedHints(ctx);
        if (changed.isPresent()) {
            return CheckResult.fail("the delivery stream buffers " + changed.get() + ", not the lab's "
                            + FirehoseVsStreamsLab.BUFFER_MIB + " MiB / " + FirehoseVsStreamsLab.BUFFER_SECONDS + " s",
                    "The delivery stream's buffering hints were changed, so its objects cannot follow the lab's.",
                    "aws $ENDPOINT firehose describe-delivery-stream --delivery-stream-name $DELIVERY_STREAM shows"
                            + " SizeInMBs and IntervalInSeconds.",
                    "Start over with ./lab cleanup and ./lab start, which create it with "
                            + FirehoseVsStreamsLab.BUFFER_MIB + " MiB and " + FirehoseVsStreamsLab.BUFFER_SECONDS + " s.");
        }
        if (objects.isEmpty()) {
            return CheckResult.fail("no objects under s3://$BUCKET/" + FirehoseVsStreamsLab.PREFIX_ROOT,
                    "Firehose has delivered nothing yet: send the feed to $DELIVERY_STREAM.");
        }
        if (largest > limit + ONE_BATCH) {
            return CheckResult.fail(seenText + ", more than the " + FirehoseVsStreamsLab.BUFFER_MIB
                            + " MiB size hint and one PutRecordBatch (4 MiB) together",
                    "No Firehose buffer grows that far past its size hint: did something other than Firehose write"
                            + " under " + FirehoseVsStreamsLab.PREFIX_ROOT + "?",
                    "Leave events/ to Firehose; write your own files elsewhere (the report goes under report/).");
        }
        if (total <= limit) {
            return CheckResult.fail(seenText + ": less than " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB in all, so no object"
                            + " could be cut by size",
                    "Only part of the feed reached Firehose: 3,000 events of about 1 KB are about 3 MB.",
                    "Send all 3,000 events to $DELIVERY_STREAM.");
        }
        if (largest < 0.9 * limit) {
            return CheckResult.fail(seenText + ": every object was cut by the " + FirehoseVsStreamsLab.BUFFER_SECONDS
                            + " s interval, none by the " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB size",
                    "The events trickled in: less than " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB arrived within any "
                            + FirehoseVsStreamsLab.BUFFER_SECONDS + " s.",
                    "Firehose cuts an object at whichever hint is met first. One record per call, or pauses between"
                            + " calls, keep the buffer under the size hint until the interval ends.",
                    "Send PutRecordBatch calls of 500 records (about 0.5 MB) back to back.");
        }
        return CheckResult.pass(seenText + ": cut when the " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB size hint was"
                + " reached (an object takes the whole call that reached it), the rest after "
                + FirehoseVsStreamsLab.BUFFER_SECONDS + " s");
    }

    /** The delivery stream's hints when they are not the lab's, e.g. {@code 5 MiB / 300 s}; empty when they are. */
    private static Optional<String> changedHints(LabContext ctx) {
        var destinations = ctx.firehose().describeDeliveryStream(r -> r.deliveryStreamName(
                FirehoseVsStreamsLab.deliveryStream(ctx))).deliveryStreamDescription().destinations();
        if (destinations.isEmpty() || destinations.get(0).extendedS3DestinationDescription() == null) {
            return Optional.empty();
        }
        var hints = destinations.get(0).extendedS3DestinationDescription().bufferingHints();
        if (hints == null || (Integer.valueOf(FirehoseVsStreamsLab.BUFFER_MIB).equals(hints.sizeInMBs())
                && Integer.valueOf(FirehoseVsStreamsLab.BUFFER_SECONDS).equals(hints.intervalInSeconds()))) {
            return Optional.empty();
        }
        return Optional.of(hints.sizeInMBs() + " MiB / " + hints.intervalInSeconds() + " s");
    }

    CheckResult streamReplays(LabContext ctx) throws Exception {
        Map<Integer, Instant> arrived = seen(ctx).arrivedInStream();
        int expected = FirehoseVsStreamsLab.EVENTS;
        String seenText = String.format("a fresh TRIM_HORIZON read of $STREAM returned %,d of %,d events", arrived.size(), expected);
        if (arrived.isEmpty()) {
            return CheckResult.fail(seenText, "None of the feed is in the data stream: the events went to Firehose only?",
                    "Every event goes into both: PutRecords to $STREAM and PutRecordBatch to $DELIVERY_STREAM.",
                    "putIntoStream in " + SOLUTION + " sends a batch of 500 with PutRecords, resending refused entries.");
        }
        if (arrived.size() < expected) {
            int first = 0;
            while (arrived.containsKey(first)) {
                first++;
            }
            return CheckResult.fail(seenText + "; e.g. event " + first + " is not in it",
                    "Some events never reached the data stream: PutRecords refused them (FailedRecordCount) and they were not resent.",
                    "A shard takes 1 MiB/s and 1,000 records/s; above that PutRecords refuses entries one by one and still answers 200.",
                    "Resend the entries whose result carries an ErrorCode, with a short backoff (putIntoStream in " + SOLUTION + ").");
        }
        return CheckResult.pass(seenText + " again, after they had been consumed; Firehose offers no such read");
    }

    CheckResult streamWasFaster(LabContext ctx) throws Exception {
        Seen s = seen(ctx);
        // S3 keeps LastModified in whole seconds: an object was written between LastModified and a second later.
        List<Long> earliest = new ArrayList<>();
        List<Long> latest = new ArrayList<>();
        for (Delivered o : s.objects()) {
            for (int id : o.ids()) {
                Instant inStream = s.arrivedInStream().get(id);
                if (inStream != null) {
                    long lag = o.lastModified().toEpochMilli() - inStream.toEpochMilli();
                    earliest.add(Math.max(0, lag));
                    latest.add(lag + 999);
                }
            }
        }
        if (earliest.isEmpty()) {
            return CheckResult.fail("no event is both in the stream and in S3: nothing to compare",
                    "Send the feed into both the data stream and Firehose first (step 4).");
        }
        earliest.sort(null);
        latest.sort(null);
        long medianLow = earliest.get(earliest.size() / 2);
        long medianHigh = latest.get(latest.size() / 2);
        long slowest = latest.get(latest.size() - 1);
        String service = String.format("S3's own times (object LastModified, in whole seconds, against each record's"
                + " ApproximateArrivalTimestamp in the stream) put a median event in S3 %,d–%,d ms and the slowest"
                + " %,d ms after the stream had it; the stream has a record the moment it arrives", medianLow, medianHigh, slowest);
        Properties report = new Properties();
        try {
            report.load(new StringReader(ctx.s3().getObjectAsBytes(r -> r.bucket(FirehoseVsStreamsLab.bucket(ctx))
                    .key(FirehoseVsStreamsLab.REPORT_KEY)).asUtf8String()));
        } catch (NoSuchKeyException | IOException e) {
            return CheckResult.fail(service + "; no measurement of yours at s3://$BUCKET/" + FirehoseVsStreamsLab.REPORT_KEY,
                    "Write what you measured to s3://$BUCKET/" + FirehoseVsStreamsLab.REPORT_KEY + " (step 6).",
                    "Two lines: streamP50Ms=<median ms from send to your consumer> and firehoseP50Ms=<median ms from send"
                            + " to the object in S3>.",
                    "aws $ENDPOINT s3 cp latency.properties s3://$BUCKET/" + FirehoseVsStreamsLab.REPORT_KEY);
        }
        Optional<Long> stream = number(report, "streamP50Ms");
        Optional<Long> firehose = number(report, "firehoseP50Ms");
        if (stream.isEmpty() || firehose.isEmpty()) {
            return CheckResult.fail(service + "; your report lacks streamP50Ms or firehoseP50Ms (whole milliseconds)",
                    "Your report needs both medians as whole numbers of milliseconds: streamP50Ms=… and firehoseP50Ms=….");
        }
        String yours = String.format("; you measured %,d ms for the stream and %,d ms for Firehose", stream.get(), firehose.get());
        if (stream.get() >= firehose.get()) {
            return CheckResult.fail(service + yours,
                    "Your measurement has the stream no faster than Firehose, while the services show Firehose seconds behind.",
                    "Time the stream from the put to when your consumer's GetRecords returned the record; time Firehose"
                            + " from the put to when the object holding the event first appeared in S3.",
                    "Poll GetRecords right after each batch and ListObjectsV2 every 200 ms, noting when each id first shows up ("
                            + SOLUTION + ").");
        }
        // A poll sees an object a little after it is written, and a consumer a record a little after its arrival.
        long low = medianLow - 1000;
        long high = slowest + 3000;
        if (firehose.get() < low || firehose.get() > high) {
            return CheckResult.fail(service + yours + ", which S3's own times do not bear out",
                    firehose.get() < low
                            ? "Your Firehose number is far below what S3 shows: did you time the PutRecordBatch call instead of the delivery?"
                            : "Your Firehose number is far above what S3 shows: did you time from the start of the feed, not from each event's send?",
                    "A PutRecordBatch call returns once Firehose has buffered the records; the object appears when the buffer is cut.",
                    "For each event, subtract its send time from when the object holding it first appeared in a ListObjectsV2 poll.");
        }
        return CheckResult.pass(service + yours + " (" + firehose.get() / Math.max(1, stream.get()) + "× slower)");
    }

    private static Optional<Long> number(Properties report, String key) {
        try {
            return Optional.of(Long.parseLong(report.getProperty(key, "").strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every object under events/, with the events found in it. */
    private static List<Delivered> delivered(S3Client s3, String bucket) {
        List<Delivered> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(FirehoseVsStreamsLab.PREFIX_ROOT)).contents().forEach(o -> {
            String body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(o.key())).asUtf8String();
            List<Integer> ids = new ArrayList<>();
            Matcher m = EVENT.matcher(body);
            while (m.find()) {
                ids.add(Integer.parseInt(m.group(1)));
            }
            objects.add(new Delivered(o.key(), o.size(), o.lastModified(), ids, body.contains("}{")));
        });
        return objects;
    }

    /** Each event id's first ApproximateArrivalTimestamp in the stream, every shard read from TRIM_HORIZON to its tip. */
    private static Map<Integer, Instant> streamArrivals(KinesisClient kinesis, String stream) throws InterruptedException {
        Map<Integer, Instant> arrived = new HashMap<>();
        for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                GetRecordsResponse page = getRecords(kinesis, iterator);
                for (Record r : page.records()) {
                    Matcher m = EVENT.matcher(r.data().asUtf8String());
                    if (m.find()) {
                        arrived.putIfAbsent(Integer.parseInt(m.group(1)), r.approximateArrivalTimestamp());
                    }
                }
                iterator = page.nextShardIterator();
                if (page.records().isEmpty() && Long.valueOf(0).equals(page.millisBehindLatest())) {
                    break;
                }
            }
        }
        return arrived;
    }

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
}
