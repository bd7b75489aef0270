package io.labrunner.emulator.sagemaker.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The container's hyperparameter validation, message for message (hyperparameter_validation.py). */
class XgboostHyperparametersTest {

    @Test
    void onlyNumRoundIsRequiredAndTheRestTakeTheContainersDefaults() throws AlgorithmException {
        TrainingSettings settings = XgboostHyperparameters.validate(Map.of("num_round", "50"));
        assertThat(settings.numRound()).isEqualTo(50);
        assertThat(settings.objective()).isEqualTo("reg:squarederror");
        assertThat(settings.boosterParams()).containsEntry("objective", "reg:squarederror")
                .containsEntry("base_score", "0.5").containsEntry("verbosity", "0").doesNotContainKey("num_round");
        assertThat(settings.xgboostMetrics()).isEmpty();
        assertThat(settings.earlyStoppingRounds()).isEmpty();
        assertThat(settings.treeMethodGiven()).isEmpty();
        assertThat(new XgboostTrainer(settings, null).params(1000)).containsEntry("tree_method", "exact");
        assertThat(new XgboostTrainer(settings, null).params(5_000_000)).containsEntry("tree_method", "approx");
    }

    @Test
    void aliasesNameTheSameHyperparameters() throws AlgorithmException {
        TrainingSettings settings = XgboostHyperparameters.validate(Map.of("num_round", "5", "learning_rate", "0.1",
                "reg_lambda", "2", "reg_alpha", "0.5", "min_split_loss", "1e-3"));
        assertThat(settings.boosterParams()).containsEntry("eta", "0.1").containsEntry("lambda", "2.0")
                .containsEntry("alpha", "0.5").containsEntry("gamma", "0.001");
    }

    @Test
    void evalMetricsSplitBetweenXgboostAndTheContainerAndTheLastOneDrivesEarlyStopping() throws AlgorithmException {
        TrainingSettings settings = XgboostHyperparameters.validate(Map.of("num_round", "5", "objective",
                "binary:logistic", "eval_metric", "accuracy,error@0.7,auc", "early_stopping_rounds", "3"));
        assertThat(settings.xgboostMetrics()).containsExactly("error@0.7", "auc");
        assertThat(settings.containerMetrics()).containsExactly("accuracy");
        assertThat(settings.earlyStoppingMetric()).contains("auc");
        assertThat(settings.earlyStoppingRounds()).contains(3);
    }

