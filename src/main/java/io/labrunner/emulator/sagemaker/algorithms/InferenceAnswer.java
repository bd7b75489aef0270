package io.labrunner.emulator.sagemaker.algorithms;

/** What a serving container answers one real-time request with: the body and its content type. */
public record InferenceAnswer(byte[] body, String contentType) {
}
