package io.labrunner.emulator.firehose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery streams of every region, in memory. Not thread-safe by itself: every caller holds
 * this object's lock, the one lock of the service, so that a request, the background deliverer and
 * the write-through to {@link FirehoseStore} never see a stream half-changed.
 */
final class DeliveryStreams {
    /** Region → name → stream. */
    private final Map<String, Map<String, DeliveryStream>> regions = new HashMap<>();
    /** Streams whose last delivery failed, so a failing destination is logged once, not every tick. */
    private final Set<DeliveryStream> failing = ConcurrentHashMap.newKeySet();

    /** The region's streams by name, created empty on first use. */
    Map<String, DeliveryStream> inRegion(String region) {
        return regions.computeIfAbsent(region, r -> new TreeMap<>());
    }

    /** Every region's streams, as region → name → stream (live, for iteration under the lock). */
    Map<String, Map<String, DeliveryStream>> byRegion() {
        return regions;
    }

    Set<DeliveryStream> failing() {
        return failing;
    }

    /** Applies due status changes to the region's streams and drops those whose deletion is due. */
    void settle(Map<String, DeliveryStream> streams, long now) {
        streams.values().removeIf(s -> {
            boolean gone = s.deletionDue(now);
            if (gone) {
                failing.remove(s);
            }
            return gone;
        });
        streams.values().forEach(s -> s.settle(now));
    }

    /** Keys written for a stream, oldest first. */
    List<String> deliveredKeys(String region, String streamName) {
        DeliveryStream s = inRegion(region).get(streamName);
        return s == null ? List.of() : List.copyOf(s.deliveredKeys());
    }
}
