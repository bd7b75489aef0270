package io.labrunner.emulator.sagemaker.transform;

import io.labrunner.emulator.logs.LogWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A transform job's CloudWatch Logs, named as SageMaker names them: group
 * {@code /aws/sagemaker/TransformJobs}, stream {@code <job>/<instance-id>-<epoch>} for what the model
 * container prints and {@code <job>/<instance-id>-<epoch>/data-log} for SageMaker's own lines about
 * each input object ({@code <time>:[sagemaker logs]: bucket/key: ClientError: 400}).
 */
final class JobLog {
    static final String GROUP = "/aws/sagemaker/TransformJobs";

    private final LogWriter writer;
    private final Clock clock;
    private final String region;
    private final String stream;

    JobLog(LogWriter writer, Clock clock, String region, String jobName, String jobArn) {
        this.writer = writer;
        this.clock = clock;
        this.region = region;
        this.stream = jobName + "/" + instanceId(jobArn) + "-" + clock.instant().getEpochSecond();
    }

    /** An EC2-style instance id, fixed for a job. */
    private static String instanceId(String arn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("i-");
            for (int i = 0; hex.length() < 19; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.substring(0, 19);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A line the model container prints. */
    void container(String line) {
        writer.append(region, GROUP, stream, clock.millis(), line);
    }

    /** A line SageMaker writes about the data it moves. */
    void data(String line) {
        String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        writer.append(region, GROUP, stream + "/data-log", clock.millis(),
                time.substring(0, time.length() - 1) + ":[sagemaker logs]: " + line);
    }
}
