package io.labrunner.emulator.sagemaker.training;

import java.time.Duration;

/**
 * How long a training job pretends to take around its real work, and how many train at once. Real jobs
 * spend minutes launching instances and pulling the image; a few hundred milliseconds is enough for code
 * that forgets to wait to fail here too.
 *
 * @param starting      in Starting, once the job has an instance slot ("Preparing the instances for training")
 * @param downloading   in Downloading, besides fetching the channels
 * @param imagePull     in Training, "Downloading the training image", before the algorithm runs
 * @param uploading     in Uploading, besides writing the artifact
 * @param parallelJobs  jobs training at once; the others wait in Starting
 */
public record TrainingTimings(Duration starting, Duration downloading, Duration imagePull, Duration uploading,
        int parallelJobs) {

    /** The emulator's default: about 0.6 s of pretend time per job, two jobs at once. */
    public static final TrainingTimings DEFAULT = new TrainingTimings(Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofMillis(100), Duration.ofMillis(100), 2);

    public TrainingTimings {
        if (parallelJobs < 1) {
            throw new IllegalArgumentException("parallelJobs must be at least 1, got " + parallelJobs);
        }
    }

    /** No pretend time at all, for tests that only care about outcomes. */
    public static TrainingTimings instant(int parallelJobs) {
        return new TrainingTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, parallelJobs);
    }
}
