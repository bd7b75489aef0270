package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(ResourceDeleter.isNotFound(ResourceType.S3_BUCKET, error("NoSuchBucket", 404))).isTrue();
        assertThat(ResourceDeleter.isNotFound(ResourceType.IAM_ROLE, error("NoSuchEntity", 404))).isTrue();
        assertThat(ResourceDeleter.isNotFound(ResourceType.GLUE_CRAWLER, error("EntityNotFoundException", 400))).isTrue();
        assertThat(ResourceDeleter.isNotFound(ResourceType.KINESIS_STREAM, error("ResourceNotFoundException", 400))).isTrue();
        assertThat(ResourceDeleter.isNotFound(ResourceType.BEDROCK_GUARDRAIL, error("ResourceNotFoundException", 404))).isTrue();
    }

    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void sageMakerSaysGoneOnlyInTheMessageOfAValidationException() {
        assertThat(ResourceDeleter.isNotFound(ResourceType.SAGEMAKER_MODEL, error("ValidationException",
                "Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/m\"."))).isTrue();
        assertThat(ResourceDeleter.isNotFound(ResourceType.SAGEMAKER_TRANSFORM_JOB, error("ValidationException",
                "Could not find requested job with name j"))).isTrue();
        assertThat(ResourceDeleter.isNotFound(ResourceType.SAGEMAKER_MODEL, error("ValidationException",
                "1 validation error detected: Value 'a_b' at 'modelName' failed to satisfy constraint"))).isFalse();
        assertThat(ResourceDeleter.isNotFound(ResourceType.SAGEMAKER_TRANSFORM_JOB, error("ValidationException",
                "Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/m\"."))).isFalse();
    }

    @Test
    void aMissingUploadOrKeyWhileEmptyingABucketDoesNotMeanTheBucketIsGone() {
        assertThat(ResourceDeleter.isNotFound(ResourceType.S3_BUCKET, error("NoSuchUpload", 404))).isFalse();
        assertThat(ResourceDeleter.isNotFound(ResourceType.S3_BUCKET, error("NoSuchKey", 404))).isFalse();
        assertThat(ResourceDeleter.isNotFound(ResourceType.S3_BUCKET, error("AccessDenied", 403))).isFalse();
        assertThat(ResourceDeleter.isNotFound(ResourceType.GLUE_DATABASE, error("ResourceNotFoundException", 400))).isFalse();
    }
}
