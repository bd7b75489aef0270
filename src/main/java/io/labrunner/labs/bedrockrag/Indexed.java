package io.labrunner.labs.bedrockrag;

/**
 * One line of the vector index: a chunk, the model that embedded it, and its vector.
 *
 * @param chunk  the text and where it came from
 * @param model  the embedding model's id; a question must be embedded by the same model
 * @param vector the embedding
 */
record Indexed(Chunk chunk, String model, float[] vector) {
}
