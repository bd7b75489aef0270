package io.labrunner.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.AwsException;
import org.junit.jupiter.api.Test;

class FilterPatternTest {

    @Test
    void everyPlainTermMustAppearCaseSensitively() {
        FilterPattern pattern = FilterPattern.parse("ERROR Exception");

        assertThat(pattern.matches("ERROR: NullPointerException at x")).isTrue();
        assertThat(pattern.matches("ERROR only")).isFalse();
        assertThat(pattern.matches("error exception")).isFalse();
    }

    @Test
    void aQuotedPhraseMatchesOnlyAsAWhole() {
        FilterPattern pattern = FilterPattern.parse("\"disk full\"");

        assertThat(pattern.matches("ERROR disk full on /")).isTrue();
        assertThat(pattern.matches("full disk")).isFalse();
    }

    @Test
    void questionMarksMakeAlternativesAndMinusExcludes() {
        assertThat(FilterPattern.parse("?ERROR ?WARN").matches("WARN slow")).isTrue();
        assertThat(FilterPattern.parse("?ERROR ?WARN").matches("INFO ok")).isFalse();
        assertThat(FilterPattern.parse("ERROR -timeout").matches("ERROR timeout")).isFalse();
        assertThat(FilterPattern.parse("ERROR -timeout").matches("ERROR refused")).isTrue();
    }

    @Test
    void percentSignsEncloseARegularExpression() {
        assertThat(FilterPattern.parse("%rmse:0\\.[0-4]%").matches("validation-rmse:0.31")).isTrue();
        assertThat(FilterPattern.parse("%rmse:0\\.[0-4]%").matches("validation-rmse:0.81")).isFalse();
    }

    @Test
    void anEmptyPatternMatchesEverything() {
        assertThat(FilterPattern.parse("").matches("anything")).isTrue();
        assertThat(FilterPattern.parse(null).matches("anything")).isTrue();
    }

    @Test
    void unbalancedQuotesAndUnsupportedSyntaxesAreRefusedAsInvalidParameters() {
        assertThatThrownBy(() -> FilterPattern.parse("\"open"))
                .isInstanceOf(AwsException.class).extracting("code").isEqualTo("InvalidParameterException");
        assertThatThrownBy(() -> FilterPattern.parse("{ $.level = \"ERROR\" }"))
                .isInstanceOf(AwsException.class).hasMessageContaining("not supported by the embedded emulator");
    }
}
