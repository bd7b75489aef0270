package io.labrunner.emulator.sagemaker.linearlearner;

import java.util.List;

/**
 * The loss functions of the {@code loss} hyperparameter: each gives its value and its derivative with
 * respect to the model's raw score, for one example. Multiclass softmax works on all class scores at
 * once and is handled by the trainer; here it only names itself.
 */
enum Loss {
    LOGISTIC("logistic", "binary_classification_cross_entropy_objective"),
    HINGE("hinge_loss", "hinge_loss_objective"),
    SQUARED("squared_loss", "mse_objective"),
    ABSOLUTE("absolute_loss", "absolute_loss_objective"),
    EPS_INSENSITIVE_SQUARED("eps_insensitive_squared_loss", "eps_insensitive_squared_loss_objective"),
    EPS_INSENSITIVE_ABSOLUTE("eps_insensitive_absolute_loss", "eps_insensitive_absolute_loss_objective"),
    QUANTILE("quantile_loss", "quantile_loss_objective"),
    HUBER("huber_loss", "huber_loss_objective"),
    SOFTMAX("softmax_loss", "multiclass_cross_entropy_objective");

    private final String wireName;
    private final String objectiveName;

    Loss(String wireName, String objectiveName) {
        this.wireName = wireName;
        this.objectiveName = objectiveName;
    }

    String wireName() {
        return wireName;
    }

    /** How the container names the objective in its log, e.g. {@code mse_objective}. */
    String objectiveName() {
        return objectiveName;
    }

    /** The losses a predictor type accepts; the first is what {@code auto} means (ll_hyperparameters). */
    static List<Loss> allowedFor(PredictorType type) {
        return switch (type) {
            case BINARY_CLASSIFIER -> List.of(LOGISTIC, HINGE);
            case MULTICLASS_CLASSIFIER -> List.of(SOFTMAX);
            case REGRESSOR -> List.of(SQUARED, ABSOLUTE, EPS_INSENSITIVE_SQUARED, EPS_INSENSITIVE_ABSOLUTE, QUANTILE,
                    HUBER);
        };
    }

    /** The loss of raw score {@code s} for label {@code y} (0/1 for binary losses). */
    double value(double s, double y, Settings p) {
        double e = s - y;
        return switch (this) {
            case LOGISTIC -> y > 0.5 ? softplus(-s) : softplus(s);
            case HINGE -> Math.max(0, p.margin() - (2 * y - 1) * s);
            case SQUARED -> e * e;
            case ABSOLUTE -> Math.abs(e);
            case EPS_INSENSITIVE_SQUARED -> square(Math.max(0, Math.abs(e) - p.lossInsensitivity()));
            case EPS_INSENSITIVE_ABSOLUTE -> Math.max(0, Math.abs(e) - p.lossInsensitivity());
            case QUANTILE -> Math.max(p.quantile() * -e, (p.quantile() - 1) * -e);
            case HUBER -> Math.abs(e) <= p.huberDelta() ? 0.5 * e * e : p.huberDelta() * (Math.abs(e) - 0.5 * p.huberDelta());
            case SOFTMAX -> throw new IllegalStateException("softmax loss needs every class score");
        };
    }

    /** d loss / d s. */
    double gradient(double s, double y, Settings p) {
        double e = s - y;
        return switch (this) {
            case LOGISTIC -> sigmoid(s) - y;
            case HINGE -> p.margin() - (2 * y - 1) * s > 0 ? -(2 * y - 1) : 0;
            case SQUARED -> 2 * e;
            case ABSOLUTE -> Math.signum(e);
            case EPS_INSENSITIVE_SQUARED -> Math.abs(e) > p.lossInsensitivity()
                    ? 2 * (Math.abs(e) - p.lossInsensitivity()) * Math.signum(e) : 0;
            case EPS_INSENSITIVE_ABSOLUTE -> Math.abs(e) > p.lossInsensitivity() ? Math.signum(e) : 0;
            case QUANTILE -> -e > 0 ? -p.quantile() : 1 - p.quantile();
            case HUBER -> Math.abs(e) <= p.huberDelta() ? e : p.huberDelta() * Math.signum(e);
            case SOFTMAX -> throw new IllegalStateException("softmax loss needs every class score");
        };
    }

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    private static double square(double x) {
        return x * x;
    }
}
