package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timestamp forms the OpenX and Hive JSON deserializers read, as the Firehose guide lists them. */
class TimestampsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final FormatConversion.JsonDeserializer OPENX =
            new FormatConversion.JsonDeserializer(true, true, false, Map.of(), List.of());
    private static final FormatConversion.JsonDeserializer HIVE =
            new FormatConversion.JsonDeserializer(false, true, false, Map.of(), List.of());

    private static String openX(JsonNode value) {
        return Timestamps.timestamp(value, OPENX);
    }

    @Test
    void openXReadsIsoWithZAndNineDigitFractions() {
        assertThat(openX(NODES.textNode("2017-02-07T15:13:01.39256Z"))).isEqualTo("2017-02-07 15:13:01.392560");
    }

    @Test
    void openXReadsSpaceSeparatedTimestampsWithOneDigitMonthAndDay() {
        assertThat(openX(NODES.textNode("2017-2-7 15:13:01.14"))).isEqualTo("2017-02-07 15:13:01.140000");
    }

    @Test
    void openXReadsEpochSecondsMillisecondsAndFractionalSeconds() {
        assertThat(openX(NODES.numberNode(1518033528L))).isEqualTo("2018-02-07 19:58:48.000000");
        assertThat(openX(NODES.numberNode(1518033528123L))).isEqualTo("2018-02-07 19:58:48.123000");
        assertThat(openX(NODES.numberNode(new BigDecimal("1518033528.123")))).isEqualTo("2018-02-07 19:58:48.123000");
    }

    @Test
    void openXRejectsOtherFormsAsMalformedData() {
        assertThatThrownBy(() -> openX(NODES.textNode("07/02/2017")))
                .isInstanceOf(RecordRejected.class)
                .satisfies(e -> assertThat(((RecordRejected) e).code()).isEqualTo(RecordRejected.MALFORMED_DATA));
    }

    @Test
    void hiveWithoutFormatsReadsTimestampValueOfFormOnly() {
        assertThat(Timestamps.timestamp(NODES.textNode("2017-02-07 15:13:01"), HIVE)).isEqualTo("2017-02-07 15:13:01.000000");
        assertThatThrownBy(() -> Timestamps.timestamp(NODES.numberNode(1518033528L), HIVE))
                .isInstanceOf(RecordRejected.class);
    }

    @Test
    void hiveFormatsWithAnOffsetAreConvertedToUtc() {
        var hive = new FormatConversion.JsonDeserializer(false, true, false, Map.of(), List.of("yyyy-MM-dd'T'HH:mmXXX"));
        assertThat(Timestamps.timestamp(NODES.textNode("2017-02-07T15:13+02:00"), hive)).isEqualTo("2017-02-07 13:13:00.000000");
    }
}
