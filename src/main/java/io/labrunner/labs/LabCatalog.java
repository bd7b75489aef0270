package io.labrunner.labs;

import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.core.Suggestions;
import io.labrunner.labs.athenactas.AthenaCtasParquetLab;
import io.labrunner.labs.bedrockguardrails.BedrockGuardrailsLab;
import io.labrunner.labs.bedrockrag.BedrockRagLab;
import io.labrunner.labs.firehosevsstreams.FirehoseVsStreamsLab;
import io.labrunner.labs.kinesisstreams.KinesisStreamsLab;
import io.labrunner.labs.messydata.MessyDataLab;
import io.labrunner.labs.s3dataformats.S3DataFormatsLab;
import io.labrunner.labs.s3glueathena.S3GlueAthenaLab;
import io.labrunner.labs.sagemakertuning.SageMakerTuningLab;
import io.labrunner.labs.sagemakerxgboost.SageMakerXgboostLab;
import java.util.List;
import java.util.Optional;

/** Every lab Lab Runner ships, in the order a learner would take them. */
public final class LabCatalog {
    private final List<Lab> labs;

    public LabCatalog(List<Lab> labs) {
        this.labs = List.copyOf(labs);
    }

    public static LabCatalog builtIn() {
        return new LabCatalog(List.of(new S3DataFormatsLab(), new S3GlueAthenaLab(), new AthenaCtasParquetLab(),
                new KinesisStreamsLab(), new FirehoseVsStreamsLab(), new BedrockRagLab(), new BedrockGuardrailsLab(),
                new MessyDataLab(), new SageMakerXgboostLab(), new SageMakerTuningLab()));
    }

    public List<Lab> all() {
        return labs;
    }

    public Optional<Lab> find(String id) {
        return labs.stream().filter(l -> l.info().id().equals(id)).findFirst();
    }

    /** The lab with this id, or a one-line error that suggests the closest id. */
    public Lab get(String id) {
        return find(id).orElseThrow(() -> new LabException("Unknown lab '" + id + "'."
                + closest(id).map(c -> " Did you mean '" + c + "'?").orElse("")
                + " See 'lab list' for all labs."));
    }

    private Optional<String> closest(String id) {
        return Suggestions.closest(id, labs.stream().map(l -> l.info().id()).toList());
    }
}
