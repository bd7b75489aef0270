package io.labrunner.emulator.sagemaker.linearlearner;

/** What the model predicts, as the {@code predictor_type} hyperparameter names it. */
enum PredictorType {
    BINARY_CLASSIFIER("binary_classifier"),
    MULTICLASS_CLASSIFIER("multiclass_classifier"),
    REGRESSOR("regressor");

    private final String wireName;

    PredictorType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