    @Test
    void theTuningObjectiveIsEvaluatedAndDrivesEarlyStopping() throws AlgorithmException {
        TrainingSettings settings = XgboostHyperparameters.validate(Map.of("num_round", "5", "objective",
                "binary:logistic", "eval_metric", "logloss", "early_stopping_rounds", "3",
                "_tuning_objective_metric", "validation:f1"));
        assertThat(settings.containerMetrics()).containsExactly("f1");
        assertThat(settings.xgboostMetrics()).containsExactly("logloss");
        assertThat(settings.earlyStoppingMetric()).contains("f1");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "eta|1.5|Hyperparameter eta: 1.5 is not in [0, 1]",
        "learning_rate|2|Hyperparameter eta: 2.0 is not in [0, 1]",
        "subsample|0|Hyperparameter subsample: 0.0 is not in (0, 1]",
        "max_depth|-1|Hyperparameter max_depth: -1 is not in [0, +inf)",
        "max_depth|abc|Hyperparameter max_depth: could not parse value (caused by ValueError)",
        "max_depth|6.0|Hyperparameter max_depth: could not parse value (caused by ValueError)",
        "min_child_weight|1e-7x|Hyperparameter min_child_weight: could not parse value (caused by ValueError)",
        "scale_pos_weight|0|Hyperparameter scale_pos_weight: 0.0 is not in (0, +inf)",
        "tweedie_variance_power|2|Hyperparameter tweedie_variance_power: 2.0 is not in (1, 2)",
        "seed|2147483647|Hyperparameter seed: 2147483647 is not in (-2147483648, 2147483647)",
        "booster|gbm|Hyperparameter booster: gbm is not in ['gbtree', 'gblinear', 'dart']",
        "tree_method|fast|Hyperparameter tree_method: fast is not in ['auto', 'exact', 'approx', 'hist', 'gpu_hist']",
        "num_class|1|Hyperparameter num_class: 1 is not in [2, +inf)",
        "objective|binary:logistics|Hyperparameter objective: binary:logistics is not in ['aft_loss_distribution', "
                + "'binary:logistic', 'binary:logitraw', 'binary:hinge', 'count:poisson', 'multi:softmax', "
                + "'multi:softprob', 'rank:pairwise', 'rank:ndcg', 'rank:map', 'reg:linear', 'reg:squarederror', "
                + "'reg:logistic', 'reg:gamma', 'reg:pseudohubererror', 'reg:squaredlogerror', 'reg:absoluteerror', "
                + "'reg:tweedie', 'survival:aft', 'survival:cox']",
        "eval_metric|auc@2|Metric 'auc@2' is not supported. Parameter 'eval_metric' with customized threshold should "
                + "be one of these options: 'error', 'ndcg', 'map'.",
        "eval_metric|error@high|Threshold value 't' in 'error@t' expects float input.",
        "silent|1|Extraneous hyperparameter found: silent",
        "num_rounds|10|Extraneous hyperparameter found: num_rounds",
    })
    void badValuesFailWithTheContainersMessage(String name, String value, String message) {
        Map<String, String> hyperparameters = new HashMap<>(Map.of("num_round", "10"));
        hyperparameters.put(name, value);
        assertThatThrownBy(() -> XgboostHyperparameters.validate(hyperparameters))
                .isInstanceOf(AlgorithmException.class).hasMessage("ClientError: " + message);
    }

    @Test
    void anUnknownEvalMetricIsListedWithTheOnesTheContainerKnows() {
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "1", "eval_metric", "rmse,auroc")))
                .hasMessageStartingWith("ClientError: Hyperparameter eval_metric: value ['rmse', 'auroc'] not in range "
                        + "['accuracy', 'auc', 'aucpr',")
                .hasMessageEndingWith("'rmsle', 'tweedie-nloglik']");
    }

    @Test
    void numRoundIsRequiredBeforeAnythingElseIsLookedAt() {
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("eta", "7", "bogus", "1")))
                .hasMessage("ClientError: Missing required hyperparameter: num_round");
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "0")))
                .hasMessage("ClientError: Hyperparameter num_round: 0 is not in [1, +inf)");
    }

    @Test
    void checksBetweenHyperparametersComeAfterEachOnesOwnRange() {
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "5", "objective", "multi:softprob")))
                .hasMessage("ClientError: Require input for parameter 'num_class' for multi-classification");
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "5", "eval_metric", "auc")))
                .hasMessage("ClientError: Metric 'auc' can only be applied for classification and ranking problems.");
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "5",
                "monotone_constraints", "(1,-1)")))
                .hasMessage("ClientError: monotone_constraints can be used only when the tree_method parameter is set "
                        + "to either 'exact' or 'hist'.");
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "5", "booster", "gblinear",
                "updater", "grow_colmaker")))
                .hasMessage("ClientError: Linear updater should be one of these options: 'shotgun', 'coord_descent'.");
    }

    @Test
    void whatOnlyARealInstanceRunsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "5", "tree_method", "gpu_hist")))
                .hasMessageContaining("GPU").hasMessageContaining("--target aws");
        assertThatThrownBy(() -> XgboostHyperparameters.validate(Map.of("num_round", "5", "_kfold", "5")))
                .hasMessageContaining("cross-validation").hasMessageContaining("--target aws");
    }

    @Test
    void pythonSpellsNumbersItsOwnWay() {
        assertThat(PythonNumbers.repr(0.1)).isEqualTo("0.1");
        assertThat(PythonNumbers.repr(2)).isEqualTo("2.0");
        assertThat(PythonNumbers.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonNumbers.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonNumbers.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonNumbers.repr(123456789012345678d)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonNumbers.repr(0.1f)).isEqualTo("0.10000000149011612");
        assertThat(PythonNumbers.repr(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(PythonNumbers.parseFloat(" 1_000.5 ")).hasValue(1000.5);
        assertThat(PythonNumbers.parseFloat("1.5f")).isEmpty();
        assertThat(PythonNumbers.parseInt("+7")).hasValue(7);
        assertThat(PythonNumbers.parseInt("7.0")).isEmpty();
    }
}
