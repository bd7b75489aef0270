package io.labrunner.labs.bedrockrag;

/**
 * A piece of a document small enough to embed as one vector and to quote as context.
 *
 * @param id     {@code <document>#<n>}, e.g. {@code warranty.md#2}: unique in the index
 * @param source the document's file name
 * @param title  the document's title, shown with the chunk in the prompt
 * @param text   the chunk's sentences, as written in the document
 */
record Chunk(String id, String source, String title, String text) {
}
