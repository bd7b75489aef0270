package io.labrunner.emulator.sagemaker;

import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import io.labrunner.emulator.sagemaker.algorithms.TrainingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a built-in algorithm: "trains" by counting the lines of its {@code train} channel, one
 * round per {@code rounds} hyperparameter (each {@code round_ms} long), and fails on {@code fail=client}.
 */
public final class FakeAlgorithm implements Algorithm {
    private final String repository;

    public FakeAlgorithm(String repository) {
        this.repository = repository;
    }

    @Override
    public String repository() {
        return repository;
    }

    @Override
    public List<MetricDefinition> metrics() {
        return List.of(new MetricDefinition("train:lines", true));
    }

    @Override
    public TrainedModel train(TrainingInput input, TrainingLog log) throws AlgorithmException {
        if ("client".equals(input.hyperParameters().get("fail"))) {
            throw AlgorithmException.clientError("Hyperparameter 'fail' is set, so training fails.");
        }
        ChannelData train = input.channels().get("train");
        if (train == null) {
            throw AlgorithmException.clientError("Channel 'train' is required.");
        }
        StringBuilder content = new StringBuilder();
        long lines = 0;
        for (Path file : train.files()) {
            try {
                String text = Files.readString(file);
                content.append(text);
                lines += text.lines().count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int rounds = Integer.parseInt(input.hyperParameters().getOrDefault("rounds", "1"));
        long roundMillis = Long.parseLong(input.hyperParameters().getOrDefault("round_ms", "0"));
        for (int round = 0; round < rounds; round++) {
            if (input.stopRequested().getAsBoolean()) {
                throw AlgorithmException.stopped();
            }
            log.line("[" + round + "]#011train-lines:" + lines);
            try {
                Thread.sleep(roundMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AlgorithmException.stopped();
            }
        }
        return new TrainedModel(Map.of("fake-model", content.toString().getBytes(StandardCharsets.UTF_8),
                "files.txt", String.valueOf(train.files().size()).getBytes(StandardCharsets.UTF_8)),
                List.of(new TrainedModel.FinalMetric("train:lines", lines)));
    }

    @Override
    public Predictor load(Map<String, byte[]> modelFiles) {
        return (records, contentType, accept) -> records.stream().map(r -> "0").toList();
    }
}
