package io.labrunner.emulator.bedrock.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.bedrock.text.Prompt.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class RagPromptTest {

    private static Prompt prompt(List<String> system, String user) {
        return new Prompt(system, List.of(new Turn(Turn.Role.USER, user)), new InferenceSettings(100, null, null, List.of()));
    }

    @Test
    void contextInTagsInTheSystemPromptAndTheUserTurnAsTheQuestion() {
        RagPrompt rag = RagPrompt.of(prompt(List.of("Answer only from the context.\n<context>S3 stores objects.</context>"),
                "What does S3 store?"));

        assertThat(rag.passages()).containsExactly("S3 stores objects.");
        assertThat(rag.question()).isEqualTo("What does S3 store?");
    }

    @Test
    void contextUnderAHeadingAndTheQuestionAfterItsLabel() {
        RagPrompt rag = RagPrompt.of(prompt(List.of(),
                "Use the passages below.\nContext:\nS3 stores objects.\nGlue crawls data.\n\nQuestion: What does Glue do?\nAnswer:"));

        assertThat(String.join("", rag.passages())).contains("S3 stores objects.", "Glue crawls data.").doesNotContain("Question");
        assertThat(rag.question()).isEqualTo("What does Glue do?");
    }

    @Test
    void langChainsTemplateHasItsContextBeforeTheQuestionLabel() {
        RagPrompt rag = RagPrompt.of(prompt(List.of(), "Use the following pieces of context to answer the question at the end.\n\n"
                + "Athena bills by data scanned.\n\nQuestion: How does Athena bill?\nHelpful Answer:"));

        assertThat(String.join("", rag.passages())).contains("Athena bills by data scanned.");
        assertThat(rag.question()).isEqualTo("How does Athena bill?");
    }

    @Test
    void llamaIndexTemplateFencesItsContextWithDashes() {
        RagPrompt rag = RagPrompt.of(prompt(List.of(), "Context information is below.\n---------------------\n"
                + "Kinesis keeps records for 24 hours.\n---------------------\nGiven the context information, answer the query.\n"
                + "Query: How long are records kept?\nAnswer:"));

        assertThat(String.join("", rag.passages())).contains("Kinesis keeps records for 24 hours.");
        assertThat(rag.question()).isEqualTo("How long are records kept?");
    }

    @Test
    void aPlainQuestionWithNoContextHasNoPassagesToAnswerFrom() {
        RagPrompt rag = RagPrompt.of(prompt(List.of("You are a helpful assistant."), "What is the capital of France?"));

        assertThat(GroundedResponder.sentences(rag.passages())).isEmpty();
        assertThat(rag.question()).isEqualTo("What is the capital of France?");
    }

    @Test
    void instructionsAreNotFactsButFactsAboutContextAre() {
        assertThat(RagPrompt.isInstruction("Use the following pieces of context to answer the question.")).isTrue();
        assertThat(RagPrompt.isInstruction("If you don't know the answer, say so.")).isTrue();
        assertThat(RagPrompt.isInstruction("Answer from the provided documents only.")).isTrue();
        assertThat(RagPrompt.isInstruction("Here are the documents:")).isTrue();
        assertThat(RagPrompt.isInstruction("Retrieval adds relevant context to the prompt so the model can ground its answer."))
                .isFalse();
    }

    @Test
    void theNamesAQuestionAsksAboutAreItsCapitalisedAndNumberedWords() {
        assertThat(GroundedResponder.names("What is the price of Amazon Redshift?")).containsExactly("Redshift");
        assertThat(GroundedResponder.names("Is S3 durable? Explain briefly.")).containsExactly("S3");
        assertThat(GroundedResponder.names("how many zones does us-east-1 have?")).containsExactly("us-east-1");
    }
}
