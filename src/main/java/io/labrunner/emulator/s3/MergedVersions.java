package io.labrunner.emulator.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * One ListObjectVersions page cut from the versions of both stores of a bucket (see {@link EscapingBlobStore}),
 * the way S3 pages them: keys in UTF-8 order and each key's versions newest first, only keys after key-marker (or
 * the versions after version-id-marker of that key), keys holding the delimiter after the prefix rolled up into
 * common prefixes, at most max-keys entries and prefixes together.
 */
final class MergedVersions {
    private static final int DEFAULT_MAX_KEYS = 1000;

    /** A version or a delete marker. */
    record Entry(String key, String versionId, ObjectVersion version, DeleteMarkerEntry marker) {
        Entry withKey(String name) {
            return new Entry(name, versionId, version == null ? null : version.toBuilder().key(name).build(),
                    marker == null ? null : marker.toBuilder().key(name).build());
        }
    }

    private MergedVersions() {
    }

    /** A page's versions and markers, in the order S3 lists them (by key, newest first within a key). */
    static List<Entry> entries(ListObjectVersionsResponse page) {
        List<Entry> entries = new ArrayList<>();
        page.versions().forEach(v -> entries.add(new Entry(v.key(), v.versionId(), v, null)));
        page.deleteMarkers().forEach(m -> entries.add(new Entry(m.key(), m.versionId(), null, m)));
        entries.sort(Comparator.comparing(Entry::key, MergedListing.UTF8_ORDER).thenComparing(
                (a, b) -> lastModified(b).compareTo(lastModified(a))));
        return entries;
    }

    private static java.time.Instant lastModified(Entry entry) {
        java.time.Instant at = entry.version() != null ? entry.version().lastModified() : entry.marker().lastModified();
        return at == null ? java.time.Instant.EPOCH : at;
    }

    /** The page {@code request} asks for, out of every entry of both stores under its prefix. */
    static ListObjectVersionsResponse page(ListObjectVersionsRequest request, List<Entry> plain, List<Entry> escaped) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        int maxKeys = request.maxKeys() == null ? DEFAULT_MAX_KEYS : request.maxKeys();
        List<Entry> all = new ArrayList<>(plain);
        all.addAll(escaped);
        // Stable: each store's newest-first order within a key survives.
        all.sort(Comparator.comparing(Entry::key, MergedListing.UTF8_ORDER));
        List<Entry> listed = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        boolean truncated = false;
        boolean afterVersionMarker = request.versionIdMarker() == null;
        String keyMarker = request.keyMarker();
        String lastPrefix = null;
        Entry lastEntry = null;
        for (Entry entry : all) {
            if (keyMarker != null && !keyMarker.isEmpty()) {
                int order = MergedListing.UTF8_ORDER.compare(entry.key(), keyMarker);
                if (order < 0) {
                    continue;
                }
                if (order == 0 && !afterVersionMarker) {
                    afterVersionMarker = entry.versionId().equals(request.versionIdMarker());
                    continue;
                }
                if (order == 0 && request.versionIdMarker() == null) {
                    continue;
                }
            }
            String rolledUp = delimiter == null ? null : rollUp(entry.key(), prefix, delimiter);
            if (rolledUp != null && (rolledUp.equals(lastPrefix)
                    || (keyMarker != null && MergedListing.UTF8_ORDER.compare(rolledUp, keyMarker) <= 0
                    && (rolledUp.equals(keyMarker) || !keyMarker.startsWith(rolledUp))))) {
                continue;
            }
            if (listed.size() + prefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            if (rolledUp == null) {
                listed.add(entry);
                lastEntry = entry;
                lastPrefix = null;
            } else {
                prefixes.add(CommonPrefix.builder().prefix(rolledUp).build());
                lastPrefix = rolledUp;
                lastEntry = null;
            }
        }
        ListObjectVersionsResponse.Builder page = ListObjectVersionsResponse.builder().name(request.bucket())
                .prefix(request.prefix()).delimiter(request.delimiter()).maxKeys(maxKeys)
                .keyMarker(request.keyMarker()).versionIdMarker(request.versionIdMarker())
                .encodingType(request.encodingType())
                .versions(listed.stream().filter(e -> e.version() != null).map(Entry::version).toList())
                .deleteMarkers(listed.stream().filter(e -> e.marker() != null).map(Entry::marker).toList())
                .commonPrefixes(prefixes).isTruncated(truncated);
        if (truncated) {
            page.nextKeyMarker(lastEntry != null ? lastEntry.key() : lastPrefix)
                    .nextVersionIdMarker(lastEntry != null ? lastEntry.versionId() : null);
        }
        return page.build();
    }

    private static String rollUp(String key, String prefix, String delimiter) {
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }
}
