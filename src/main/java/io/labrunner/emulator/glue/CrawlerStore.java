package io.labrunner.emulator.glue;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crawlers by name, each written through to the state store with its definition and run state,
 * and loaded back when the emulator starts.
 */
final class CrawlerStore {
    private final Map<String, Crawler> crawlers = new TreeMap<>();
    private final StateMap<Crawler.Stored> stored;

    CrawlerStore(StateStore state) {
        this.stored = state.map("glue.crawlers", Crawler.Stored.class);
        for (Crawler.Stored s : stored.values()) {
            Crawler crawler = Crawler.restored(s);
            crawlers.put(crawler.name, crawler);
            save(crawler);
        }
    }

    synchronized boolean contains(String name) {
        return crawlers.containsKey(name);
    }

    /** The crawler of that name, or null. */
    synchronized Crawler get(String name) {
        return crawlers.get(name);
    }

    /** Every crawler, in name order, as a copy the caller may iterate without the lock. */
    synchronized List<Crawler> all() {
        return new ArrayList<>(crawlers.values());
    }

    synchronized void add(Crawler crawler) {
        crawlers.put(crawler.name, crawler);
        save(crawler);
    }

    /** Writes the crawler's definition and run state through to the state store. */
    void save(Crawler crawler) {
        stored.put(crawler.name, crawler.stored());
    }

    synchronized void remove(String name) {
        crawlers.remove(name);
        stored.remove(name);
    }
}
