package io.labrunner.emulator.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What one bucket keeps outside its plain folder, and the plain writes in flight: the keys held in the
 * escaped store, and the keys being written as files (puts and multipart uploads not yet completed), so
 * that two writes whose files would clash ({@code dir} and {@code dir/obj}) are never both sent to the
 * plain folder. Guarded by its own monitor for everything that decides where a key goes.
 */
final class EscapedBucket {
    /** Keys (not their escaped names) held in the escaped store; read without the lock. */
    private final NavigableSet<String> escapedKeys = new ConcurrentSkipListSet<>(MergedListing.UTF8_ORDER);
    /** Keys being written into the plain folder, once per write in flight. */
    private final List<String> plainWrites = new ArrayList<>();

    EscapedBucket(Iterable<String> escaped, Iterable<String> uploadsInProgress) {
        escaped.forEach(escapedKeys::add);
        uploadsInProgress.forEach(plainWrites::add);
    }

    boolean isEscaped(String key) {
        return escapedKeys.contains(key);
    }

    boolean hasEscapedKeys() {
        return !escapedKeys.isEmpty();
    }

    synchronized void escaped(String key) {
        escapedKeys.add(key);
    }

    synchronized void removed(String key) {
        escapedKeys.remove(key);
    }

    synchronized void writingPlain(String key) {
        plainWrites.add(key);
    }

    synchronized void wrotePlain(String key) {
        plainWrites.remove(key);
    }

    /** True when a plain write in flight needs a file where {@code key} needs a folder, or the reverse. */
    synchronized boolean clashesWithPlainWrite(String key) {
        for (String other : plainWrites) {
            if (clash(key, other)) {
                return true;
            }
        }
        return false;
    }

    private static boolean clash(String a, String b) {
        boolean aFolder = a.endsWith("/");
        boolean bFolder = b.endsWith("/");
        String aPath = aFolder ? a.substring(0, a.length() - 1) : a;
        String bPath = bFolder ? b.substring(0, b.length() - 1) : b;
        if (aPath.equals(bPath)) {
            return aFolder != bFolder;
        }
        return aPath.startsWith(bPath + "/") && !bFolder || bPath.startsWith(aPath + "/") && !aFolder;
    }
}
