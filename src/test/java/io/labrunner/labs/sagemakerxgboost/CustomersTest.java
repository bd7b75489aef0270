package io.labrunner.labs.sagemakerxgboost;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.labs.sagemakerxgboost.Customers.Customer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomersTest {
    private final Customers.Split split = Customers.dataset();

    @Test
    void theSameSeedGivesTheSameCustomers() {
        assertThat(Customers.generate()).isEqualTo(Customers.generate());
        assertThat(Customers.dataset()).isEqualTo(split);
    }

    @Test
    void theSplitIs70By15By15AndKeepsEveryCustomerOnce() {
        assertThat(split.train()).hasSize(3_500);
        assertThat(split.validation()).hasSize(750);
        assertThat(split.test()).hasSize(750);
        Set<Customer> all = new HashSet<>(split.train());
        all.addAll(split.validation());
        all.addAll(split.test());
        assertThat(all).containsExactlyInAnyOrderElementsOf(new HashSet<>(Customers.generate()));
    }

    @Test
    void aboutOneCustomerInFiveChurnsInEveryPart() {
        for (List<Customer> part : List.of(split.train(), split.validation(), split.test())) {
            double rate = part.stream().mapToInt(Customer::churned).average().orElseThrow();
            assertThat(rate).isBetween(0.15, 0.35);
        }
    }

    @Test
    void aLogisticRegressionOnTheFeaturesRanksHeldOutChurnersWellButNotPerfectly() {
        Logistic model = Logistic.fit(split.train().stream().map(Customer::features).toList(),
                split.train().stream().map(Customer::churned).toList());
        double auc = BinaryMetrics.auc(model.scores(split.test().stream().map(Customer::features).toList()),
                split.test().stream().map(Customer::churned).toList());
        assertThat(auc).as("held-out AUC of a logistic regression").isGreaterThan(0.75).isLessThan(0.97);
    }

    @Test
    void trainingRowsPutTheLabelFirstAndInferenceRowsHaveNoLabel() {
        String[] training = Customers.labelledCsv(split.train()).split("\n");
        String[] inference = Customers.featuresCsv(split.test()).split("\n");
        assertThat(training).hasSize(3_500);
        assertThat(training[0].split(",")).hasSize(1 + Customers.FEATURES.size());
        assertThat(training[0].split(",")[0]).isIn("0", "1");
        assertThat(inference).hasSize(750);
        assertThat(inference[0].split(",")).hasSize(Customers.FEATURES.size());
        assertThat(inference[0]).isEqualTo(split.test().get(0).featuresCsv());
        assertThat(Customers.labelsCsv(split.test()).split("\n")).hasSize(751).startsWith("churned");
    }
}
