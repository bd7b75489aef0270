package io.labrunner.emulator.sagemaker.linearlearner;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Mini-batch training of one linear model: shuffled batches each epoch, the chosen optimizer, L2 in the
 * gradient and L1 as a proximal step, a step-wise learning-rate schedule, and early stopping on the
 * validation channel (the training data when there is none) that keeps the best epoch's model.
 * The container trains {@code num_models} models in parallel and keeps the best; this trains one.
 */
final class Trainer {
    /** The seed of initialization and shuffling: the same job trains the same model. */
    private static final long SEED = 17;
    private static final int CRITERION_SAMPLE = 10_000;

    private final Settings settings;
    private final ContainerLog log;
    private final BooleanSupplier stopRequested;

    Trainer(Settings settings, ContainerLog log, BooleanSupplier stopRequested) {
        this.settings = settings;
        this.log = log;
        this.stopRequested = stopRequested;
    }

    /** What training produced: the best model (threshold still to be chosen) and the last epoch's train loss. */
    record Result(LinearModel model, double lastTrainObjective, int epochsRun) {
    }

    Result train(Dataset train, Dataset validation) throws AlgorithmException {
        Scaler scaler = Scaler.fit(train, settings);
        Dataset normalized = scaler.apply(train);
        int dim = train.dim();
        int outputs = settings.outputs();
        Random random = new Random(SEED);
        double[][] weights = new double[outputs][dim];
        double[] bias = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < dim; j++) {
                weights[k][j] = settings.initNormal() ? random.nextGaussian() * settings.initSigma()
                        : (random.nextDouble() * 2 - 1) * settings.initScale();
            }
            bias[k] = settings.useBias() ? settings.initBias() : 0;
        }
        double[] sampleWeights = sampleWeights(train);
        Optimizer[] weightSteps = new Optimizer[outputs];
        for (int k = 0; k < outputs; k++) {
            weightSteps[k] = new Optimizer(settings.optimizer(), dim, settings);
        }
        Optimizer biasStep = new Optimizer(settings.optimizer(), outputs, settings);
        int[] order = new int[train.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double lr = settings.learningRate();
        long updates = 0;
        Dataset monitored = validation != null ? validation : train;
        boolean byLoss = settings.predictorType() != PredictorType.BINARY_CLASSIFIER
                || "loss_function".equals(settings.selectionCriteria());
        String criteria = byLoss ? settings.loss().objectiveName() : "sampled_" + settings.selectionCriteria();
        LinearModel best = null;
        double bestValue = Double.NaN;
        int sinceImprovement = 0;
        double lastTrainObjective = Double.NaN;
        int epoch = 0;
        double[][] gradW = new double[outputs][dim];
        double[] gradB = new double[outputs];
        for (; epoch < settings.epochs(); epoch++) {
            long started = System.nanoTime();
            shuffle(order, random);
            for (int from = 0; from < order.length; from += settings.miniBatchSize()) {
                if (stopRequested.getAsBoolean()) {
                    throw AlgorithmException.stopped();
                }
                int to = Math.min(order.length, from + settings.miniBatchSize());
                accumulate(normalized, order, from, to, weights, bias, sampleWeights, gradW, gradB);
                for (int k = 0; k < outputs; k++) {
                    weightSteps[k].step(weights[k], gradW[k], lr, settings.l1());
                }
                if (settings.useBias()) {
                    biasStep.step(bias, gradB, lr * settings.biasLrMult(), 0);
                }
                updates++;
                if (settings.useLrScheduler() && updates % settings.lrSchedulerStep() == 0) {
                    lr = Math.max(settings.lrSchedulerMinimumLr(), lr * settings.lrSchedulerFactor());
                }
            }
            LinearModel current = scaler.fold(weights, bias, settings.predictorType(), settings.loss(),
                    defaultThreshold());
            lastTrainObjective = Evaluation.objective(current, train, settings);
            log.info(String.format(Locale.ROOT, "#quality_metric: host=%s, epoch=%d, train %s <loss>=%s",
                    ContainerLog.HOST, epoch, settings.loss().objectiveName(), number(lastTrainObjective)));
            if (validation != null) {
                log.info(String.format(Locale.ROOT, "#quality_metric: host=%s, epoch=%d, validation %s <loss>=%s",
                        ContainerLog.HOST, epoch, settings.loss().objectiveName(),
                        number(Evaluation.objective(current, validation, settings))));
            }
            double value = byLoss ? Evaluation.objective(current, monitored, settings)
                    : criterionValue(current, monitored);
            log.info(String.format(Locale.ROOT, "#early_stopping_criteria_metric: host=%s, epoch=%d, criteria=%s, "
                    + "value=%s", ContainerLog.HOST, epoch, criteria, number(value)));
            if (best == null || improved(bestValue, value, byLoss)) {
                log.info("Epoch " + epoch + ": Loss improved. Updating best model");
                best = current;
                bestValue = value;
                sinceImprovement = 0;
            } else {
                sinceImprovement++;
                log.info("Epoch " + epoch + ": Loss has not improved for " + sinceImprovement + " epochs.");
            }
            log.info(String.format(Locale.ROOT, "#progress_metric: host=%s, completed %s %% of epochs",
                    ContainerLog.HOST, number(100.0 * (epoch + 1) / settings.epochs())));
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            log.info(String.format(Locale.ROOT, "#throughput_metric: host=%s, train throughput=%s records/second",
                    ContainerLog.HOST, number(train.rows() / seconds)));
            if (sinceImprovement >= settings.earlyStoppingPatience()) {
                log.info("Early stop condition met. Stopping training.");
                epoch++;
                break;
            }
        }
        return new Result(best, lastTrainObjective, epoch);
    }

    private double defaultThreshold() {
        return settings.loss() == Loss.LOGISTIC ? 0.5 : 0.0;
    }

    /**
     * The binary criterion at its best threshold on the first {@value #CRITERION_SAMPLE} monitored examples,
     * as the container's {@code sampled_accuracy}-style early-stopping criteria do.
     */
    private double criterionValue(LinearModel model, Dataset data) {
        int n = Math.min(data.rows(), CRITERION_SAMPLE);
        double[] scores = new double[n];
        for (int r = 0; r < n; r++) {
            scores[r] = model.scores(data.features(), r * data.dim())[0];
        }
        return ThresholdSweep.best(scores, java.util.Arrays.copyOf(data.labels(), n), settings.selectionCriteria(),
                settings).value();
    }

    /** A relative improvement larger than early_stopping_tolerance. */
    private boolean improved(double best, double value, boolean lowerIsBetter) {
        double gain = lowerIsBetter ? best - value : value - best;
        return gain > settings.earlyStoppingTolerance() * Math.max(Math.abs(best), 1e-12);
    }

    /**
     * Per-example weights: positive_example_weight_mult for binary positives ({@code balanced}: negatives
     * over positives), or balance_multiclass_weights' inverse class frequencies.
     */
    private double[] sampleWeights(Dataset train) {
        double[] weights = new double[train.rows()];
        java.util.Arrays.fill(weights, 1.0);
        double[] labels = train.labels();
        if (settings.predictorType() == PredictorType.BINARY_CLASSIFIER) {
            double positives = 0;
            for (double y : labels) {
                positives += y > 0.5 ? 1 : 0;
            }
            double mult = Double.isNaN(settings.positiveWeight())
                    ? (positives == 0 ? 1 : (labels.length - positives) / positives) : settings.positiveWeight();
            for (int i = 0; i < labels.length; i++) {
                weights[i] = labels[i] > 0.5 ? mult : 1;
            }
        } else if (settings.predictorType() == PredictorType.MULTICLASS_CLASSIFIER
                && settings.balanceMulticlassWeights()) {
            double[] counts = new double[settings.numClasses()];
            for (double y : labels) {
                counts[(int) y]++;
            }
            for (int i = 0; i < labels.length; i++) {
                weights[i] = labels.length / (settings.numClasses() * counts[(int) labels[i]]);
            }
        }
        return weights;
    }

    /** The mean gradient of the batch's loss, plus weight decay, into {@code gradW} and {@code gradB}. */
    private void accumulate(Dataset data, int[] order, int from, int to, double[][] weights, double[] bias,
                            double[] sampleWeights, double[][] gradW, double[] gradB) {
        int dim = data.dim();
        int outputs = bias.length;
        for (int k = 0; k < outputs; k++) {
            java.util.Arrays.fill(gradW[k], 0);
        }
        java.util.Arrays.fill(gradB, 0);
        double total = 0;
        double[] x = data.features();
        double[] raw = new double[outputs];
        double[] g = new double[outputs];
        for (int b = from; b < to; b++) {
            int row = order[b];
            int offset = row * dim;
            for (int k = 0; k < outputs; k++) {
                double s = bias[k];
                double[] w = weights[k];
                for (int j = 0; j < dim; j++) {
                    s += w[j] * x[offset + j];
                }
                raw[k] = s;
            }
            double y = data.labels()[row];
            double weight = sampleWeights[row];
            if (settings.predictorType() == PredictorType.MULTICLASS_CLASSIFIER) {
                double[] p = LinearModel.softmax(raw);
                for (int k = 0; k < outputs; k++) {
                    g[k] = (p[k] - (k == (int) y ? 1 : 0)) * weight;
                }
            } else {
                g[0] = settings.loss().gradient(raw[0], y, settings) * weight;
            }
            for (int k = 0; k < outputs; k++) {
                if (g[k] != 0) {
                    double[] gw = gradW[k];
                    for (int j = 0; j < dim; j++) {
                        gw[j] += g[k] * x[offset + j];
                    }
                    gradB[k] += g[k];
                }
            }
            total += weight;
        }
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < dim; j++) {
                gradW[k][j] = gradW[k][j] / total + settings.wd() * weights[k][j];
            }
            gradB[k] = gradB[k] / total + settings.wd() * settings.biasWdMult() * bias[k];
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Numbers as the container prints them: plain decimals. */
    static String number(double value) {
        return Double.toString(value);
    }
}
