package io.labrunner.emulator.sagemaker.linearlearner;

/**
 * The training job's hyperparameters after validation, with {@code auto} resolved where the resolution
 * does not depend on the data. Names, defaults and ranges follow the "Linear learner hyperparameters"
 * page of the SageMaker developer guide.
 *
 * @param featureDim       null for {@code auto}: taken from the data
 * @param positiveWeight   the weight of positive examples; NaN for {@code balanced} (and {@code auto})
 * @param normalizeLabel   null for {@code auto}: on for regression only
 * @param numModels        accepted and reported; this emulator trains one model whatever it says
 */
record Settings(
        PredictorType predictorType, Integer featureDim, int numClasses, int epochs, int miniBatchSize,
        Optimizer.Kind optimizer, double learningRate, double l1, double wd, boolean useBias,
        boolean normalizeData, Boolean normalizeLabel, Loss loss, String selectionCriteria,
        double targetPrecision, double targetRecall, double positiveWeight, int earlyStoppingPatience,
        double earlyStoppingTolerance, double margin, double quantile, double huberDelta,
        double lossInsensitivity, double fBeta, int accuracyTopK, double beta1, double beta2, double momentum,
        double biasLrMult, double biasWdMult, boolean initNormal, double initScale, double initSigma,
        double initBias, boolean useLrScheduler, int lrSchedulerStep, double lrSchedulerFactor,
        double lrSchedulerMinimumLr, int numPointForScaler, Integer numCalibrationSamples, String numModels,
        boolean balanceMulticlassWeights) {

    /** How many scores the model produces per example. */
    int outputs() {
        return predictorType == PredictorType.MULTICLASS_CLASSIFIER ? numClasses : 1;
    }

    boolean labelNormalized() {
        return predictorType == PredictorType.REGRESSOR && (normalizeLabel == null || normalizeLabel);
    }
}
