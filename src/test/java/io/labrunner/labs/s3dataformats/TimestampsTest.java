package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final Instant EXPECTED = Instant.parse("2026-01-02T03:04:05.123Z");

    @Test
    void readsJavasIsoInstant() {
        assertThat(Timestamps.parse("2026-01-02T03:04:05.123Z")).isEqualTo(EXPECTED);
    }

    @Test
    void readsDuckDbsTimestampWithTimeZone() {
        assertThat(Timestamps.parse("2026-01-02 03:04:05.123+00")).isEqualTo(EXPECTED);
        assertThat(Timestamps.parse("2026-01-02 04:04:05.123+01")).isEqualTo(EXPECTED);
    }

    @Test
    void refusesATimestampWithoutAnOffset() {
        assertThatThrownBy(() -> Timestamps.parse("2026-01-02 03:04:05.123"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
