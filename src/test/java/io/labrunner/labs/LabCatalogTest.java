package io.labrunner.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.LabException;
import io.labrunner.testing.FakeLab;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabCatalogTest {
    private final LabCatalog catalog = new LabCatalog(List.of(
            new FakeLab("s3-data-formats"), new FakeLab("s3-glue-athena"), new FakeLab("kinesis-streams")));

    @Test
    void aMistypedIdGetsTheClosestIdSuggested() {
        assertThatThrownBy(() -> catalog.get("s3-data-format"))
                .isInstanceOf(LabException.class)
                .hasMessage("Unknown lab 's3-data-format'. Did you mean 's3-data-formats'? See 'lab list' for all labs.");
    }

    @Test
    void theStartOfAnIdGetsTheLabItBegins() {
        assertThatThrownBy(() -> catalog.get("kinesis"))
                .hasMessage("Unknown lab 'kinesis'. Did you mean 'kinesis-streams'? See 'lab list' for all labs.");
    }

    @Test
    void anIdFarFromEveryLabGetsNoSuggestion() {
        assertThatThrownBy(() -> catalog.get("quantum-computing"))
                .hasMessage("Unknown lab 'quantum-computing'. See 'lab list' for all labs.");
    }

    @Test
    void aKnownIdIsFound() {
        assertThat(catalog.get("kinesis-streams").info().id()).isEqualTo("kinesis-streams");
    }

    @Test
    void theBuiltInLabsHaveUniqueIdsAndGuides() {
        List<String> ids = LabCatalog.builtIn().all().stream().map(l -> l.info().id()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(LabCatalogTest.class.getResource("/labs/" + id + "/README.md")).as("guide of " + id).isNotNull();
        }
    }
}
