package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.target.EmbeddedTarget;

/** Started in a fresh JVM by {@link Benchmarks}: emulator up, one S3 call answered, then exit. */
public final class FirstResponse {
    private FirstResponse() {
    }

    public static void main(String[] args) {
        try (EmbeddedTarget target = EmbeddedTarget.start(null);
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            clients.s3().listBuckets();
            System.out.println("first-response");
            System.out.flush();
        }
    }
}
