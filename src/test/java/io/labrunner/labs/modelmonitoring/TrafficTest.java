package io.labrunner.labs.modelmonitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.labs.sagemakerxgboost.Customers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The traffic is what the guide says it is: the drifted customers changed in three features and in no other. */
class TrafficTest {
    private final List<String[]> normal = Traffic.normal().stream().map(TrafficTest::cells).toList();
    private final List<String[]> drifted = Traffic.drifted().stream().map(TrafficTest::cells).toList();
    private final List<String[]> source = Customers.dataset().test().subList(Traffic.NORMAL, Traffic.NORMAL + Traffic.DRIFTED)
            .stream().map(c -> cells(c.featuresCsv())).toList();

    private static String[] cells(String row) {
        return row.split(",", -1);
    }

    private static int column(String feature) {
        return Customers.FEATURES.indexOf(feature);
    }

    @Test
    void bothHaveTheirCountOfEightFeatureRowsAndNoRowIsInBoth() {
        assertThat(normal).hasSize(Traffic.NORMAL).allMatch(r -> r.length == Customers.FEATURES.size());
        assertThat(drifted).hasSize(Traffic.DRIFTED).allMatch(r -> r.length == Customers.FEATURES.size());
        Set<String> shared = new HashSet<>(Traffic.normal());
        shared.retainAll(new HashSet<>(Traffic.drifted()));
        assertThat(shared).as("rows the capture check could not attribute").isEmpty();
    }

    @Test
    void everyDriftedPriceRoseByTheSameAmount() {
        int price = column(Traffic.SHIFTED);
        IntStream.range(0, Traffic.DRIFTED).forEach(i -> assertThat(Double.parseDouble(drifted.get(i)[price]))
                .isCloseTo(Double.parseDouble(source.get(i)[price]) + Traffic.PRICE_RISE, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void everySecondDriftedCustomerIsOnThePlanTrainingNeverSaw() {
        int contract = column(Traffic.NEW_VALUE);
        assertThat(Customers.dataset().train()).noneMatch(c -> c.contractMonths() == Traffic.NEW_PLAN_MONTHS);
        assertThat(drifted.stream().filter(r -> r[contract].equals(String.valueOf(Traffic.NEW_PLAN_MONTHS)))).hasSize(Traffic.DRIFTED / 2);
    }

    @Test
    void everyThirdDriftedCustomerHasNoUsageAndNoNormalOneLacksIt() {
        int usage = column(Traffic.MISSING);
        assertThat(drifted.stream().filter(r -> r[usage].isEmpty())).hasSize(Traffic.DRIFTED / 3);
        assertThat(normal).noneMatch(r -> r[usage].isEmpty());
    }

    @Test
    void theSteadyFeaturesAreSentExactlyAsTheCustomersHadThem() {
        for (String feature : Traffic.STEADY) {
            int i = column(feature);
            assertThat(drifted.stream().map(r -> r[i]).toList()).as(feature).isEqualTo(source.stream().map(r -> r[i]).toList());
        }
    }

    @Test
    void theBaselineIsTheTrainingDataWithAHeaderAndTheLabelFirst() {
        List<String> lines = Traffic.baselineCsv().lines().toList();

        assertThat(lines.get(0)).isEqualTo(Traffic.LABEL + "," + String.join(",", Customers.FEATURES));
        assertThat(lines).hasSize(Customers.dataset().train().size() + 1);
        assertThat(lines.get(1)).isEqualTo(Customers.dataset().train().get(0).labelledCsv());
    }
}
