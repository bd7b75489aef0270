package io.labrunner.labs.sagemakerendpoint;

import io.labrunner.core.SageMakerRuntime;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointRequest;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests to the endpoint, as the call centre's scoring service would make them: each customer's
 * features as one CSV line, one InvokeEndpoint call per customer, so SageMaker routes every customer
 * on its own by the variants' weights and says in the answer which variant scored it.
 *
 * <p>InvokeEndpoint goes through the lab context's {@link SageMakerRuntime}, not the SDK's
 * {@code SageMakerRuntimeClient}: that module is not available to this build, so the context signs the
 * same request with the SDK's own signer.
 */
final class Traffic {
    /** What one request got back: the customer's line number in the traffic file, who answered, and the score. */
    record Answer(int row, String variant, double score) {
    }

    private Traffic() {
    }

    /** One request per row, in order; the endpoint's weights decide the variant. */
    static List<Answer> send(SageMakerRuntime runtime, String endpoint, List<String> rows) {
        List<Answer> answers = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            InvokeEndpointResponse response = runtime.invokeEndpoint(InvokeEndpointRequest.csv(endpoint, rows.get(row)));
            answers.add(new Answer(row, response.invokedProductionVariant(), scores(response.body().asUtf8String()).get(0)));
        }
        return answers;
    }

    /**
     * Every row scored by one variant, whatever the weights say: TargetVariant picks it. Many CSV lines in
     * one request get one score each, in order.
     */
    static List<Double> scoreAllBy(SageMakerRuntime runtime, String endpoint, String variant, List<String> rows) {
        String csv = String.join("\n", rows) + "\n";
        InvokeEndpointResponse response = runtime.invokeEndpoint(InvokeEndpointRequest.csv(endpoint, csv).withTargetVariant(variant));
        List<Double> scores = scores(response.body().asUtf8String());
        if (scores.size() != rows.size()) {
            throw new IllegalStateException(variant + " answered " + scores.size() + " scores for " + rows.size() + " rows");
        }
        return scores;
    }

    /** The built-in XGBoost answers text/csv with one probability per row, separated by commas or new lines. */
    static List<Double> scores(String body) {
        List<Double> scores = new ArrayList<>();
        for (String value : body.split("[,\\n]")) {
            if (!value.isBlank()) {
                scores.add(Double.parseDouble(value.strip()));
            }
        }
        return scores;
    }
}
