package io.labrunner.emulator;

/**
 * The errors the front door answers before a service sees a request, with the code and status
 * each protocol's AWS endpoints use, so that SDKs raise the same exception class.
 *
 * <ul>
 * <li>JSON 1.0/1.1 services answer authentication errors with status 400
 *     ({@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException},
 *     {@code InvalidSignatureException}), as DynamoDB's and Kinesis's common errors document.</li>
 * <li>REST-JSON services (Bedrock) sit behind API Gateway-style front ends: 403 for the same codes.</li>
 * <li>Query services (IAM, STS): {@code MissingAuthenticationToken} 403, {@code IncompleteSignature} 400,
 *     {@code SignatureDoesNotMatch} 403 (AWS's "Common Errors" pages).</li>
 * <li>S3: anonymous requests are {@code AccessDenied} 403, a malformed header
 *     {@code AuthorizationHeaderMalformed} 400, a malformed presigned URL
 *     {@code AuthorizationQueryParametersError} 400, a wrong signature {@code SignatureDoesNotMatch} 403.</li>
 * </ul>
 */
final class AccessErrors {
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature"
            + " you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.";

    private AccessErrors() {
    }

    static AwsException missingCredentials(Protocol protocol) {
        return switch (protocol) {
            // S3 treats an unsigned request as anonymous, and anonymous access is denied.
            case REST_XML -> new AwsException("AccessDenied", "Access Denied", 403);
            case QUERY -> new AwsException("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
            case JSON -> new AwsException("MissingAuthenticationTokenException", "Missing Authentication Token", 400);
            case REST_JSON -> new AwsException("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
        };
    }

    static AwsException malformed(Protocol protocol, String problem, boolean inQuery) {
        return switch (protocol) {
            case REST_XML -> inQuery
                    ? new AwsException("AuthorizationQueryParametersError", problem, 400)
                    : new AwsException("AuthorizationHeaderMalformed", problem, 400);
            case QUERY -> new AwsException("IncompleteSignature", problem, 400);
            case JSON -> new AwsException("IncompleteSignatureException", problem, 400);
            case REST_JSON -> new AwsException("IncompleteSignatureException", problem, 403);
        };
    }

    static AwsException signatureMismatch(Protocol protocol) {
        return switch (protocol) {
            case REST_XML -> new AwsException("SignatureDoesNotMatch", "The request signature we calculated does not"
                    + " match the signature you provided. Check your key and signing method.", 403);
            case QUERY -> new AwsException("SignatureDoesNotMatch", SIGNATURE_MISMATCH, 403);
            case JSON -> new AwsException("InvalidSignatureException", SIGNATURE_MISMATCH, 400);
            case REST_JSON -> new AwsException("InvalidSignatureException", SIGNATURE_MISMATCH, 403);
        };
    }

    static AwsException payloadHashMismatch(Protocol protocol) {
        String message = "The provided 'x-amz-content-sha256' header does not match what was computed.";
        return switch (protocol) {
            case REST_XML -> new AwsException("XAmzContentSHA256Mismatch", message, 400);
            case QUERY -> new AwsException("SignatureDoesNotMatch", message, 403);
            case JSON -> new AwsException("InvalidSignatureException", message, 400);
            case REST_JSON -> new AwsException("InvalidSignatureException", message, 403);
        };
    }

    static AwsException expired(Protocol protocol) {
        return switch (protocol) {
            case REST_XML -> new AwsException("AccessDenied", "Request has expired", 403);
            case QUERY -> new AwsException("RequestExpired", "Request has expired.", 400);
            case JSON, REST_JSON -> new AwsException("InvalidSignatureException", "Signature expired.", 403);
        };
    }

    /** A request this emulator will not serve (wrong Host, a web page's shape); the message says why. */
    static AwsException refused(Protocol protocol, String why) {
        return switch (protocol) {
            case REST_XML, QUERY -> new AwsException("AccessDenied", why, 403);
            case JSON, REST_JSON -> new AwsException("AccessDeniedException", why, 403);
        };
    }

    static AwsException tooLarge(Protocol protocol, long limit) {
        String message = "The request body is larger than " + limit + " bytes, the most this service accepts.";
        return switch (protocol) {
            case REST_XML -> new AwsException("EntityTooLarge", message, 413);
            case QUERY -> new AwsException("RequestEntityTooLarge", message, 413);
            case JSON, REST_JSON -> new AwsException("RequestEntityTooLargeException", message, 413);
        };
    }

    /** The client stopped sending its body before Content-Length bytes arrived. */
    static AwsException bodyTimeout(Protocol protocol) {
        String message = "Your socket connection to the server was not read from or written to within the timeout"
                + " period; the request body was shorter than its Content-Length.";
        return switch (protocol) {
            case REST_XML -> new AwsException("RequestTimeout", message, 400);
            case QUERY -> new AwsException("RequestTimeout", message, 408);
            case JSON, REST_JSON -> new AwsException("RequestTimeoutException", message, 408);
        };
    }

    /** A bug in the emulator: 500, with a message that names no class. */
    static AwsException internal() {
        return new AwsException("InternalFailure",
                "The emulator failed to process this request; its log has the details.", 500);
    }

    /**
     * A temporary access key used without its session token: S3 does not know such a key
     * ({@code InvalidAccessKeyId}); the other services call the credentials invalid.
     */
    static AwsException missingSessionToken(Protocol protocol) {
        return protocol == Protocol.REST_XML
                ? new AwsException("InvalidAccessKeyId",
                        "The AWS Access Key Id you provided does not exist in our records.", 403)
                : invalidSessionToken(protocol);
    }

    /**
     * An IAM user's access key made inactive with UpdateAccessKey: AWS refuses it as it refuses a key it does not
     * know (S3 {@code InvalidAccessKeyId}; the query services {@code InvalidClientTokenId}).
     */
    static AwsException inactiveKey(Protocol protocol) {
        return missingSessionToken(protocol);
    }

    /** A session token that is not the one issued with the access key. */
    static AwsException invalidSessionToken(Protocol protocol) {
        String message = "The security token included in the request is invalid.";
        return switch (protocol) {
            case REST_XML -> new AwsException("InvalidToken", "The provided token is malformed or otherwise invalid.", 400);
            case QUERY -> new AwsException("InvalidClientTokenId", message, 403);
            case JSON -> new AwsException("UnrecognizedClientException", message, 400);
            case REST_JSON -> new AwsException("UnrecognizedClientException", message, 403);
        };
    }

    /** Temporary credentials used after their expiration. */
    static AwsException expiredToken(Protocol protocol) {
        String message = "The security token included in the request is expired";
        return switch (protocol) {
            case REST_XML -> new AwsException("ExpiredToken", "The provided token has expired.", 400);
            case QUERY -> new AwsException("ExpiredToken", message, 403);
            case JSON -> new AwsException("ExpiredTokenException", message, 400);
            case REST_JSON -> new AwsException("ExpiredTokenException", message, 403);
        };
    }

    /**
     * IAM refused the request: {@code AccessDenied} 403 for S3 and the query services, and
     * {@code AccessDeniedException} for JSON (400, as Glue, Athena, Kinesis and Firehose answer it) and
     * REST-JSON (403) services.
     */
    static AwsException accessDenied(Protocol protocol, String message) {
        return switch (protocol) {
            case REST_XML, QUERY -> new AwsException("AccessDenied", message, 403);
            case JSON -> new AwsException("AccessDeniedException", message, 400);
            case REST_JSON -> new AwsException("AccessDeniedException", message, 403);
        };
    }
}
