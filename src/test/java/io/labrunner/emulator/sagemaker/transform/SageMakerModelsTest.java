package io.labrunner.emulator.sagemaker.transform;

import static io.labrunner.emulator.sagemaker.transform.TransformFixture.ROLE;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SUM_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelSummary;
import software.amazon.awssdk.services.sagemaker.model.OrderKey;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

class SageMakerModelsTest {
    private final TransformFixture fixture = new TransformFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aModelIsCreatedDescribedListedAndDeleted() {
        String url = fixture.uploadModel("out/churn/output/model.tar.gz", 1);
        String arn = fixture.sagemaker.createModel(r -> r.modelName("Churn-Model").executionRoleArn(ROLE)
                .primaryContainer(c -> c.image(SUM_IMAGE).modelDataUrl(url).environment(java.util.Map.of("A", "1")))
                .tags(t -> t.key("lab:run-id").value("r1"))).modelArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:model/churn-model");
        DescribeModelResponse model = fixture.sagemaker.describeModel(r -> r.modelName("Churn-Model"));
        assertThat(model.modelName()).isEqualTo("Churn-Model");
        assertThat(model.modelArn()).isEqualTo(arn);
        assertThat(model.executionRoleArn()).isEqualTo(ROLE);
        assertThat(model.primaryContainer().image()).isEqualTo(SUM_IMAGE);
        assertThat(model.primaryContainer().modelDataUrl()).isEqualTo(url);
        assertThat(model.primaryContainer().environment()).containsEntry("A", "1");
        assertThat(model.creationTime()).isNotNull();
        assertThat(model.enableNetworkIsolation()).isFalse();
        assertThat(fixture.tags(arn)).containsEntry("lab:run-id", "r1");
        assertThat(fixture.sagemaker.listModels(r -> { }).models()).extracting(ModelSummary::modelName)
                .containsExactly("Churn-Model");

        fixture.sagemaker.deleteModel(r -> r.modelName("churn-model"));

        assertThat(fixture.sagemaker.listModels(r -> { }).models()).isEmpty();
        assertThat(fixture.tags(arn)).isEmpty();
    }

    @Test
    void aModelNameIsTakenWhateverItsCase() {
        fixture.createModel("churn", SUM_IMAGE, 1);

        assertThatThrownBy(() -> fixture.createModel("CHURN", SUM_IMAGE, 1))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Cannot create already existing model "
                                    + "\"arn:aws:sagemaker:us-east-1:000000000000:model/churn\".");
                });
    }

    @Test
    void anUnknownModelIsNotFoundByDescribeOrDelete() {
        String expected = "Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/nope\".";
        assertThatThrownBy(() -> fixture.sagemaker.describeModel(r -> r.modelName("nope")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected);
                });
        assertThatThrownBy(() -> fixture.sagemaker.deleteModel(r -> r.modelName("nope")))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected));
    }

    @Test
    void createModelRefusesModelDataThatIsNotThereAndKeepsNothing() {
        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)
                .primaryContainer(c -> c.image(SUM_IMAGE).modelDataUrl("s3://data/missing/model.tar.gz"))))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Could not find model data at s3://data/missing/model.tar.gz.");
                });
        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("m2").executionRoleArn(ROLE)
                .primaryContainer(c -> c.image(SUM_IMAGE).modelDataUrl("s3://no-such-bucket/model.tar.gz"))))
                .isInstanceOf(SageMakerException.class);

        assertThat(fixture.sagemaker.listModels(r -> { }).models()).isEmpty();
    }

    @Test
    void createModelNeedsAContainerAndAValidName() {
        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("bad_name").executionRoleArn(ROLE)
                .primaryContainer(c -> c.image(SUM_IMAGE))))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("Value 'bad_name' at 'modelName' failed to satisfy constraint"));
        assertThat(fixture.sagemaker.listModels(r -> { }).models()).isEmpty();
    }

    @Test
    void listModelsFiltersSortsAndPages() {
        for (String name : List.of("churn-b", "churn-a", "fraud", "churn-c")) {
            fixture.createModel(name, SUM_IMAGE, 1);
        }

        assertThat(fixture.sagemaker.listModels(r -> r.nameContains("CHURN").sortBy("Name")
                .sortOrder(OrderKey.ASCENDING)).models()).extracting(ModelSummary::modelName)
                .containsExactly("churn-a", "churn-b", "churn-c");
        // Newest first by default.
        assertThat(fixture.sagemaker.listModels(r -> { }).models()).extracting(ModelSummary::modelName)
                .first().isEqualTo("churn-c");

        var first = fixture.sagemaker.listModels(r -> r.sortBy("Name").sortOrder(OrderKey.ASCENDING).maxResults(3));
        assertThat(first.models()).extracting(ModelSummary::modelName).containsExactly("churn-a", "churn-b", "churn-c");
        var second = fixture.sagemaker.listModels(r -> r.sortBy("Name").sortOrder(OrderKey.ASCENDING).maxResults(3)
                .nextToken(first.nextToken()));
        assertThat(second.models()).extracting(ModelSummary::modelName).containsExactly("fraud");
        assertThat(second.nextToken()).isNull();
        assertThat(fixture.sagemaker.listModelsPaginator(r -> r.maxResults(1)).models()).hasSize(4);

        assertThatThrownBy(() -> fixture.sagemaker.listModels(r -> r.nextToken("not-a-token")))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }
}
