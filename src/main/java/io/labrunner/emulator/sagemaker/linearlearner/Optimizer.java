package io.labrunner.emulator.sagemaker.linearlearner;

/**
 * One parameter vector's update rule (Adam, SGD with momentum, or RMSProp), with its own state. L2
 * (wd) enters the gradient; L1 is applied after the step as soft-thresholding (the proximal step), so
 * weights can reach exactly zero.
 */
final class Optimizer {
    private static final double EPSILON = 1e-8;
    private static final double RMS_DECAY = 0.9;

    enum Kind {
        ADAM(0.1), SGD(0.05), RMSPROP(0.01);

        /** What {@code learning_rate=auto} means here (the container searches a grid; this picks one point). */
        private final double defaultLearningRate;

        Kind(double defaultLearningRate) {
            this.defaultLearningRate = defaultLearningRate;
        }

        double defaultLearningRate() {
            return defaultLearningRate;
        }
    }

    private final Kind kind;
    private final double beta1;
    private final double beta2;
    private final double momentum;
    private final double[] first;
    private final double[] second;
    private long steps;

    Optimizer(Kind kind, int size, Settings settings) {
        this.kind = kind;
        this.beta1 = settings.beta1();
        this.beta2 = settings.beta2();
        this.momentum = settings.momentum();
        this.first = new double[size];
        this.second = new double[size];
    }

    /** One step on {@code params} with {@code gradient}, at learning rate {@code lr}; L1 strength {@code l1}. */
    void step(double[] params, double[] gradient, double lr, double l1) {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            double update;
            switch (kind) {
                case ADAM -> {
                    first[i] = beta1 * first[i] + (1 - beta1) * g;
                    second[i] = beta2 * second[i] + (1 - beta2) * g * g;
                    update = lr * (first[i] / correction1) / (Math.sqrt(second[i] / correction2) + EPSILON);
                }
                case SGD -> {
                    first[i] = momentum * first[i] + g;
                    update = lr * first[i];
                }
                default -> {
                    second[i] = RMS_DECAY * second[i] + (1 - RMS_DECAY) * g * g;
                    update = lr * g / (Math.sqrt(second[i]) + EPSILON);
                }
            }
            double w = params[i] - update;
            if (l1 > 0) {
                double shrink = lr * l1;
                w = Math.signum(w) * Math.max(0, Math.abs(w) - shrink);
            }
            params[i] = w;
        }
    }
}
