package io.labrunner.emulator.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the operation a REST request is for, by method and path, among the operations of one or more
 * models (Bedrock's control plane and runtime share a signing name and a port). The most specific route wins
 * ({@code /guardrails/{id}} over {@code /guardrails/{id+}}-like catch-alls); a route whose labels must span path
 * segments is tried only when no route fits segment by segment.
 */
final class RestRouter {
    private final List<RestRoute> routes;

    RestRouter(List<RestRoute> routes) {
        List<RestRoute> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt(RestRoute::specificity).reversed());
        this.routes = List.copyOf(sorted);
    }

    /** A matched route with its label values. */
    record Match(RestRoute route, Map<String, String> labels) {
    }

    Optional<Match> route(String method, String path, Map<String, List<String>> query) {
        for (boolean laxly : new boolean[] {false, true}) {
            for (RestRoute route : routes) {
                if (!route.method().equals(method)) {
                    continue;
                }
                Optional<Map<String, String>> labels = route.match(path, query, laxly);
                if (labels.isPresent()) {
                    return Optional.of(new Match(route, labels.get()));
                }
            }
        }
        return Optional.empty();
    }
}
