package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.kinds.BedrockKinds;
import io.labrunner.core.kinds.GlueKinds;
import io.labrunner.core.kinds.IamKinds;
import io.labrunner.core.kinds.KinesisKinds;
import io.labrunner.core.kinds.S3Kinds;
import io.labrunner.core.kinds.SageMakerKinds;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class ResourceDeleterTest {

    private static AwsServiceException error(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void eachKindIsGoneOnlyOnItsOwnNotFoundCode() {
        assertThat(S3Kinds.BUCKET.isNotFound(error("NoSuchBucket", 404))).isTrue();
        assertThat(IamKinds.ROLE.isNotFound(error("NoSuchEntity", 404))).isTrue();
        assertThat(GlueKinds.CRAWLER.isNotFound(error("EntityNotFoundException", 400))).isTrue();
        assertThat(KinesisKinds.STREAM.isNotFound(error("ResourceNotFoundException", 400))).isTrue();
        assertThat(BedrockKinds.GUARDRAIL.isNotFound(error("ResourceNotFoundException", 404))).isTrue();
    }

    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void sageMakerSaysGoneOnlyInTheMessageOfAValidationException() {
        assertThat(SageMakerKinds.MODEL.isNotFound(error("ValidationException",
                "Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/m\"."))).isTrue();
        assertThat(SageMakerKinds.TRANSFORM_JOB.isNotFound(error("ValidationException",
                "Could not find requested job with name j"))).isTrue();
        assertThat(SageMakerKinds.MODEL.isNotFound(error("ValidationException",
                "1 validation error detected: Value 'a_b' at 'modelName' failed to satisfy constraint"))).isFalse();
        assertThat(SageMakerKinds.TRANSFORM_JOB.isNotFound(error("ValidationException",
                "Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/m\"."))).isFalse();
    }

    @Test
    void aMissingUploadOrKeyWhileEmptyingABucketDoesNotMeanTheBucketIsGone() {
        assertThat(S3Kinds.BUCKET.isNotFound(error("NoSuchUpload", 404))).isFalse();
        assertThat(S3Kinds.BUCKET.isNotFound(error("NoSuchKey", 404))).isFalse();
        assertThat(S3Kinds.BUCKET.isNotFound(error("AccessDenied", 403))).isFalse();
        assertThat(GlueKinds.DATABASE.isNotFound(error("ResourceNotFoundException", 400))).isFalse();
    }
}
