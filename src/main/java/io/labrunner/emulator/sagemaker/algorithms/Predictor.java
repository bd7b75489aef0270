package io.labrunner.emulator.sagemaker.algorithms;

import java.util.List;

/** A loaded model answering inference requests, as the algorithm's serving container does. */
public interface Predictor extends AutoCloseable {

    /**
     * Predicts one mini-batch of records (with SplitType Line, one record per line).
     *
     * @param contentType the request's content type, e.g. {@code text/csv} or {@code text/libsvm}
     * @param accept      the response's content type, e.g. {@code text/csv} or {@code application/json}
     * @return one output record per input record, in order
     * @throws AlgorithmException with the serving container's reason for records it cannot read
     */
    List<String> predict(List<String> records, String contentType, String accept) throws AlgorithmException;

    /**
     * Answers one real-time request (InvokeEndpoint) as the container's web server does. By default the body's
     * lines are the records and the answers go back one per line, in the Accept type asked for.
     *
     * @throws AlgorithmException with the container's reason for a payload it cannot read
     */
    default InferenceAnswer invoke(byte[] body, String contentType, String accept) throws AlgorithmException {
        List<String> records = new java.util.ArrayList<>();
        for (String line : new String(body, java.nio.charset.StandardCharsets.UTF_8).split("\\r?\\n")) {
            if (!line.isBlank()) {
                records.add(line);
            }
        }
        String answer = String.join("\n", predict(records, contentType, accept));
        return new InferenceAnswer(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                accept == null || accept.isBlank() || accept.equals("*/*") ? contentType : accept);
    }

    /** Releases what a loaded model holds (native memory); by default nothing. */
    @Override
    default void close() {
    }
}
