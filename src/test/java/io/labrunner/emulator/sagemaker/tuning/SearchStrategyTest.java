package io.labrunner.emulator.sagemaker.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The strategies on their own, run trial after trial against a known smooth function: Bayesian search
 * must find better hyperparameters than Random search under the same budget, reliably over many seeds.
 */
class SearchStrategyTest {
    static final String RANGES = """
            {"ContinuousParameterRanges":[
               {"Name":"eta","MinValue":"0.001","MaxValue":"1","ScalingType":"Logarithmic"},
               {"Name":"subsample","MinValue":"0.5","MaxValue":"1","ScalingType":"Linear"}],
             "IntegerParameterRanges":[{"Name":"max_depth","MinValue":"1","MaxValue":"10"}]}""";

    /** A smooth bowl with its minimum 0 at eta = 0.05, max_depth = 6, subsample = 0.8. */
    static double bowl(Map<String, String> hp) {
        double eta = Math.log10(Double.parseDouble(hp.get("eta"))) - Math.log10(0.05);
        double depth = (Double.parseDouble(hp.get("max_depth")) - 6) / 4;
        double subsample = Double.parseDouble(hp.get("subsample")) - 0.8;
        return eta * eta + depth * depth + 3 * subsample * subsample;
    }

    static SearchSpace space(String ranges) {
        try {
            JsonNode node = Json.mapper().readTree(ranges);
            return SearchSpace.parse(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The true (noise-free) value of the best trial found with {@code budget} trials, one at a time. */
    static double bestFound(SearchStrategy strategy, SearchSpace space, int budget, long seed, double noise) {
        Random random = new Random(seed);
        Random noiseSource = new Random(seed * 31 + 1);
        List<SearchStrategy.Observation> observations = new ArrayList<>();
        List<Map<String, String>> launched = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < budget; i++) {
            Map<String, String> next = strategy.propose(new SearchStrategy.State(space, false, observations, List.of(),
                    launched, random)).orElseThrow();
            launched.add(next);
            double truth = bowl(next);
            observations.add(new SearchStrategy.Observation(next, truth + noise * noiseSource.nextGaussian()));
            best = Math.min(best, truth);
        }
        return best;
    }

    @Test
    void bayesianSearchFindsBetterHyperparametersThanRandomSearchUnderTheSameBudget() {
        SearchSpace space = space(RANGES);
        int seeds = 20;
        int budget = 20;
        int bayesianWins = 0;
        double bayesianTotal = 0;
        double randomTotal = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            double bayesian = bestFound(new BayesianSearch(), space, budget, seed, 0.02);
            double random = bestFound(new RandomSearch(), space, budget, seed, 0.02);
            bayesianTotal += bayesian;
            randomTotal += random;
            bayesianWins += bayesian < random ? 1 : 0;
        }
        System.out.printf("Bayesian vs Random, %d seeds x %d trials: mean best %.4f vs %.4f, Bayesian better in %d%n",
                seeds, budget, bayesianTotal / seeds, randomTotal / seeds, bayesianWins);
        // Under "no better than random" the wins would be Binomial(20, 1/2): P(>= 16) is about 0.006.
        assertThat(bayesianWins).isGreaterThanOrEqualTo(16);
        assertThat(bayesianTotal / seeds).isLessThan(0.5 * randomTotal / seeds);
    }

    @Test
    void aLogarithmicRangeSpreadsRandomTrialsEvenlyAcrossItsDecades() {
        SearchSpace space = space("""
                {"ContinuousParameterRanges":[
                   {"Name":"alpha","MinValue":"0.0001","MaxValue":"1","ScalingType":"Logarithmic"}]}""");
        int[] perDecade = new int[4];
        Random random = new Random(3);
        for (int i = 0; i < 4000; i++) {
            double alpha = Double.parseDouble(space.decode(SearchStrategy.uniform(space, random)).get("alpha"));
            assertThat(alpha).isBetween(0.0001, 1.0);
            perDecade[Math.min(3, (int) Math.floor(Math.log10(alpha) + 4))]++;
        }
        // Uniform on a linear scale would put about 90 % in the top decade and 0.1 % in the bottom one.
        for (int count : perDecade) {
            assertThat(count).isBetween(850, 1150);
        }
    }

    @Test
    void aReverseLogarithmicRangeCrowdsItsTrialsTowardsOne() {
        SearchSpace space = space("""
                {"ContinuousParameterRanges":[
                   {"Name":"momentum","MinValue":"0","MaxValue":"0.999","ScalingType":"ReverseLogarithmic"}]}""");
        Random random = new Random(4);
        int aboveNinetyNine = 0;
        int n = 3000;
        for (int i = 0; i < n; i++) {
            double momentum = Double.parseDouble(space.decode(SearchStrategy.uniform(space, random)).get("momentum"));
            assertThat(momentum).isBetween(0.0, 0.999);
            aboveNinetyNine += momentum >= 0.99 ? 1 : 0;
        }
        // log(1 - x) is uniform: [0.99, 0.999] is a third of the range's three decades; linear would give 0.9 %.
        assertThat((double) aboveNinetyNine / n).isBetween(0.28, 0.39);
    }

    @Test
    void integerRangesGiveEveryValueIncludingTheEndsAFairShare() {
        SearchSpace space = space("""
                {"IntegerParameterRanges":[{"Name":"max_depth","MinValue":"1","MaxValue":"4","ScalingType":"Linear"}]}""");
        int[] counts = new int[5];
        Random random = new Random(5);
        for (int i = 0; i < 4000; i++) {
            counts[Integer.parseInt(space.decode(SearchStrategy.uniform(space, random)).get("max_depth"))]++;
        }
        assertThat(counts[0]).isZero();
        for (int v = 1; v <= 4; v++) {
            assertThat(counts[v]).isBetween(850, 1150);
        }
    }

    @Test
    void gridSearchEnumeratesEveryCombinationExactlyOnceThenStops() {
        SearchSpace space = space("""
                {"CategoricalParameterRanges":[{"Name":"booster","Values":["gbtree","dart"]},
                                               {"Name":"max_depth","Values":["3","6","9"]}]}""");
        List<Map<String, String>> launched = new ArrayList<>();
        GridSearch grid = new GridSearch();
        while (true) {
            var next = grid.propose(new SearchStrategy.State(space, true, List.of(), List.of(), launched, new Random(1)));
            if (next.isEmpty()) {
                break;
            }
            launched.add(next.get());
        }
        assertThat(launched).hasSize(6);
        assertThat(new HashSet<>(launched)).hasSize(6);
        assertThat(launched.get(0)).isEqualTo(Map.of("booster", "gbtree", "max_depth", "3"));
        assertThat(launched.get(5)).containsEntry("booster", "dart").containsEntry("max_depth", "9");
    }

    @Test
    void theGaussianProcessInterpolatesWhatItSawAndIsUnsureFarFromIt() {
        List<double[]> xs = List.of(new double[] {0.1}, new double[] {0.5}, new double[] {0.9});
        List<Double> ys = List.of(1.0, 0.0, 1.0);
        GaussianProcess gp = GaussianProcess.fit(xs, ys);
        assertThat(gp.predict(new double[] {0.5}).mean()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(gp.predict(new double[] {0.3}).sd()).isGreaterThan(gp.predict(new double[] {0.5}).sd());
    }
}
