package io.labrunner.emulator.firehose;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 object keys as Firehose writes them: {@code <evaluated prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>[.gz]}
 * (https://docs.aws.amazon.com/firehose/latest/dev/s3-object-name.html), with prefix expressions
 * {@code !{timestamp:<DateTimeFormatter pattern>}} and {@code !{firehose:random-string}}
 * (https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html). Timestamps are the oldest record's
 * arrival, in UTC.
 */
final class Prefixes {
    static final String DEFAULT_TIME_PREFIX = "yyyy/MM/dd/HH/";
    private static final Pattern EXPRESSION = Pattern.compile("!\\{([^:}]*):([^}]*)}");
    private static final DateTimeFormatter SUFFIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")
            .withZone(ZoneOffset.UTC);
    private static final String RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Prefixes() {
    }

    /** Checks a Prefix / ErrorOutputPrefix pair as CreateDeliveryStream does. */
    static void validate(String prefix, String errorOutputPrefix) {
        if (prefix != null) {
            checkExpressions(prefix, false);
        }
        if (errorOutputPrefix != null) {
            checkExpressions(errorOutputPrefix, true);
        }
        if (prefix != null && EXPRESSION.matcher(prefix).find() && errorOutputPrefix == null) {
            throw FirehoseErrors.invalidArgument(
                    "ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.");
        }
    }

    private static void checkExpressions(String prefix, boolean errorPrefix) {
        Matcher m = EXPRESSION.matcher(prefix);
        while (m.find()) {
            String namespace = m.group(1);
            String value = m.group(2);
            switch (namespace) {
                case "timestamp" -> {
                    try {
                        var unused = DateTimeFormatter.ofPattern(value); // parsed only to validate it
                    } catch (IllegalArgumentException e) {
                        throw FirehoseErrors.invalidArgument("The expression " + m.group()
                                + " is not a valid timestamp format.");
                    }
                }
                case "firehose" -> {
                    boolean known = value.equals("random-string") || (errorPrefix && value.equals("error-output-type"));
                    if (!known) {
                        throw FirehoseErrors.invalidArgument("The expression " + m.group() + " is not valid"
                                + (value.equals("error-output-type") ? " in Prefix; it is allowed only in ErrorOutputPrefix." : "."));
                    }
                }
                default -> throw FirehoseErrors.invalidArgument("The namespace '" + namespace
                        + "' in expression " + m.group() + " is not supported.");
            }
        }
    }

    /**
     * The key of an object holding records whose oldest arrived at {@code oldest}. Its extension follows the
     * destination: {@code .parquet} for Parquet conversion, {@code .gz} for GZIP, none otherwise
     * (https://docs.aws.amazon.com/firehose/latest/dev/s3-object-name.html).
     */
    static String objectKey(S3Destination destination, String streamName, int version, Instant oldest) {
        String extension = destination.converting() ? ".parquet" : destination.gzip() ? ".gz" : "";
        return evaluate(destination.prefix(), oldest, null) + suffix(streamName, version, oldest) + extension;
    }

    /**
     * The key of an error output object: the ErrorOutputPrefix evaluated with {@code errorType} (e.g.
     * {@code format-conversion-failed}) for {@code !{firehose:error-output-type}}. Without an ErrorOutputPrefix
     * Firehose uses {@code <Prefix><error-output-type>/yyyy/MM/dd/HH/}; a prefix without expressions is followed
     * by the error output type and the time prefix likewise. Error objects carry no extension.
     */
    static String errorKey(S3Destination destination, String streamName, int version, Instant oldest,
                           String errorType) {
        String errorPrefix = destination.errorOutputPrefix();
        String evaluated;
        if (errorPrefix != null && EXPRESSION.matcher(errorPrefix).find()) {
            evaluated = evaluate(errorPrefix, oldest, errorType);
        } else {
            String base = errorPrefix != null ? errorPrefix : destination.prefix() == null ? "" : destination.prefix();
            evaluated = base + errorType + "/" + format(DEFAULT_TIME_PREFIX, oldest);
        }
        return evaluated + suffix(streamName, version, oldest);
    }

    private static String suffix(String streamName, int version, Instant oldest) {
        return streamName + "-" + version + "-" + SUFFIX_TIME.format(oldest) + "-" + java.util.UUID.randomUUID();
    }

    /**
     * Evaluates a prefix, with {@code errorType} for {@code !{firehose:error-output-type}} in an error
     * prefix. Without a custom prefix Firehose uses {@code yyyy/MM/dd/HH/}; a custom prefix
     * without any expression is kept and followed by that time prefix, as Firehose did before custom
     * expressions existed and still does for plain prefixes.
     */
    private static String evaluate(String prefix, Instant at, String errorType) {
        if (prefix == null) {
            return format(DEFAULT_TIME_PREFIX, at);
        }
        Matcher m = EXPRESSION.matcher(prefix);
        if (!m.find()) {
            return prefix + format(DEFAULT_TIME_PREFIX, at);
        }
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1).equals("timestamp")) {
                replacement = format(m.group(2), at);
            } else if (m.group(2).equals("error-output-type") && errorType != null) {
                replacement = errorType;
            } else {
                replacement = randomString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(String pattern, Instant at) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(at);
    }

    private static String randomString() {
        StringBuilder s = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            s.append(RANDOM_CHARS.charAt(ThreadLocalRandom.current().nextInt(RANDOM_CHARS.length())));
        }
        return s.toString();
    }
}
