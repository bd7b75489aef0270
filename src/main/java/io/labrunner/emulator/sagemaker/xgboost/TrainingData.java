package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A channel's files read in one format, as the container reads {@code /opt/ml/input/data/<channel>}. */
final class TrainingData {

    private TrainingData() {
    }

    /**
     * Reads every file of the channel, one after the other.
     *
     * @return the rows, or null when the channel's files hold no bytes at all
     */
    static LabeledData read(ChannelData channel, ContentFormat format, boolean csvWeights, ContainerLog log)
            throws AlgorithmException {
        List<Path> files = channel.files().stream().filter(TrainingData::hasBytes).toList();
        if (files.isEmpty()) {
            return null;
        }
        try {
            LabeledData data;
            switch (format) {
                case CSV -> {
                    char delimiter = CsvReader.delimiter(CsvReader.firstLine(files.get(0)));
                    log.info("Determined delimiter of CSV input is '" + delimiter + "'");
                    data = CsvReader.read(files, delimiter, csvWeights);
                }
                case LIBSVM -> data = LibsvmReader.read(files);
                default -> data = ParquetReader.read(files);
            }
            if (data.rows() == 0) {
                throw AlgorithmException.clientError("Got input data without labels. Please check the input data set.");
            }
            return data;
        } catch (IOException | UncheckedIOException e) {
            throw AlgorithmException.clientError("Failed to load " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " data with exception:\n" + e.getMessage());
        }
    }

    private static boolean hasBytes(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
