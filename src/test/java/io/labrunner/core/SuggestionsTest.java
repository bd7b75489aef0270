package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> LABS = List.of("s3-data-formats", "s3-glue-athena", "kinesis-streams",
            "firehose-vs-streams", "sagemaker-xgboost");

    @Test
    void theStartOfAnIdSuggestsIt() {
        assertThat(Suggestions.closest("kinesis", LABS)).contains("kinesis-streams");
        assertThat(Suggestions.all("kinesis", LABS)).containsExactly("kinesis-streams");
    }

    @Test
    void partOfAnIdSuggestsIt() {
        assertThat(Suggestions.all("xgboost", LABS)).containsExactly("sagemaker-xgboost");
    }

    @Test
    void aStartSharedByManySuggestsThemAllButIsNoSingleBestGuess() {
        assertThat(Suggestions.all("s3", LABS)).containsExactly("s3-data-formats", "s3-glue-athena");
        assertThat(Suggestions.closest("s3", LABS)).isEmpty();
        assertThat(Suggestions.all("streams", LABS)).containsExactly("kinesis-streams", "firehose-vs-streams");
    }

    @Test
    void aNearSpellingStillWins() {
        assertThat(Suggestions.closest("rnu", List.of("run", "test", "start"))).contains("run");
        assertThat(Suggestions.all("kinesis-stream", LABS)).containsExactly("kinesis-streams");
        assertThat(Suggestions.all("kinesis-straems", LABS)).containsExactly("kinesis-streams");
    }

    @Test
    void nothingCloseSuggestsNothing() {
        assertThat(Suggestions.all("bedrock", LABS)).isEmpty();
        assertThat(Suggestions.all("k", LABS)).as("one letter is too little to go on").isEmpty();
    }
}
