package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where format conversion failures land, with and without an ErrorOutputPrefix. */
class PrefixesErrorKeyTest {
    private static final Instant AT = Instant.parse("2026-02-07T15:13:01Z");

    private static S3Destination destination(String prefix, String errorPrefix) {
        return new S3Destination(true, "role", "bucket", prefix, errorPrefix, 128, 60, "UNCOMPRESSED", null);
    }

    private static String errorKey(String prefix, String errorPrefix) {
        return Prefixes.errorKey(destination(prefix, errorPrefix), "s", 1, AT, ErrorOutput.FORMAT_CONVERSION_FAILED);
    }

    @Test
    void withoutAnyPrefixErrorsGoUnderTheErrorTypeAndTheTimePrefix() {
        assertThat(errorKey(null, null)).startsWith("format-conversion-failed/2026/02/07/15/s-1-2026-02-07-15-13-01-");
    }

    @Test
    void withoutAnErrorOutputPrefixTheErrorTypeFollowsThePrefix() {
        assertThat(errorKey("data/", null)).startsWith("data/format-conversion-failed/2026/02/07/15/s-1-");
    }

    @Test
    void theErrorOutputTypeExpressionIsTheFailureKindAndTimestampsAreEvaluated() {
        assertThat(errorKey("data/!{timestamp:yyyy}/", "errors/!{firehose:error-output-type}/!{timestamp:yyyy-MM}/"))
                .startsWith("errors/format-conversion-failed/2026-02/s-1-2026-02-07-15-13-01-")
                .doesNotEndWith(".parquet");
    }

    @Test
    void anErrorOutputPrefixWithoutExpressionsIsFollowedByTheErrorTypeAndTheTimePrefix() {
        assertThat(errorKey(null, "errors/")).startsWith("errors/format-conversion-failed/2026/02/07/15/s-1-");
    }
}
