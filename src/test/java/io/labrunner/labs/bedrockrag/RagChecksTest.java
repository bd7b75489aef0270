package io.labrunner.labs.bedrockrag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RagChecksTest {

    @Test
    void theUsualWaysOfNotKnowingCountAsAdmittingIt() {
        assertThat(RagChecks.admitsIgnorance("I don't know.")).isTrue();
        assertThat(RagChecks.admitsIgnorance("I don\u2019t know the answer to that.")).isTrue();
        assertThat(RagChecks.admitsIgnorance("I do not know.")).isTrue();
        assertThat(RagChecks.admitsIgnorance("The context does not mention the warranty.")).isTrue();
        assertThat(RagChecks.admitsIgnorance("That is not provided in the context.")).isTrue();
    }

    @Test
    void aConfidentAnswerDoesNotAdmitAnything() {
        assertThat(RagChecks.admitsIgnorance("The warranty is 24 months.")).isFalse();
        assertThat(RagChecks.admitsIgnorance("Quillfeather was founded by Maren Ilvesaari.")).isFalse();
    }

    @Test
    void aFactCountsWhateverItsCaseAndSpacing() {
        assertThat(RagChecks.states("A warranty of 38\nMonths applies.", "38 months")).isTrue();
        assertThat(RagChecks.states("A warranty of 36 months applies.", "38 months")).isFalse();
    }
}
