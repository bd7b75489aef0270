/**
 * SageMaker Model Registry: model package groups, the versioned model packages registered in them (with their
 * metrics and approval status), and unversioned model packages. An approved package is deployed by naming it in
 * CreateModel's container, which takes its image and artifact from the package.
 *
 * @see <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry.html">Model Registry</a>
 */
package io.labrunner.emulator.sagemaker.registry;
