package io.labrunner.emulator.glue;

import java.time.Duration;

/**
 * How long a crawl pretends to take around its real work: {@code running} before the crawl reads
 * anything, {@code stopping} in STOPPING before the crawler is READY again. Real Glue takes a minute
 * or more; a few hundred milliseconds is enough for code that forgets to wait to fail here too.
 */
public record CrawlerTimings(Duration running, Duration stopping) {
    /** The emulator's default: 400 ms running, 200 ms stopping. */
    public static final CrawlerTimings DEFAULT = new CrawlerTimings(Duration.ofMillis(400), Duration.ofMillis(200));
}
