package io.labrunner.labs.messydata;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.labs.messydata.Readings.Reading;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The raw export is as messy as the guide says, and the truth behind it is what the checks assume. */
class ReadingsTest {
    private final List<Reading> genuine = Readings.genuine();
    private final List<Reading> raw = Readings.raw();

    @Test
    void everyCallGivesTheSameReadings() {
        assertThat(Readings.raw()).isEqualTo(raw);
        assertThat(Readings.holdout()).isEqualTo(Readings.holdout());
    }

    @Test
    void aboutThreePercentOfTheReadingsAreSentTwiceAsExactCopies() {
        Set<Reading> distinct = new HashSet<>(raw);
        assertThat(distinct).hasSize(Readings.DISTINCT);
        double duplicates = (raw.size() - distinct.size()) / (double) Readings.DISTINCT;
        assertThat(duplicates).isBetween(0.025, 0.035);
        assertThat(raw.stream().map(Reading::readingId).distinct().count()).isEqualTo(Readings.DISTINCT);
    }

    @Test
    void temperatureAndPressureAreSometimesMissing() {
        assertThat(share(r -> r.temperatureC() == null)).isBetween(0.05, 0.07);
        assertThat(share(r -> r.pressureBar() == null)).isBetween(0.03, 0.05);
        assertThat(share(r -> r.vibrationMmS() == null)).isZero();
    }

    @Test
    void halfAPercentOfTemperaturesAreTheProbesFaultCodeAndHalfAPercentOfVibrationsAreSpikes() {
        assertThat(share(r -> Objects.equals(r.temperatureC(), Readings.TEMPERATURE_FAULT_CODE))).isBetween(0.003, 0.007);
        double genuineMax = genuine.stream().mapToDouble(Reading::vibrationMmS).max().orElseThrow();
        assertThat(share(r -> r.vibrationMmS() > genuineMax)).isBetween(0.002, 0.007);
        assertThat(genuine.stream().mapToDouble(Reading::temperatureC).max().orElseThrow()).isLessThan(120);
    }

    @Test
    void failuresAreAboutTwoPercentInTheExportAndInTheHoldout() {
        assertThat(genuine.stream().mapToInt(Reading::failure).average().orElseThrow()).isBetween(0.015, 0.025);
        List<Reading> holdout = Readings.holdout();
        assertThat(holdout).hasSize(Readings.HOLDOUT);
        assertThat(holdout.stream().mapToInt(Reading::failure).average().orElseThrow()).isBetween(0.015, 0.025);
        assertThat(holdout).allMatch(r -> r.temperatureC() != null && r.pressureBar() != null);
    }

    @Test
    void theRawCsvHasAHeaderAndEmptyFieldsForMissingValues() {
        String[] lines = Readings.rawCsv(raw).split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", Readings.COLUMNS));
        assertThat(lines).hasSize(raw.size() + 1);
        Reading missing = raw.stream().filter(r -> r.temperatureC() == null).findFirst().orElseThrow();
        assertThat(missing.rawCsv()).contains(missing.readAt().toString().replace('T', ' ') + ",,");
        assertThat(Readings.featuresCsv(List.of(Readings.holdout().get(0))).strip().split(",")).hasSize(Readings.FEATURES.size());
    }

    private double share(Predicate<Reading> test) {
        Set<Reading> distinct = new HashSet<>(raw);
        return distinct.stream().filter(test).count() / (double) distinct.size();
    }
}
