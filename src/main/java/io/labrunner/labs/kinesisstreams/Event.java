package io.labrunner.labs.kinesisstreams;

/**
 * One event of the feed: a device's reading, numbered globally ({@code id}) and per device
 * ({@code deviceSeq}), so a consumer can tell a lost, duplicated or reordered event.
 *
 * @param id        0, 1, 2... across the whole feed
 * @param device    the partition key: every event of a device goes to the same shard
 * @param deviceSeq 0, 1, 2... per device, in the order the device produced them
 */
record Event(int id, String device, int deviceSeq) {

    /** 2 KB of samples per event, so the feed also meets the shards' 1 MiB/s write limit, not only 1,000 records/s. */
    private static final String WAVEFORM = "0123456789abcdef".repeat(128);

    /** The record's data: a CSV line, {@code id,device,deviceSeq,waveform}. */
    String toLine() {
        return id + "," + device + "," + deviceSeq + "," + WAVEFORM;
    }

    /** The event's identity without its samples, for reports. */
    String toKey() {
        return id + "," + device + "," + deviceSeq;
    }

    static Event parse(String line) {
        String[] f = line.split(",");
        return new Event(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]));
    }

    /**
     * The event a record's data holds, or empty when it is not one: a stream may carry other
     * records (the one the guide sends by hand), and a consumer skips what it does not understand.
     */
    static java.util.Optional<Event> tryParse(String line) {
        String[] f = line.split(",", 4);
        if (f.length < 3 || !f[0].matches("\\d{1,9}") || !f[2].matches("\\d{1,9}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Event(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2])));
    }
}
