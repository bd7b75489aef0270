package io.labrunner.emulator.sagemaker.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The data readers' number parsing agrees with Java's correctly rounded one, fast path or not. */
class NumberFieldTest {

    @Test
    void everyDecimalReadsAsTheNearestFloat() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            double value = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
            String text = String.format(Locale.ROOT, "%." + random.nextInt(12) + "f", value);
            assertThat(Float.floatToIntBits(NumberField.parse(text, 0, text.length())))
                    .as(text).isEqualTo(Float.floatToIntBits(Float.parseFloat(text)));
        }
        for (String text : new String[] {"1e-3", "-2.5E4", "123456789012345678", "0.1000000000000000055511151231257827",
            "+7", "-0", "1.", ".5", "16777217", "3.4028235677973366e38", "1.00000005960464477539062500001"}) {
            assertThat(NumberField.parse(text, 0, text.length())).as(text).isEqualTo(Float.parseFloat(text));
        }
    }

    @Test
    void emptyIsMissingAndWordsAreNotNumbers() {
        assertThat(NumberField.parse(" ", 0, 1)).isNaN();
        assertThat(NumberField.parse("nan", 0, 3)).isNaN();
        assertThat(NumberField.parse("-inf", 0, 4)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> NumberField.parse("yes", 0, 3)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> NumberField.parse("1.5f", 0, 4)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> NumberField.parse(".", 0, 1)).isInstanceOf(NumberFormatException.class);
    }
}
