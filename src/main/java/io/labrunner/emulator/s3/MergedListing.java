package io.labrunner.emulator.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One ListObjectsV2 page cut from every object of a bucket, the way S3 pages: keys in UTF-8 binary order,
 * only those starting with the prefix and after start-after or the continuation token, keys holding the
 * delimiter after the prefix rolled up into common prefixes, at most max-keys keys and prefixes together.
 * The continuation token is the last key or common prefix returned, as S3Proxy's own listing uses it.
 */
final class MergedListing {
    /** S3 lists keys in UTF-8 byte order, which is code point order (String's own order is UTF-16's). */
    static final Comparator<String> UTF8_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
    private static final int DEFAULT_MAX_KEYS = 1000;

    private MergedListing() {
    }

    /** The page {@code request} asks for, out of {@code objects} (any order, every object of the bucket). */
    static ListObjectsV2Response page(ListObjectsV2Request request, List<S3Object> objects) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        String start = request.continuationToken() != null ? request.continuationToken() : request.startAfter();
        int maxKeys = request.maxKeys() == null ? DEFAULT_MAX_KEYS : request.maxKeys();
        List<S3Object> sorted = objects.stream().filter(o -> o.key().startsWith(prefix))
                .sorted(Comparator.comparing(S3Object::key, UTF8_ORDER)).toList();

        List<S3Object> contents = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (S3Object object : sorted) {
            String key = object.key();
            if (start != null && UTF8_ORDER.compare(key, start) <= 0) {
                continue;
            }
            String rolledUp = commonPrefix(key, prefix, delimiter);
            if (rolledUp != null && (rolledUp.equals(last) || skipped(rolledUp, start))) {
                continue;
            }
            if (contents.size() + prefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            if (rolledUp == null) {
                contents.add(object);
                last = key;
            } else {
                prefixes.add(CommonPrefix.builder().prefix(rolledUp).build());
                last = rolledUp;
            }
        }
        return ListObjectsV2Response.builder().name(request.bucket()).prefix(request.prefix())
                .delimiter(request.delimiter()).maxKeys(maxKeys).startAfter(request.startAfter())
                .continuationToken(request.continuationToken()).encodingType(request.encodingType())
                .contents(contents).commonPrefixes(prefixes).keyCount(contents.size() + prefixes.size())
                .isTruncated(truncated).nextContinuationToken(truncated ? last : null).build();
    }

    /** The common prefix {@code key} rolls up into, or null when it is listed as itself. */
    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    /**
     * True when a common prefix was already returned on an earlier page: it is at or before the start, unless
     * the start is a key inside it (start-after "dir/a" still lists "dir/" when "dir/b" exists).
     */
    private static boolean skipped(String commonPrefix, String start) {
        if (start == null || UTF8_ORDER.compare(commonPrefix, start) > 0) {
            return false;
        }
        return commonPrefix.equals(start) || !start.startsWith(commonPrefix);
    }
}
