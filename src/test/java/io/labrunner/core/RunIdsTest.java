package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunIdsTest {

    @Test
    void runIdsAreSixLowerCaseCharactersStartingWithALetter() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RunIds.next();
            assertThat(id).matches("[a-z][a-z0-9]{5}");
            seen.add(id);
        }
        assertThat(seen).hasSizeGreaterThan(990);
    }

    @Test
    void resourceNamesCarryTheRunIdAndAreValidBucketNames() {
        assertThat(RunIds.resourceName("abc234", "Data")).isEqualTo("lab-abc234-data");
    }

    @Test
    void aSuffixThatWouldMakeAnInvalidNameIsRefused() {
        assertThatThrownBy(() -> RunIds.resourceName("abc234", "my_data"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunIds.resourceName("abc234", "x".repeat(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
