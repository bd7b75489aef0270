package io.labrunner.labs;

import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.core.Suggestions;
import io.labrunner.labs.athenactas.AthenaCtasParquetLab;
import io.labrunner.labs.bedrockguardrails.BedrockGuardrailsLab;
import io.labrunner.labs.bedrockrag.BedrockRagLab;
import io.labrunner.labs.encryptmldata.EncryptMlDataLab;
import io.labrunner.labs.firehosevsstreams.FirehoseVsStreamsLab;
import io.labrunner.labs.iamleastprivilege.IamLeastPrivilegeLab;
import io.labrunner.labs.kinesisstreams.KinesisStreamsLab;
import io.labrunner.labs.messydata.MessyDataLab;
import io.labrunner.labs.mlpipeline.MlPipelineLab;
import io.labrunner.labs.modelmonitoring.ModelMonitoringLab;
import io.labrunner.labs.s3dataformats.S3DataFormatsLab;
import io.labrunner.labs.s3glueathena.S3GlueAthenaLab;
import io.labrunner.labs.sagemakerendpoint.SageMakerEndpointLab;
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
                new MessyDataLab(), new SageMakerXgboostLab(), new SageMakerTuningLab(),
                new SageMakerEndpointLab(), new ModelMonitoringLab(), new IamLeastPrivilegeLab(),
                new EncryptMlDataLab(), new MlPipelineLab()));
    }

    public List<Lab> all() {
        return labs;
    }

    public Optional<Lab> find(String id) {
        return labs.stream().filter(l -> l.info().id().equals(id)).findFirst();
    }

    /** The lab with this id, or a one-line error that suggests the ids that were likely meant. */
    public Lab get(String id) {
        return find(id).orElseThrow(() -> new LabException("Unknown lab '" + id + "'." + suggestion(id)
                + " See 'lab list' for all labs."));
    }

    /** {@code kinesis} → " Did you mean 'kinesis-streams'?"; {@code s3} → " Did you mean 's3-data-formats' or …?". */
    private String suggestion(String id) {
        List<String> meant = Suggestions.all(id, labs.stream().map(l -> l.info().id()).toList());
        if (meant.isEmpty()) {
            return "";
        }
        List<String> quoted = meant.stream().limit(4).map(m -> "'" + m + "'").toList();
        String last = quoted.get(quoted.size() - 1);
        return " Did you mean " + (quoted.size() == 1 ? last
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + last) + "?";
    }
}
