package io.labrunner.emulator.s3;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 errors S3Proxy has no code for, as the exceptions {@link S3Frontend} renders in S3's XML: one type, one
 * renderer, as for S3Proxy's own.
 */
final class S3Errors {
    private S3Errors() {
    }

    static S3Exception of(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    static S3Exception accessDenied(String message) {
        return of(403, "AccessDenied", message);
    }

    static S3Exception malformedPolicy(String message) {
        return of(400, "MalformedPolicy", message);
    }

    static S3Exception malformedXml() {
        return of(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static S3Exception invalidArgument(String message) {
        return of(400, "InvalidArgument", message);
    }
}
