package io.labrunner.labs.sagemakerendpoint;

/**
 * What the cost comparison starts from: the prices AWS publishes and the traffic the model must
 * serve. The arithmetic is the learner's (and {@link CostComparison}'s); these are the facts.
 *
 * <p>Prices: on-demand, US East (N. Virginia), from the "Amazon SageMaker AI Pricing" page
 * (aws.amazon.com/sagemaker/ai/pricing), as published in December 2026. Other regions cost more.
 */
final class CostInputs {
    /** Real-time inference, ml.m5.large, per instance-hour, billed per second while the endpoint exists. */
    static final double REAL_TIME_ML_M5_LARGE_PER_HOUR = 0.115;
    /** Batch Transform, ml.m5.large, per instance-hour, billed per second while the job's instances run. */
    static final double BATCH_ML_M5_LARGE_PER_HOUR = 0.115;
    /** Serverless Inference with 2048 MB of memory, per second of compute (billed by the millisecond). */
    static final double SERVERLESS_2GB_PER_SECOND = 0.00004;

    /** The lab's traffic is one day's: every held-out customer calls once. */
    static final int REQUESTS_PER_DAY = 750;
    static final int DAYS_PER_MONTH = 30;
    static final int HOURS_PER_DAY = 24;
    /** A real-time endpoint keeps one instance of the chosen model, around the clock. */
    static final int REAL_TIME_INSTANCES = 1;
    /**
     * What a serverless endpoint bills per request: the model answers in a few milliseconds, the container's
     * request handling adds the rest. Cold starts are not billed as compute but are waited for.
     */
    static final double SERVERLESS_BILLED_MS_PER_REQUEST = 100;
    /** A daily Batch Transform job on one instance: starting it, loading the model and scoring 750 rows bill about five minutes. */
    static final double BATCH_BILLED_SECONDS_PER_JOB = 300;

    private CostInputs() {
    }
}
