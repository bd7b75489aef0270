package io.labrunner.emulator.s3;

import io.labrunner.emulator.FormCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * S3's tag sets: the {@code <Tagging>} document of the tagging operations, the {@code x-amz-tagging} header of
 * the writes, and their rules — for an object at most 10 tags, for a bucket 50, keys unique, a key of 1 to 128
 * characters and a value of up to 256 (counted in UTF-16 units, as S3 says it counts), letters, digits, spaces and
 * {@code _ . : / = + - @} only, no {@code aws:} prefix (the S3 user guide's "Categorizing your storage using tags"
 * and "Tagging restrictions"; codes and messages as S3 answers them).
 */
final class TagSets {
    static final int MAX_OBJECT_TAGS = 10;
    static final int MAX_BUCKET_TAGS = 50;
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagSets() {
    }

    /** The tags of a {@code <Tagging>} document, validated for an object or a bucket. */
    static Map<String, String> fromXml(byte[] body, boolean forObject) {
        Element root = SmallXml.parse(body);
        List<Element> sets = SmallXml.children(root, "TagSet");
        if (!"Tagging".equals(root.getLocalName()) || sets.size() != 1) {
            throw S3Errors.malformedXml();
        }
        return fromTagElements(SmallXml.children(sets.get(0), "Tag"), forObject);
    }

    /** The tags of {@code <Tag>} elements (a TagSet's, or CreateBucketConfiguration's Tags), validated. */
    static Map<String, String> fromTagElements(List<Element> tags, boolean forObject) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (Element tag : tags) {
            String key = SmallXml.text(tag, "Key");
            String value = SmallXml.text(tag, "Value");
            if (key == null || value == null) {
                throw S3Errors.malformedXml();
            }
            if (parsed.put(key, value) != null) {
                throw invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        return validated(parsed, forObject);
    }

    /** The object tags of an {@code x-amz-tagging} header: URL query parameters, {@code k1=v1&k2=v2}. */
    static Map<String, String> fromHeader(String header) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (header.isEmpty()) {
            return parsed;
        }
        for (String pair : header.split("&", -1)) {
            String[] parts = pair.split("=", -1);
            if (parts.length > 2) {
                throw badHeader();
            }
            String key = decode(parts[0]);
            if (parsed.put(key, parts.length == 2 ? decode(parts[1]) : "") != null) {
                throw badHeader();
            }
        }
        return validated(parsed, true);
    }

    /** Checks tags against S3's rules; the count first, as S3 does. */
    static Map<String, String> validated(Map<String, String> tags, boolean forObject) {
        if (forObject && tags.size() > MAX_OBJECT_TAGS) {
            throw S3Errors.of(400, "BadRequest", "Object tags cannot be greater than " + MAX_OBJECT_TAGS);
        }
        if (!forObject && tags.size() > MAX_BUCKET_TAGS) {
            throw invalidTag("Bucket tag count cannot be greater than " + MAX_BUCKET_TAGS);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue();
            if (key.length() > MAX_KEY) {
                throw invalidTag("The TagKey you have provided is too long, max " + MAX_KEY);
            }
            if (value.length() > MAX_VALUE) {
                throw invalidTag("The TagValue you have provided is too long, max " + MAX_VALUE);
            }
            if (key.isEmpty() || !ALLOWED.matcher(key).matches()) {
                throw invalidTag("The TagKey you have provided is invalid");
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw invalidTag("The TagValue you have provided is invalid");
            }
            if (key.startsWith("aws:")) {
                throw invalidTag("Your TagKey cannot be prefixed with aws:");
            }
        }
        return tags;
    }

    /** The {@code <Tagging>} document of a Get*Tagging answer. */
    static String xml(Map<String, String> tags) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Tagging xmlns=\"")
                .append(SmallXml.NAMESPACE).append("\"><TagSet>");
        tags.forEach((key, value) -> xml.append("<Tag><Key>").append(SmallXml.escape(key)).append("</Key><Value>")
                .append(SmallXml.escape(value)).append("</Value></Tag>"));
        return xml.append("</TagSet></Tagging>").toString();
    }

    private static String decode(String text) {
        return FormCodec.decodeForm(text);
    }

    static RuntimeException invalidTag(String message) {
        return S3Errors.of(400, "InvalidTag", message);
    }

    private static RuntimeException badHeader() {
        return S3Errors.invalidArgument("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL "
                + "query parameters without tag name duplicates.");
    }
}
