/**
 * SageMaker models and Batch Transform: {@link io.labrunner.emulator.sagemaker.transform.Models}
 * (CreateModel, DescribeModel, ListModels, DeleteModel) and
 * {@link io.labrunner.emulator.sagemaker.transform.TransformJobs} (CreateTransformJob, DescribeTransformJob,
 * ListTransformJobs, StopTransformJob), two operation groups of the SageMaker service.
 *
 * <p>A transform job runs on a background thread ({@code TransformRun}): it unpacks the model's
 * {@code model.tar.gz} in memory, loads it with the algorithm the model's image names, reads each input
 * object from S3 (decompressed, split into records, cut into mini-batches within MaxPayloadInMB), applies
 * DataProcessing ({@code RecordProcessing}, {@code JsonPath}) and writes {@code <object>.out} once the
 * object is done. Models and jobs are kept in the state store; a job interrupted by a shutdown runs again
 * when the emulator starts on the same data folder.
 */
package io.labrunner.emulator.sagemaker.transform;
