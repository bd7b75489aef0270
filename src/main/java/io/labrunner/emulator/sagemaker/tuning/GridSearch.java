package io.labrunner.emulator.sagemaker.tuning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grid search: every combination of the categorical values, once each, in order (the first range
 * varying slowest). AWS supports Grid for categorical ranges only and launches exactly as many training
 * jobs as there are distinct combinations (automatic-model-tuning-how-it-works.html).
 */
final class GridSearch implements SearchStrategy {

    @Override
    public Optional<Map<String, String>> propose(State state) {
        List<Map<String, String>> grid = state.space().grid();
        int next = state.launched().size();
        return next < grid.size() ? Optional.of(grid.get(next)) : Optional.empty();
    }
}
