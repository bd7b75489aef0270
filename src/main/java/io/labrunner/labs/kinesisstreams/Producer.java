package io.labrunner.labs.kinesisstreams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A producer that loses nothing and keeps each device's order: PutRecords in batches where every
 * device appears at most once, and the failed entries of a batch (a shard over its 1,000 records/s
 * or 1 MiB/s) resent with exponential backoff before the next batch goes out.
 *
 * <p>Why one event per device per batch: PutRecords may accept entry 7 and refuse entry 3 of the same
 * batch. If both were from one device, resending 3 would put it after 7. With one entry per device,
 * a resend can never overtake a later event of the same device.
 */
final class Producer {
    private static final int MAX_ATTEMPTS = 20;

    private final KinesisClient kinesis;
    private final String stream;
    private int calls;
    private int throttledEntries;
    private long backoffMillis;

    Producer(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    /** Sends every event, in order per device. */
    void send(List<Event> events) throws InterruptedException {
        for (List<Event> batch : oneEventPerDevice(events)) {
            sendBatch(batch);
        }
    }

    private void sendBatch(List<Event> batch) throws InterruptedException {
        List<Event> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " records still refused after " + MAX_ATTEMPTS + " attempts");
            }
            List<PutRecordsRequestEntry> entries = pending.stream()
                    .map(e -> PutRecordsRequestEntry.builder()
                            .partitionKey(e.device())
                            .data(SdkBytes.fromUtf8String(e.toLine()))
                            .build())
                    .toList();
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(entries));
            calls++;
            if (response.failedRecordCount() == 0) {
                return;
            }
            // Results come back in request order; an entry with an error code was not written.
            List<Event> failed = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                if (result.errorCode() != null) {
                    failed.add(pending.get(i));
                }
            }
            throttledEntries += failed.size();
            pending = failed;
            backoff(attempt);
        }
    }

    /** 50 ms, 100 ms, 200 ms... capped at 1 s, with jitter so producers do not retry in lockstep. */
    private void backoff(int attempt) throws InterruptedException {
        long base = Math.min(1000, 50L << Math.min(attempt - 1, 5));
        long sleep = base / 2 + (long) (Math.random() * base / 2);
        backoffMillis += sleep;
        Thread.sleep(sleep);
    }

    /** Splits the feed into batches (at most 500, the PutRecords limit) holding each device at most once. */
    static List<List<Event>> oneEventPerDevice(List<Event> events) {
        List<List<Event>> batches = new ArrayList<>();
        Map<String, Integer> nextBatchOfDevice = new LinkedHashMap<>();
        for (Event e : events) {
            int index = nextBatchOfDevice.getOrDefault(e.device(), 0);
            while (index < batches.size() && batches.get(index).size() >= 500) {
                index++;
            }
            if (index == batches.size()) {
                batches.add(new ArrayList<>());
            }
            batches.get(index).add(e);
            nextBatchOfDevice.put(e.device(), index + 1);
        }
        return batches;
    }

    int calls() {
        return calls;
    }

    int throttledEntries() {
        return throttledEntries;
    }

    long backoffMillis() {
        return backoffMillis;
    }
}
