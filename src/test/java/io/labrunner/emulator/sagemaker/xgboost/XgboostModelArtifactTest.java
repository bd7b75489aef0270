package io.labrunner.emulator.sagemaker.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact loads in open-source Python xgboost the way SageMaker's docs show for 1.7-1
 * ({@code bst = xgb.Booster(); bst.load_model('xgboost-model')}) and predicts what the emulator's Batch
 * Transform predicts.
 */
class XgboostModelArtifactTest {

    @TempDir
    Path dir;

    @Test
    void pythonXgboostLoadsTheBinaryModelAndPredictsTheSame() throws Exception {
        Datasets.Table data = Datasets.binary(1000, 6, 21);
        roundTrip(Map.of("num_round", "25", "objective", "binary:logistic", "max_depth", "4"), data, 1);
    }

    @Test
    void pythonXgboostLoadsTheMultiClassModelAndPredictsTheSame() throws Exception {
        Datasets.Table data = Datasets.classes(900, 5, 3, 22);
        roundTrip(Map.of("num_round", "10", "objective", "multi:softprob", "num_class", "3"), data, 3);
    }

    @Test
    void pythonXgboostLoadsTheRegressionModelAndPredictsTheSame() throws Exception {
        Datasets.Table data = Datasets.regression(800, 4, 23);
        roundTrip(Map.of("num_round", "30", "eta", "0.2", "subsample", "0.8", "seed", "7"), data, 1);
    }

    private void roundTrip(Map<String, String> hyperparameters, Datasets.Table data, int outputs) throws Exception {
        PythonXgboost python = PythonXgboost.find();
        assumeTrue(python != null, "no Python with xgboost: set LAB_TEST_PYTHON or install python3-xgboost");
        Path csv = Datasets.write(dir.resolve("train"), "train.csv", data.csv());
        ChannelData train = Datasets.channel("train", "text/csv", csv);
        XgboostAlgorithm xgboost = new XgboostAlgorithm();
        TrainedModel model = xgboost.train(Datasets.input(hyperparameters, train), line -> { });
        Path modelFile = Files.write(dir.resolve("xgboost-model"), model.files().get("xgboost-model"));
        Path features = Datasets.write(dir.resolve("test"), "features.csv", String.join("\n", data.csvRecords()) + "\n");

        String printed = python.exec(String.join("\n",
                "import numpy as np, xgboost as xgb",
                "bst = xgb.Booster()",
                "bst.load_model(" + pythonString(modelFile) + ")",
                "x = np.loadtxt(" + pythonString(features) + ", delimiter=',', ndmin=2)",
                "for p in bst.predict(xgb.DMatrix(x)).tolist():",
                "    print(p if isinstance(p, list) else [p])"));
        List<String> fromPython = printed.strip().lines().toList();
        List<String> fromJava = xgboost.load(model.files()).predict(data.csvRecords(), "text/csv", "text/csv");

        assertThat(fromPython).hasSameSizeAs(fromJava).hasSize(data.labels().length);
        for (int i = 0; i < fromJava.size(); i++) {
            double[] ours = numbers(fromJava.get(i));
            double[] theirs = numbers(fromPython.get(i));
            assertThat(ours).as("record %d (python xgboost %s)", i, python.version()).hasSize(outputs);
            for (int k = 0; k < outputs; k++) {
                assertThat(ours[k]).as("record %d output %d", i, k).isCloseTo(theirs[k],
                        org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    private static double[] numbers(String text) {
        String bare = text.replace("[", "").replace("]", "");
        return java.util.Arrays.stream(bare.split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
    }

    private static String pythonString(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
