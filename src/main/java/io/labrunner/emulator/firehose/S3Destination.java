package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;

/**
 * An S3 or ExtendedS3 destination, as CreateDeliveryStream configures it
 * (https://docs.aws.amazon.com/firehose/latest/APIReference/API_ExtendedS3DestinationConfiguration.html).
 *
 * @param extended          configured as ExtendedS3DestinationConfiguration
 * @param roleArn           the role Firehose would assume (not enforced by the emulator)
 * @param bucket            bucket name, from the BucketARN
 * @param prefix            custom prefix, or null for the default {@code yyyy/MM/dd/HH/}
 * @param errorOutputPrefix prefix for records that fail processing
 * @param sizeInMBs         buffer size hint, 1–128 MiB (default 5)
 * @param intervalInSeconds buffer interval hint, 0–900 s (default 300)
 * @param compression       UNCOMPRESSED or GZIP
 * @param conversion        ExtendedS3's DataFormatConversionConfiguration, or null
 */
record S3Destination(
        boolean extended,
        String roleArn,
        String bucket,
        String prefix,
        String errorOutputPrefix,
        int sizeInMBs,
        int intervalInSeconds,
        String compression,
        FormatConversion conversion) {

    static final int DEFAULT_SIZE_MB = 5;
    static final int DEFAULT_INTERVAL_SECONDS = 300;
    private static final String BUCKET_ARN_PREFIX = "arn:aws:s3:::";
    private static final int MAX_PREFIX_LENGTH = 1024;

    boolean gzip() {
        return "GZIP".equals(compression);
    }

    /** True when records are converted to Parquet before delivery. */
    boolean converting() {
        return conversion != null && conversion.enabled();
    }

    long sizeLimitBytes() {
        return sizeInMBs * 1024L * 1024L;
    }

    /** Reads and validates a destination configuration. */
    static S3Destination parse(JsonNode config, boolean extended) {
        String member = extended ? "extendedS3DestinationConfiguration" : "s3DestinationConfiguration";
        String roleArn = text(config, "RoleARN");
        if (roleArn == null) {
            throw FirehoseErrors.validation(member + ".roleARN", "not be null");
        }
        String bucketArn = text(config, "BucketARN");
        if (bucketArn == null) {
            throw FirehoseErrors.validation(member + ".bucketARN", "not be null");
        }
        if (!bucketArn.startsWith(BUCKET_ARN_PREFIX) || bucketArn.length() == BUCKET_ARN_PREFIX.length()) {
            throw FirehoseErrors.validation(member + ".bucketARN", "satisfy regular expression pattern: arn:.*:s3:::[\\w\\.\\-]{1,255}");
        }
        int size = DEFAULT_SIZE_MB;
        Integer explicitSize = null;
        int interval = DEFAULT_INTERVAL_SECONDS;
        JsonNode hints = config.get("BufferingHints");
        if (hints != null && !hints.isNull()) {
            Integer sizeHint = WholeNumbers.read(hints, "SizeInMBs");
            Integer intervalHint = WholeNumbers.read(hints, "IntervalInSeconds");
            if (sizeHint != null) {
                size = sizeHint;
                explicitSize = size;
            }
            if (intervalHint != null) {
                interval = intervalHint;
            }
            if (size < 1 || size > 128) {
                throw FirehoseErrors.validation(member + ".bufferingHints.sizeInMBs",
                        size < 1 ? "have value greater than or equal to 1" : "have value less than or equal to 128");
            }
            if (interval < 0 || interval > 900) {
                throw FirehoseErrors.validation(member + ".bufferingHints.intervalInSeconds",
                        interval < 0 ? "have value greater than or equal to 0" : "have value less than or equal to 900");
            }
        }
        String compression = text(config, "CompressionFormat");
        if (compression == null) {
            compression = "UNCOMPRESSED";
        }
        if (!compression.equals("UNCOMPRESSED") && !compression.equals("GZIP")) {
            if (compression.equals("ZIP") || compression.equals("Snappy") || compression.equals("HADOOP_SNAPPY")) {
                throw io.labrunner.emulator.AwsException.notImplemented("Firehose", compression + " compression");
            }
            throw FirehoseErrors.validation(member + ".compressionFormat",
                    "satisfy enum value set: [UNCOMPRESSED, GZIP, ZIP, Snappy, HADOOP_SNAPPY]");
        }
        String prefix = emptyToNull(text(config, "Prefix"));
        String errorPrefix = emptyToNull(text(config, "ErrorOutputPrefix"));
        requireLength(prefix, member + ".prefix");
        requireLength(errorPrefix, member + ".errorOutputPrefix");
        Prefixes.validate(prefix, errorPrefix);
        JsonNode conversionNode = extended ? config.get("DataFormatConversionConfiguration") : null;
        FormatConversion conversion = conversionNode == null || conversionNode.isNull() ? null
                : FormatConversion.parse(conversionNode, member, compression, explicitSize);
        if (conversion != null && conversion.enabled() && explicitSize == null) {
            // "when format conversion isn't enabled, the default value is 5. The value becomes 128 when you
            // enable it." https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion.html
            size = FormatConversion.DEFAULT_SIZE_MB;
        }
        return new S3Destination(extended, roleArn, bucketArn.substring(BUCKET_ARN_PREFIX.length()), prefix,
                errorPrefix, size, interval, compression, conversion);
    }

    /** The destination's description, as DescribeDeliveryStream shows it. */
    ObjectNode describe() {
        ObjectNode d = Json.object();
        d.put("RoleARN", roleArn);
        d.put("BucketARN", BUCKET_ARN_PREFIX + bucket);
        if (prefix != null) {
            d.put("Prefix", prefix);
        }
        if (errorOutputPrefix != null) {
            d.put("ErrorOutputPrefix", errorOutputPrefix);
        }
        d.putObject("BufferingHints").put("SizeInMBs", sizeInMBs).put("IntervalInSeconds", intervalInSeconds);
        d.put("CompressionFormat", compression);
        d.putObject("EncryptionConfiguration").put("NoEncryptionConfig", "NoEncryption");
        d.putObject("CloudWatchLoggingOptions").put("Enabled", false);
        return d;
    }

    /**
     * Prefix and ErrorOutputPrefix: any characters, at most 1,024 (botocore firehose/2015-08-04). S3 keys are
     * opaque, so AWS accepts "../" in a prefix, and the emulator's S3 stores such keys like any other.
     */
    private static void requireLength(String prefix, String memberPath) {
        if (prefix != null && prefix.length() > MAX_PREFIX_LENGTH) {
            throw FirehoseErrors.validation(memberPath, "have length less than or equal to " + MAX_PREFIX_LENGTH);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.asText();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
