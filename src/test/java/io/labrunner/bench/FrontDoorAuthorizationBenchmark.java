package io.labrunner.bench;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.Caller;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What IAM enforcement costs at the front door: Glue GetTable requests per second through SDK v2, signed with an
 * assumed role's credentials, with enforcement off and on (each request then decides three resources against
 * the role's policies); and the bare decisions per second of {@link AccessControl#check} for the same role.
 * Run with {@code mvn -q -Pbench -DskipTests verify -Dbench=FrontDoorAuthorizationBenchmark}. Not a test:
 * nothing here fails.
 */
public final class FrontDoorAuthorizationBenchmark {
    private static final int REQUESTS = 2_000;
    private static final int DECISIONS = 200_000;
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"glue:GetTable\",\"glue:GetDatabase\"],\"Resource\":["
            + "\"arn:aws:glue:*:000000000000:catalog\",\"arn:aws:glue:*:000000000000:database/sales\","
            + "\"arn:aws:glue:*:000000000000:table/sales/*\"]},"
            + "{\"Effect\":\"Deny\",\"Action\":\"glue:Delete*\",\"Resource\":\"*\"}]}";

    private FrontDoorAuthorizationBenchmark() {
    }

    public static void main(String[] args) {
        List<String[]> rows = new ArrayList<>();
        // A first round warms the JVM for both; only the second round is reported.
        boolean[] rounds = {false, true, false, true};
        for (int round = 0; round < rounds.length; round++) {
            boolean enforce = rounds[round];
            boolean report = round >= 2;
            try (Emulator emulator = Emulator.builder().port(0).enforceIam(enforce).build().start()) {
                Credentials session = prepare(emulator);
                AwsCredentials credentials = AwsSessionCredentials.create(session.accessKeyId(),
                        session.secretAccessKey(), session.sessionToken());
                try (GlueClient glue = GlueClient.builder().endpointOverride(emulator.getEndpoint())
                        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
                        .build()) {
                    for (int i = 0; i < REQUESTS / 4; i++) { // warm up
                        glue.getTable(r -> r.databaseName("sales").name("orders"));
                    }
                    long start = System.nanoTime();
                    for (int i = 0; i < REQUESTS; i++) {
                        glue.getTable(r -> r.databaseName("sales").name("orders"));
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (report) {
                        rows.add(new String[] {"Glue GetTable as a role session, enforcement " + (enforce ? "on" : "off"),
                        Benchmarks.fmt(REQUESTS / seconds) + " requests/s", enforce ? "within 10 % of off" : ""});
                    }
                }
                if (enforce && report) {
                    AccessControl access = emulator.accessControl();
                    Caller caller = new Caller("arn:aws:sts::000000000000:assumed-role/bench/s1", session.accessKeyId(),
                            "arn:aws:iam::000000000000:role/bench");
                    AccessRequest request = AccessRequest.of("glue:GetTable",
                            "arn:aws:glue:us-east-1:000000000000:table/sales/orders");
                    for (int i = 0; i < DECISIONS / 10; i++) {
                        access.check(caller, request);
                    }
                    long start = System.nanoTime();
                    int allowed = 0;
                    for (int i = 0; i < DECISIONS; i++) {
                        allowed += access.check(caller, request).isEmpty() ? 1 : 0;
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    rows.add(new String[] {"AccessControl.check decisions (" + allowed + " allowed)",
                        Benchmarks.fmt(DECISIONS / seconds) + " decisions/s", ""});
                }
            }
        }
        Benchmarks.print(rows);
    }

    private static Credentials prepare(Emulator emulator) {
        StaticCredentialsProvider root = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        try (IamClient iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(root).build();
             GlueClient glue = GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(root).build();
             StsClient sts = StsClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(root).build()) {
            iam.createRole(r -> r.roleName("bench").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"000000000000\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
            iam.putRolePolicy(r -> r.roleName("bench").policyName("glue").policyDocument(POLICY));
            glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
            glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")));
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/bench").roleSessionName("s1"))
                    .credentials();
        }
    }
}
