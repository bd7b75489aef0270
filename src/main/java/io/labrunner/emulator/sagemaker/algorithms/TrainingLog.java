package io.labrunner.emulator.sagemaker.algorithms;

/** Where a training container's output goes: the job's CloudWatch Logs stream. */
@FunctionalInterface
public interface TrainingLog {

    /** One line, as the container prints it, e.g. {@code [3]#011train-auc:0.91#011validation-auc:0.88}. */
    void line(String text);
}
