package io.labrunner.emulator.sagemaker.tuning;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Random search: every trial independent of the others, each range sampled uniformly on its scale
 * (so a Logarithmic range spreads its trials evenly over the decades). Where ranges are discrete, a
 * combination already tried is drawn again, up to a few times, before it is accepted.
 */
final class RandomSearch implements SearchStrategy {
    private static final int REDRAWS = 20;

    @Override
    public Optional<Map<String, String>> propose(State state) {
        Set<Map<String, String>> tried = new HashSet<>(state.launched());
        Map<String, String> candidate = state.space().decode(SearchStrategy.uniform(state.space(), state.random()));
        for (int i = 0; i < REDRAWS && tried.contains(candidate); i++) {
            candidate = state.space().decode(SearchStrategy.uniform(state.space(), state.random()));
        }
        return Optional.of(candidate);
    }
}
