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

    /**
     * Reads a destination configuration the protocol core has already held to the model (RoleARN and
     * BucketARN present and well-formed, buffering hints in range, a known compression format, prefixes at
     * most 1,024 characters), and checks what the model cannot say: prefix expressions and the format
     * conversion's own rules.
     */
    static S3Destination parse(JsonNode config, boolean extended) {
        String roleArn = config.get("RoleARN").textValue();
        String bucketArn = config.get("BucketARN").textValue();
        JsonNode hints = config.path("BufferingHints");
        Integer explicitSize = hints.has("SizeInMBs") ? hints.get("SizeInMBs").intValue() : null;
        int size = explicitSize == null ? DEFAULT_SIZE_MB : explicitSize;
        int interval = hints.has("IntervalInSeconds") ? hints.get("IntervalInSeconds").intValue()
                : DEFAULT_INTERVAL_SECONDS;
        String compression = config.path("CompressionFormat").asText("UNCOMPRESSED");
        if (!compression.equals("UNCOMPRESSED") && !compression.equals("GZIP")) {
            throw io.labrunner.emulator.AwsException.notImplemented("Firehose", compression + " compression");
        }
        String prefix = emptyToNull(config.path("Prefix").asText(null));
        String errorPrefix = emptyToNull(config.path("ErrorOutputPrefix").asText(null));
        // S3 keys are opaque, so AWS accepts "../" in a prefix; the emulator's store refuses keys its folders
        // cannot hold at delivery, and the records then wait in the buffer as they would for a failing
        // destination on AWS.
        Prefixes.validate(prefix, errorPrefix);
        JsonNode conversionNode = extended ? config.get("DataFormatConversionConfiguration") : null;
        FormatConversion conversion = conversionNode == null ? null
                : FormatConversion.parse(conversionNode, compression, explicitSize);
        if (conversion != null && conversion.enabled() && explicitSize == null) {
            // "when format conversion isn't enabled, the default value is 5. The value becomes 128 when you
            // enable it." https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion.html
            size = FormatConversion.DEFAULT_SIZE_MB;
        }
        return new S3Destination(extended, roleArn, bucket(bucketArn), prefix, errorPrefix, size, interval,
                compression, conversion);
    }

    /**
     * The bucket an ARN names: the model's pattern {@code arn:.*:s3:::[\w\.\-]{1,255}} ends in the bucket,
     * which holds no colon, so it follows the last {@code :::}.
     */
    private static String bucket(String bucketArn) {
        return bucketArn.substring(bucketArn.lastIndexOf(":::") + 3);
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

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
