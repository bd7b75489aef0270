package io.labrunner.labs.bedrockrag;

import static io.labrunner.testing.WrongSolution.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.BedrockModels;
import io.labrunner.core.Lab;
import io.labrunner.testing.WrongSolution;
import io.labrunner.core.LabContext;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plausible wrong pipelines, run on the embedded emulator: each must fail the check that judges
 * the step it got wrong, with a first hint that names that mistake, while the steps it got right
 * still pass.
 */
class WrongSolutionsTest {
    private static EmbeddedEmulator emulator;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void retrievalByCountingSharedWordsGivesTheModelTheWrongChunks() {
        LabResult result = run(ctx -> {
            Pipeline p = new Pipeline(ctx);
            List<Indexed> index = p.index(chunk -> chunk.text());
            p.answer(index, (question, stored) -> byKeywordCount(question, stored), true);
        });

        assertThat(outcome(result, "index").passed()).as(outcome(result, "index").detail()).isTrue();
        assertThat(outcome(result, "retrieved first").passed()).isTrue();
        CheckOutcome answers = outcome(result, "states the expected fact");
        assertThat(answers.passed()).isFalse();
        assertThat(answers.detail()).containsPattern("'[^']+' was given \\[[^]]+\\], none of which says [^;]+; by cosine your"
                + " index ranks [a-z0-9-]+\\.md#[0-9], which does, 1st");
        assertThat(answers.hint()).contains("Retrieval gave the model the wrong chunks");
        assertThat(answers.hints()).hasSize(3);
        assertThat(answers.hints().get(2)).contains("transpose");
    }

    @Test
    void chunksListedButNeverPutInThePromptAreCaughtAsContextThatDidNotReachTheModel() {
        LabResult result = run(ctx -> {
            Pipeline p = new Pipeline(ctx);
            List<Indexed> index = p.index(chunk -> chunk.text());
            p.answer(index, (question, stored) -> Similarity.topK(p.embedder.query(question), stored, 3).stream()
                    .map(s -> s.indexed().chunk()).toList(), false);
        });

        CheckOutcome answers = outcome(result, "states the expected fact");
        assertThat(answers.passed()).isFalse();
        assertThat(answers.hint()).contains("did the chunks reach the prompt?");
        assertThat(outcome(result, "retrieved first").passed()).isTrue();
    }

    @Test
    void vectorsOfTheTitleInsteadOfTheTextFailTheIndexCheck() {
        LabResult result = run(ctx -> new Pipeline(ctx).index(Chunk::title));

        CheckOutcome index = outcome(result, "index");
        assertThat(index.passed()).isFalse();
        assertThat(index.detail()).contains("are not the embedding of their line's text");
        assertThat(index.hint()).contains("Embed each chunk's own \"text\"");
    }

    // ---- the wrong pipelines' parts -------------------------------------------------------------

    interface Retrieval {
        List<Chunk> top3(String question, List<Indexed> index);
    }

    interface Solve {
        void solve(LabContext ctx) throws Exception;
    }

    /** The reference pipeline's parts, to be misused. */
    private static final class Pipeline {
        final LabContext ctx;
        final Embedder embedder;
        final Assistant assistant;

        Pipeline(LabContext ctx) {
            this.ctx = ctx;
            BedrockModels models = BedrockModels.of(ctx);
            this.embedder = new Embedder(ctx.bedrockRuntime(), models.choose(BedrockModels.Use.EMBEDDING), Embedder.DIMENSIONS);
            this.assistant = new Assistant(ctx.bedrockRuntime(), models.choose(BedrockModels.Use.TEXT));
        }

        List<Indexed> index(java.util.function.Function<Chunk, String> embeddedText) {
            List<Indexed> index = new ArrayList<>();
            for (String document : BedrockRagLab.DOCUMENTS) {
                String text = ctx.s3().getObjectAsBytes(r -> r.bucket(BedrockRagLab.bucket(ctx))
                        .key(BedrockRagLab.DOCS_PREFIX + document)).asUtf8String();
                for (Chunk chunk : Chunker.chunk(document, text)) {
                    index.add(new Indexed(chunk, embedder.modelId(), embedder.document(embeddedText.apply(chunk))));
                }
            }
            VectorIndex.write(ctx.s3(), BedrockRagLab.bucket(ctx), index);
            return index;
        }

        void answer(List<Indexed> index, Retrieval retrieval, boolean contextInPrompt) {
            List<Answer> answers = new ArrayList<>();
            for (Question q : BedrockRagLab.questions(ctx)) {
                List<Chunk> context = retrieval.top3(q.question(), index);
                String answer = assistant.answer(q.question(), contextInPrompt ? context : List.of());
                answers.add(new Answer(q.question(), context.stream().map(Chunk::id).toList(), answer, assistant.modelId()));
            }
            Answer.write(ctx.s3(), BedrockRagLab.bucket(ctx), Answer.WITH_CONTEXT_KEY, answers);
        }
    }

    /** The chunks sharing the most words with the question: a search that ignores meaning. */
    private static List<Chunk> byKeywordCount(String question, List<Indexed> index) {
        List<String> words = tokens(question);
        return index.stream().map(Indexed::chunk)
                .sorted(Comparator.comparingLong((Chunk c) -> tokens(c.text()).stream().filter(words::contains).count()).reversed())
                .limit(3).toList();
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(t -> !t.isEmpty()).toList();
    }

    private LabResult run(Solve wrong) {
        BedrockRagLab lab = new BedrockRagLab();
        Lab wrongLab = new WrongSolution(lab, wrong::solve);
        return emulator.runner(new StateDirectory(home)).run(wrongLab, false);
    }

}
