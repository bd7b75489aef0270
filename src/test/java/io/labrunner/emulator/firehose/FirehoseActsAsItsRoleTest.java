package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.iam.RoleStore;
import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.iam.access.BucketPolicies;
import io.labrunner.emulator.iam.access.ServiceAccess;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * With IAM enforced, a delivery stream writes to S3 with its destination's role: a refused write is a delivery
 * error that keeps the records buffered, and they are delivered once the role may write.
 */
class FirehoseActsAsItsRoleTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"firehose.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private final ManualClock clock = new ManualClock();
    private FirehoseService service;
    private Emulator emulator;
    private FirehoseClient firehose;
    private S3Client s3;
    private IamClient iam;

    @BeforeEach
    void start() {
        IamService iamService = new IamService(new RoleStore());
        ServiceAccess access = new ServiceAccess(new AccessControl(true, iamService.directory(),
                iamService.rolePolicies(), Clock.systemUTC()), BucketPolicies.NONE);
        emulator = Emulator.builder().port(0).service(iamService)
                .service(e -> service = new FirehoseService(FirehoseSettings.manual(clock), e.objectStore(),
                        e.kinesisApi(), null, io.labrunner.emulator.state.StateStore.none(), access))
                .build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        firehose = FirehoseClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).build();
    }

    @AfterEach
    void stop() {
        firehose.close();
        s3.close();
        iam.close();
        emulator.close();
    }

    @Test
    void aRoleThatMayNotPutKeepsTheRecordsBufferedUntilItMay() {
        s3.createBucket(b -> b.bucket("landing"));
        String role = iam.createRole(r -> r.roleName("delivery").assumeRolePolicyDocument(TRUST)).role().arn();
        iam.putRolePolicy(r -> r.roleName("delivery").policyName("s3").policyDocument(policy("s3:GetObject")));
        firehose.createDeliveryStream(c -> c.deliveryStreamName("events").deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::landing").roleARN(role)
                        .bufferingHints(h -> h.intervalInSeconds(60).sizeInMBs(1))));
        clock.advance(Duration.ofSeconds(1));
        firehose.putRecord(p -> p.deliveryStreamName("events").record(r -> r.data(SdkBytes.fromUtf8String("{\"n\":1}\n"))));

        clock.advance(Duration.ofSeconds(61));
        service.deliverDue();
        assertThat(s3.listObjectsV2(l -> l.bucket("landing")).contents()).isEmpty();

        iam.putRolePolicy(r -> r.roleName("delivery").policyName("s3").policyDocument(policy("s3:PutObject")));
        clock.advance(Duration.ofSeconds(1));
        service.deliverDue();

        assertThat(s3.listObjectsV2(l -> l.bucket("landing")).contents()).singleElement()
                .satisfies(o -> assertThat(s3.getObjectAsBytes(g -> g.bucket("landing").key(o.key())).asUtf8String())
                        .isEqualTo("{\"n\":1}\n"));
    }

    private static String policy(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"arn:aws:s3:::landing/*\"}]}";
    }
}
