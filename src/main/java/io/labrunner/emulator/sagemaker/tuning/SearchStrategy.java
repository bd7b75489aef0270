package io.labrunner.emulator.sagemaker.tuning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** How a tuning job chooses the hyperparameters of its next trial. */
interface SearchStrategy {

    /**
     * The next trial's tuned hyperparameters, or empty when the strategy has nothing left to try (a
     * grid fully enumerated).
     */
    Optional<Map<String, String>> propose(State state);

    /** A trial that ended with a value of the objective metric. */
    record Observation(Map<String, String> hyperParameters, double objective) {
    }

    /**
     * What a strategy knows when it proposes.
     *
     * @param observations ended trials with an objective value, warm-start parents' included
     * @param pending      trials still running, whose outcome is not known yet
     * @param launched     every trial this job has launched so far, in order
     */
    record State(SearchSpace space, boolean maximize, List<Observation> observations,
            List<Map<String, String>> pending, List<Map<String, String>> launched, Random random) {
    }

    /** The strategy named by the API's Strategy member (Hyperband is refused before this is asked). */
    static SearchStrategy named(String strategy) {
        return switch (strategy) {
            case "Grid" -> new GridSearch();
            case "Bayesian" -> new BayesianSearch();
            default -> new RandomSearch();
        };
    }

    /** A point drawn uniformly from the space: uniformly on each range's own scale. */
    static double[] uniform(SearchSpace space, Random random) {
        double[] u = new double[space.dimensions().size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }
}
