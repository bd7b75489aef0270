/**
 * SageMaker hosting: endpoint configurations, endpoints and their lifecycle ({@link Endpoints}), and SageMaker
 * Runtime's InvokeEndpoint ({@link EndpointInvoker}) answering from the model artifact itself, with per-variant
 * routing by weight, data capture to S3 ({@link CaptureWriter}) and the AWS/SageMaker metrics
 * ({@link InvocationMetrics}).
 */
package io.labrunner.emulator.sagemaker.hosting;
