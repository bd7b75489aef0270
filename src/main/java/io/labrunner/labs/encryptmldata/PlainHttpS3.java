package io.labrunner.labs.encryptmldata;

import java.net.URI;
import java.net.URISyntaxException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;

/**
 * An S3 client like the lab's own, with the same region and credentials, that speaks plain HTTP:
 * what an old script or a misconfigured tool would send. S3 still answers on port 80, so without a
 * policy that denies it such a request succeeds, and the data and signature travel unencrypted.
 */
final class PlainHttpS3 {
    private PlainHttpS3() {
    }

    /** The client; close it after use. */
    static S3Client like(S3Client client) {
        S3ServiceClientConfiguration config = client.serviceClientConfiguration();
        URI endpoint = config.endpointOverride()
                .orElse(URI.create("https://s3." + config.region().id() + ".amazonaws.com"));
        return S3Client.builder()
                .region(config.region())
                .credentialsProvider(config.credentialsProvider())
                .endpointOverride(withHttp(endpoint))
                // An emulator serves buckets on one host name; AWS by the bucket's own.
                .forcePathStyle(config.endpointOverride().isPresent())
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private static URI withHttp(URI endpoint) {
        try {
            return new URI("http", null, endpoint.getHost(), endpoint.getPort(), endpoint.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an endpoint: " + endpoint, e);
        }
    }
}
