package io.labrunner.emulator;

/**
 * Who signed a request and for which service and region, as its SigV4 credential scope says
 * ({@code Credential=AKID/20260101/us-east-1/sts/aws4_request}); read by {@link RequestCredentials}.
 *
 * @param accessKeyId the access key, never blank
 * @param region      the scope's region, or null (SigV2, or a malformed scope)
 * @param service     the scope's signing name, or null when the request has no SigV4 scope
 */
record SigningScope(String accessKeyId, String region, String service) {
}
