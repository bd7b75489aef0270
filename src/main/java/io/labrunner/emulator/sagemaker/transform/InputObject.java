package io.labrunner.emulator.sagemaker.transform;

/**
 * One object a transform job reads.
 *
 * @param relative its path relative to the data source's folder, which names its output:
 *                 {@code <S3OutputPath>/<relative>.out}
 */
record InputObject(String bucket, String key, String relative) {

    /** How SageMaker's data log names it: {@code bucket/key}. */
    String displayName() {
        return bucket + "/" + key;
    }
}
