package io.labrunner.emulator.sagemaker.algorithms;

import java.util.List;

/** A loaded model answering inference requests, as the algorithm's serving container does. */
public interface Predictor {

    /**
     * Predicts one mini-batch of records (with SplitType Line, one record per line).
     *
     * @param contentType the request's content type, e.g. {@code text/csv} or {@code text/libsvm}
     * @param accept      the response's content type, e.g. {@code text/csv} or {@code application/json}
     * @return one output record per input record, in order
     * @throws AlgorithmException with the serving container's reason for records it cannot read
     */
    List<String> predict(List<String> records, String contentType, String accept) throws AlgorithmException;
}
