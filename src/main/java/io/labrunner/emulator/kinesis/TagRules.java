package io.labrunner.emulator.kinesis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Kinesis's rules for the characters of tag keys and values, which its API model does not state:
 * Unicode letters, digits, spaces and {@code _ . / = + - % @} (API reference, Tag), a tab or
 * {@code ;} refused, and {@code %} refused by a second check in other words (responses recorded
 * against Kinesis in kinesalite's tests). A colon is allowed although the list omits it: AWS's own
 * {@code aws:cloudformation:*} tags land on streams, and Firehose's pattern for the same wording has it.
 */
final class TagRules {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd} _.:/=+\\-%@]*");

    private TagRules() {
    }

    /** Checks a map's keys and values. */
    static void check(Map<String, String> tags, String stream) {
        List<String> all = new ArrayList<>(tags.keySet());
        all.addAll(tags.values());
        check(all, stream);
    }

    /** Checks tag keys or values. */
    static void check(Collection<String> texts, String stream) {
        for (String text : texts) {
            if (!ALLOWED.matcher(text).matches()) {
                throw KinesisErrors.invalidArgument("Some tags contain invalid characters. Valid characters: "
                        + "Unicode letters, digits, white space, _ . / = + - % @.");
            }
        }
        for (String text : texts) {
            if (text.indexOf('%') >= 0) {
                throw KinesisErrors.invalidArgument("Failed to add tags to stream " + stream + " under account "
                        + KinesisErrors.ACCOUNT + " because some tags contained illegal characters. The allowed "
                        + "characters are Unicode letters, white-spaces, '_',',','/','=','+','-','%','@'.");
            }
        }
    }
}
