/**
 * SageMaker Pipelines: pipelines made of a JSON definition (version 2020-12-01), and their executions, whose
 * steps (Training, Processing, Transform, Model, RegisterModel, Condition, Fail) call SageMaker's own operations
 * in-process as the pipeline's role and run as soon as the steps they depend on have succeeded.
 *
 * @see <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-steps.html">Pipelines steps</a>
 */
package io.labrunner.emulator.sagemaker.pipelines;
