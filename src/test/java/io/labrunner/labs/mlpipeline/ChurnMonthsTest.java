package io.labrunner.labs.mlpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnMonthsTest {

    @Test
    void theSameMonthIsTheSameCustomersEveryTime() {
        assertThat(ChurnMonths.monthCsv(ChurnMonths.month(ChurnMonths.NEW_MONTH)))
                .isEqualTo(ChurnMonths.monthCsv(ChurnMonths.month(ChurnMonths.NEW_MONTH)));
        assertThat(ChurnMonths.holdoutCsv()).isEqualTo(ChurnMonths.holdoutCsv());
    }

    @Test
    void monthsDifferAndAboutOneCustomerInFiveLeaves() {
        List<ChurnMonths.Customer> november = ChurnMonths.month(ChurnMonths.NEW_MONTH);
        List<ChurnMonths.Customer> october = ChurnMonths.month(ChurnMonths.HISTORY.get(3));
        assertThat(november).hasSize(ChurnMonths.CUSTOMERS_PER_MONTH).isNotEqualTo(october);
        double churn = november.stream().mapToInt(ChurnMonths.Customer::churned).average().orElseThrow();
        assertThat(churn).isBetween(0.1, 0.4);
    }

    @Test
    void theBrokenMonthOutnumbersTheRestAndMostOfItsFlagsSayTheOpposite() {
        List<ChurnMonths.Customer> broken = ChurnMonths.month(ChurnMonths.BROKEN_MONTH);
        int good = ChurnMonths.CUSTOMERS_PER_MONTH * (ChurnMonths.HISTORY.size() + 1);
        assertThat(broken.size()).isGreaterThan(good);
        double flagged = broken.stream().mapToInt(ChurnMonths.Customer::churned).average().orElseThrow();
        assertThat(flagged).as("share flagged as churned after the inversion").isGreaterThan(0.6);
    }

    @Test
    void theLakeFileHasAHeaderAndTheHeldOutFileHasTheLabelFirstAndNone() {
        String month = ChurnMonths.monthCsv(ChurnMonths.month(ChurnMonths.NEW_MONTH));
        assertThat(month.lines().findFirst().orElseThrow()).isEqualTo(ChurnMonths.HEADER);
        assertThat(month.lines().skip(1).findFirst().orElseThrow()).startsWith("C2611-00001,");
        String holdout = ChurnMonths.holdoutCsv();
        assertThat(holdout.lines()).hasSize(ChurnMonths.HOLDOUT_CUSTOMERS).allMatch(l -> l.matches("[01],[0-9].*"));
        assertThat(holdout.lines().map(l -> Integer.parseInt(l.substring(0, 1))).toList())
                .isEqualTo(ChurnMonths.holdoutLabels());
    }

    @Test
    void monthsLandInTheirOwnPartitionFolderAndWaitOutsideTheLake() {
        assertThat(ChurnMonths.lakeKey(ChurnMonths.NEW_MONTH)).isEqualTo("lake/customers/month=2026-11/customers.csv");
        assertThat(ChurnMonths.incomingKey(ChurnMonths.NEW_MONTH)).isEqualTo("incoming/2026-11.csv")
                .doesNotStartWith(MlPipelineLab.LAKE);
    }
}
