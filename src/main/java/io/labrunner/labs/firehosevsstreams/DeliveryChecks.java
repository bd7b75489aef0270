package io.labrunner.labs.firehosevsstreams;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The lab's checks: each reads the bucket or the stream on the target. */
final class DeliveryChecks {
    /** Firehose names objects {@code <prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>}; the time is the oldest record's arrival. */
    private static final Pattern OLDEST = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2})-[0-9a-f-]{36}(\\.gz)?$");
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    /** Key times and LastModified are whole seconds, and the write itself takes a moment. */
    private static final int SLACK_SECONDS = 3;
    private static final long MIB = 1024L * 1024;

    private DeliveryChecks() {
    }

    static CheckResult everyEventLanded(LabContext ctx) {
        List<Deliveries.Delivered> objects = Deliveries.readAll(ctx.s3(), FirehoseVsStreamsLab.bucket(ctx));
        Map<Integer, Integer> times = new HashMap<>();
        objects.forEach(o -> o.events().forEach(e -> times.merge(e.id(), 1, Integer::sum)));
        long twice = times.values().stream().filter(n -> n > 1).count();
        String seen = times.size() + " of " + FirehoseVsStreamsLab.EVENTS + " events in " + objects.size() + " objects";
        if (times.size() < FirehoseVsStreamsLab.EVENTS || twice > 0) {
            return CheckResult.fail(seen + (twice > 0 ? ", " + twice + " more than once" : ""),
                    "Send every event with PutRecordBatch, resend only the records with an ErrorCode, and wait one"
                            + " buffer interval for the last object.");
        }
        long slowest = 0;
        for (Deliveries.Delivered o : objects) {
            Matcher m = OLDEST.matcher(o.key());
            if (!m.find()) {
                return CheckResult.fail(o.key() + " is not named as Firehose names objects", "Let Firehose write the bucket.");
            }
            long oldest = LocalDateTime.parse(m.group(1), KEY_TIME).toInstant(ZoneOffset.UTC).getEpochSecond();
            slowest = Math.max(slowest, o.lastModified().getEpochSecond() - oldest);
        }
        long allowed = FirehoseVsStreamsLab.BUFFER_SECONDS + SLACK_SECONDS;
        if (slowest > allowed) {
            return CheckResult.fail(seen + "; an object was written " + slowest + " s after its oldest record",
                    "Firehose should deliver within the " + FirehoseVsStreamsLab.BUFFER_SECONDS + " s buffer interval.");
        }
        return CheckResult.pass(seen + "; each written at most " + slowest + " s after its oldest record (interval "
                + FirehoseVsStreamsLab.BUFFER_SECONDS + " s)");
    }

    static CheckResult objectsFollowHints(LabContext ctx) {
        List<Deliveries.Delivered> objects = Deliveries.readAll(ctx.s3(), FirehoseVsStreamsLab.bucket(ctx));
        long limit = FirehoseVsStreamsLab.BUFFER_MIB * MIB;
        long total = objects.stream().mapToLong(Deliveries.Delivered::size).sum();
        long largest = objects.stream().mapToLong(Deliveries.Delivered::size).max().orElse(0);
        String seen = objects.size() + " objects, " + total + " bytes in all, largest " + largest + " bytes";
        if (objects.isEmpty()) {
            return CheckResult.fail("no objects under " + FirehoseVsStreamsLab.PREFIX_ROOT, "Send the feed into the Firehose stream.");
        }
        if (largest > limit) {
            return CheckResult.fail(seen, "An object is larger than the " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB size hint.");
        }
        if (total <= limit || largest < 0.9 * limit) {
            return CheckResult.fail(seen, "Send more than " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB within one buffer"
                    + " interval, so that Firehose cuts an object by size before the interval ends.");
        }
        return CheckResult.pass(seen + ": cut at the " + FirehoseVsStreamsLab.BUFFER_MIB + " MiB size hint, the rest after "
                + FirehoseVsStreamsLab.BUFFER_SECONDS + " s");
    }

    static CheckResult streamReplays(LabContext ctx) throws Exception {
        List<StreamTap.Received> replay = new StreamTap(ctx.kinesis(), FirehoseVsStreamsLab.stream(ctx)).readToEnd();
        long distinct = replay.stream().map(r -> r.event().id()).distinct().count();
        String seen = "a fresh TRIM_HORIZON read returned " + distinct + " of " + FirehoseVsStreamsLab.EVENTS + " events";
        if (distinct < FirehoseVsStreamsLab.EVENTS) {
            return CheckResult.fail(seen, "Put every event into the data stream too, resending throttled entries.");
        }
        return CheckResult.pass(seen + " again, after they had been consumed; Firehose offers no such read");
    }

    static CheckResult streamWasFaster(LabContext ctx) {
        Properties report = new Properties();
        try {
            report.load(new StringReader(ctx.s3().getObjectAsBytes(r -> r.bucket(FirehoseVsStreamsLab.bucket(ctx))
                    .key(FirehoseVsStreamsLab.REPORT_KEY)).asUtf8String()));
        } catch (NoSuchKeyException | IOException e) {
            return CheckResult.fail("no measurements at " + FirehoseVsStreamsLab.REPORT_KEY,
                    "Write the latencies you measured, as in the guide.");
        }
        long stream = Long.parseLong(report.getProperty("streamP50Ms", "-1"));
        long firehose = Long.parseLong(report.getProperty("firehoseP50Ms", "-1"));
        String seen = "median latency: stream consumer " + stream + " ms, S3 via Firehose " + firehose + " ms";
        if (stream < 0 || firehose < 0 || stream >= firehose) {
            return CheckResult.fail(seen, "Measure when the consumer received each event and when it appeared in S3.");
        }
        return CheckResult.pass(seen + " (" + firehose / Math.max(1, stream) + "× slower)");
    }
}
