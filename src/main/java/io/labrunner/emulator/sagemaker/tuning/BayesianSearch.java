package io.labrunner.emulator.sagemaker.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Bayesian optimisation, model-based as AWS's Bayesian strategy is (though not AWS's own code):
 * <ol>
 * <li>the first {@link #initialTrials} trials (counting warm-start observations) are drawn at random;</li>
 * <li>then a {@link GaussianProcess} (Matérn 5/2, ARD length scales and noise fitted by marginal
 *     likelihood) is fitted to every observation, features scaled to [0, 1] per the ranges' ScalingType and
 *     categorical ranges one-hot, the objective negated when it is maximised;</li>
 * <li>trials still running are imputed with the model's mean at their point ("kriging believer"), so
 *     parallel trials do not all pick the same point;</li>
 * <li>Expected Improvement (margin ξ = 0.01 target standard deviations) is maximised over
 *     {@value #RANDOM_CANDIDATES} uniform random points plus {@value #LOCAL_CANDIDATES} Gaussian
 *     perturbations (σ = {@value #LOCAL_SPREAD}) of each of the {@value #INCUMBENTS} best points so far;
 *     candidates whose hyperparameters repeat a launched trial are skipped.</li>
 * </ol>
 */
final class BayesianSearch implements SearchStrategy {
    static final int RANDOM_CANDIDATES = 1000;
    static final int LOCAL_CANDIDATES = 100;
    static final int INCUMBENTS = 3;
    static final double LOCAL_SPREAD = 0.05;
    private static final double XI = 0.01;

    /** How many observations there must be before the model is trusted over random draws. */
    static int initialTrials(SearchSpace space) {
        return Math.max(3, Math.min(10, space.dimensions().size() + 2));
    }

    @Override
    public Optional<Map<String, String>> propose(State state) {
        SearchSpace space = state.space();
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<double[]> positions = new ArrayList<>();
        for (Observation observation : state.observations()) {
            Optional<double[]> x = space.features(observation.hyperParameters());
            if (x.isPresent() && Double.isFinite(observation.objective())) {
                xs.add(x.get());
                ys.add(state.maximize() ? -observation.objective() : observation.objective());
                positions.add(space.point(observation.hyperParameters()));
            }
        }
        if (xs.size() < initialTrials(space)) {
            return new RandomSearch().propose(state);
        }
        GaussianProcess model = GaussianProcess.fit(xs, ys);
        double best = ys.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        List<double[]> believedX = new ArrayList<>(xs);
        List<Double> believedY = new ArrayList<>(ys);
        for (Map<String, String> pending : state.pending()) {
            space.features(pending).ifPresent(x -> {
                believedX.add(x);
                believedY.add(model.predict(x).mean());
            });
        }
        GaussianProcess believer = believedX.size() == xs.size() ? model : model.condition(believedX, believedY);
        Set<Map<String, String>> tried = new HashSet<>(state.launched());
        double xi = XI * model.targetScale();
        Map<String, String> chosen = null;
        double chosenGain = Double.NEGATIVE_INFINITY;
        for (double[] u : candidates(space, positions, ys, state.random())) {
            Map<String, String> hyperParameters = space.decode(u);
            if (tried.contains(hyperParameters)) {
                continue;
            }
            double gain = GaussianProcess.expectedImprovement(
                    believer.predict(space.features(hyperParameters).orElseThrow()), best, xi);
            if (gain > chosenGain) {
                chosenGain = gain;
                chosen = hyperParameters;
            }
        }
        return chosen == null ? new RandomSearch().propose(state) : Optional.of(chosen);
    }

    private static List<double[]> candidates(SearchSpace space, List<double[]> positions, List<Double> ys,
            Random random) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            candidates.add(SearchStrategy.uniform(space, random));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(ys::get));
        for (int rank = 0; rank < Math.min(INCUMBENTS, order.size()); rank++) {
            double[] centre = positions.get(order.get(rank));
            for (int i = 0; i < LOCAL_CANDIDATES; i++) {
                double[] u = new double[centre.length];
                for (int j = 0; j < u.length; j++) {
                    u[j] = Math.max(0, Math.min(1, centre[j] + LOCAL_SPREAD * random.nextGaussian()));
                }
                candidates.add(u);
            }
        }
        return candidates;
    }
}
