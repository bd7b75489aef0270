package io.labrunner.emulator.sagemaker.xgboost;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channels and data the container refuses, each with its ClientError and never a stack trace. */
class XgboostBadInputTest {
    private static final Map<String, String> HYPERPARAMETERS = Map.of("num_round", "3", "objective", "binary:logistic");

    @TempDir
    Path dir;

    @Test
    void theTrainChannelIsRequiredAndOnlyKnownChannelsAreAccepted() {
        ChannelData validation = csvChannel("validation", "1,2\n0,1\n");
        fails(validation).hasMessage("ClientError: Missing required channel: train");
        fails(csvChannel("train", "1,2\n"), csvChannel("test", "1,2\n"))
                .hasMessage("ClientError: Extraneous channel found: test");
    }

    @Test
    void anEmptyChannelHasNoData() {
        fails(csvChannel("train", "")).hasMessage("ClientError: No data in training channel path /opt/ml/input/data/train");
        fails(csvChannel("train", "1,2\n0,3\n"), csvChannel("validation", ""))
                .hasMessage("ClientError: No data in validation channel path /opt/ml/input/data/validation");
        // The container sniffs the delimiter from the very first line, blank or not.
        fails(csvChannel("train", "\n1,2\n")).hasMessage("ClientError: Could not determine delimiter on line :\nCould not determine delimiter");
        Path blank = Datasets.write(dir.resolve("blank"), "train.libsvm", "\n\n");
        fails(Datasets.channel("train", "text/libsvm", blank))
                .hasMessageStartingWith("ClientError: Got input data without labels.");
    }

    @Test
    void aHeaderRowIsCalledOut() {
        fails(csvChannel("train", "churned,age,plan\n1,34,2\n0,51,1\n"))
                .hasMessage("ClientError: Non-numeric value 'churned' found in the header line 'churned,age,plan...' of "
                        + "file 'train.csv'. CSV format requires no header in it. If the header line is already removed, "
                        + "XGBoost does not support non-numeric values in the data.");
    }

    @Test
    void aNonNumericLabelOrValueSaysWhereItIs() {
        fails(csvChannel("train", "1,2.5,3\n0,1.5,2\nyes,4,4\n"))
                .hasMessage("ClientError: Failed to load csv data with exception:\nnon-numeric value 'yes' in the label "
                        + "(column 1) of line 3 of file 'train.csv'. XGBoost does not support non-numeric values in the data.");
        fails(csvChannel("train", "1,2.5,3\n0,1.5,gold\n"))
                .hasMessageContaining("non-numeric value 'gold' in the column 3 of line 2 of file 'train.csv'");
        fails(csvChannel("train", "1,2.5,3\n,1.5,2\n"))
                .hasMessageContaining("line 2 of file 'train.csv' has no label");
    }

    @Test
    void csvWithoutAContentTypeIsReadAsLibsvmAndRefusedAsTheContainerDoes() {
        Path file = Datasets.write(dir.resolve("train"), "train.csv", "1,2.5,3\n0,1.5,2\n");
        fails(Datasets.channel("train", null, file))
                .hasMessage("ClientError: First line '1,2.5,3...' of file 'train.csv' is not 'LIBSVM' format. Please "
                        + "ensure the file is in 'LIBSVM' format.");
    }

    @Test
    void aMalformedLibsvmLineAfterTheFirstSaysWhichAndWhy() {
        Path file = Datasets.write(dir.resolve("train"), "train.libsvm", "1 0:2.5 1:3\n0 0:1.5 1-2\n");
        fails(Datasets.channel("train", "text/libsvm", file))
                .hasMessage("ClientError: Failed to load libsvm data with exception:\nline 2 of file 'train.libsvm': "
                        + "'1-2' is not <index>:<value>");
    }

    @Test
    void contentTypesTheContainerDoesNotReadAreRefused() {
        Path file = Datasets.write(dir.resolve("train"), "train.json", "{}");
        fails(Datasets.channel("train", "application/json", file))
                .hasMessage("ClientError: application/json is not an accepted ContentType: csv, libsvm, parquet, "
                        + "recordio-protobuf, text/csv, text/libsvm, text/x-libsvm, application/x-parquet, "
                        + "application/x-recordio-protobuf.");
        fails(Datasets.channel("train", "text/csv;label_size=2", file))
                .hasMessage("ClientError: text/csv;label_size=2 is not an accepted csv ContentType. Optional parameter "
                        + "label_size must be equal to 1");
    }

    @Test
    void labelsOutOfRangeForTheObjectiveAreTheCustomersError() {
        fails(csvChannel("train", "1,2.5,3\n0,1.5,2\n2,4,4\n")).hasMessageStartingWith("ClientError: ")
                .hasMessageContaining("for logistic regression")
                .hasMessageNotContaining("Stack trace");
    }

    @Test
    void hyperparametersAreValidatedBeforeTheData() {
        assertThatThrownBy(() -> new XgboostAlgorithm().train(Datasets.input(Map.of("eta", "0.1")), line -> { }))
                .hasMessage("ClientError: Missing required hyperparameter: num_round");
    }

    private ChannelData csvChannel(String name, String text) {
        return Datasets.channel(name, "text/csv", Datasets.write(dir.resolve(name + System.nanoTime()), name + ".csv", text));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(ChannelData... channels) {
        return assertThatThrownBy(() -> new XgboostAlgorithm().train(Datasets.input(HYPERPARAMETERS, channels), line -> { }))
                .isInstanceOf(AlgorithmException.class);
    }
}
