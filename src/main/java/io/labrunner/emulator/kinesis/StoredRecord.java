package io.labrunner.emulator.kinesis;

/**
 * One record as a shard keeps it.
 *
 * @param sequenceNumber the record's sequence number, unique and increasing within its shard
 * @param position       the record's position in its shard, 1 for the first
 * @param arrivalMillis  when the record arrived (ApproximateArrivalTimestamp)
 * @param partitionKey   the producer's partition key
 * @param data           the payload
 */
public record StoredRecord(String sequenceNumber, long position, long arrivalMillis, String partitionKey, byte[] data) {

    /** What a record counts against throughput and size limits: its data plus its partition key. */
    public static int sizeOf(String partitionKey, byte[] data) {
        return data.length + partitionKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public int size() {
        return sizeOf(partitionKey, data);
    }
}
