package io.labrunner.labs.firehosevsstreams;

/**
 * One event of the feed, as a JSON line of about 1 KB. The trailing newline is the
 * producer's job: Firehose concatenates records exactly as sent, so without it S3 objects would
 * hold one unreadable line.
 *
 * @param id       0, 1, 2... across the feed
 * @param device   partition key for the data stream
 * @param sentAtMs when the producer sent it, to measure how long each path took
 */
record FeedEvent(int id, String device, long sentAtMs) {
    private static final String PADDING = "x".repeat(1000);

    String toJsonLine() {
        return "{\"id\":" + id + ",\"device\":\"" + device + "\",\"sent_at_ms\":" + sentAtMs
                + ",\"payload\":\"" + PADDING + "\"}\n";
    }

    /** Reads back what {@link #toJsonLine()} wrote (the lab's own format, so no JSON library is needed). */
    static FeedEvent parse(String line) {
        return new FeedEvent(intField(line, "\"id\":"), stringField(line, "\"device\":\""),
                longField(line, "\"sent_at_ms\":"));
    }

    private static int intField(String line, String name) {
        return (int) longField(line, name);
    }

    private static long longField(String line, String name) {
        int start = line.indexOf(name) + name.length();
        int end = start;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        return Long.parseLong(line.substring(start, end));
    }

    private static String stringField(String line, String name) {
        int start = line.indexOf(name) + name.length();
        return line.substring(start, line.indexOf('"', start));
    }
}
