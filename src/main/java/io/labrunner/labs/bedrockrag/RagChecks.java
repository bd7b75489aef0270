package io.labrunner.labs.bedrockrag;

import io.labrunner.core.BedrockModels;
import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lab's checks. They read what the learner's pipeline left in the bucket: the vector index and
 * the two answer files. Only the first asks Bedrock anything: it embeds each question with the
 * index's own model to search the learner's index.
 */
final class RagChecks {
    /** How a model says it cannot answer: "I don't know", "I do not know", "not mentioned in the context"… */
    private static final Pattern ADMITS_IGNORANCE = Pattern.compile("(?i)\\b(don'?t|do not|does not|doesn'?t|cannot|can'?t|"
            + "unable to) (know|find|answer|say|tell|determine|contain|provide|mention|have)|\\bno information\\b|"
            + "\\bnot (mentioned|provided|specified|stated|given|available|included)\\b|\\bunknown\\b");
    private static final String BUILD_THE_INDEX = "Chunk the documents under docs/, embed each chunk and write one JSON line"
            + " per chunk (id, source, text, model, vector) to " + VectorIndex.KEY + " in the lab's bucket.";

    private RagChecks() {
    }

    static CheckResult retrievesTheRightChunk(LabContext ctx) {
        Optional<List<Indexed>> index = VectorIndex.read(ctx.s3(), BedrockRagLab.bucket(ctx));
        if (index.isEmpty() || index.get().isEmpty()) {
            return CheckResult.fail("no index at s3://" + BedrockRagLab.bucket(ctx) + "/" + VectorIndex.KEY, BUILD_THE_INDEX);
        }
        List<Indexed> entries = index.get();
        String model = entries.get(0).model();
        int dimensions = entries.get(0).vector().length;
        if (entries.stream().anyMatch(e -> !e.model().equals(model) || e.vector().length != dimensions)) {
            return CheckResult.fail("the index mixes models or vector lengths",
                    "Embed every chunk with one model and one vector length: vectors of different models cannot be compared.");
        }
        Embedder embedder = new Embedder(ctx.bedrockRuntime(), new BedrockModels.Chosen(model, BedrockModels.Use.EMBEDDING,
                ctx.bedrock().serviceClientConfiguration().region()), dimensions);
        List<String> seen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Question q : BedrockRagLab.questions(ctx)) {
            Chunk first = Similarity.topK(embedder.query(q.question()), entries, 1).get(0).indexed().chunk();
            seen.add(first.id());
            if (!first.source().equals(q.source()) || !q.isStatedIn(first.text())) {
                wrong.add("'" + q.question() + "' retrieved " + first.id() + ", not the chunk of " + q.source()
                        + " that says " + q.fact());
            }
        }
        String detail = entries.size() + " chunks embedded by " + model + " (" + dimensions + " dimensions); first retrieved: "
                + String.join(", ", seen);
        if (!wrong.isEmpty()) {
            return CheckResult.fail(detail + "; " + String.join("; ", wrong),
                    "Keep each chunk about one thing (a paragraph) and embed the chunk's own text, with the same model"
                            + " that embeds the questions.");
        }
        return CheckResult.pass(detail);
    }

    static CheckResult answersStateTheFacts(LabContext ctx) {
        Optional<List<Answer>> answers = Answer.read(ctx.s3(), BedrockRagLab.bucket(ctx), Answer.WITH_CONTEXT_KEY);
        if (answers.isEmpty()) {
            return CheckResult.fail("no answers at " + Answer.WITH_CONTEXT_KEY,
                    "Answer each question of questions.json from its top chunks and write the answers to "
                            + Answer.WITH_CONTEXT_KEY + ".");
        }
        List<String> problems = new ArrayList<>();
        int right = 0;
        List<Question> questions = BedrockRagLab.questions(ctx);
        for (Question q : questions) {
            Optional<Answer> answer = find(answers.get(), q);
            if (answer.isEmpty()) {
                problems.add("no answer to '" + q.question() + "'");
            } else if (answer.get().context().isEmpty()) {
                problems.add("'" + q.question() + "' was asked without context");
            } else if (!q.isStatedIn(answer.get().answer())) {
                problems.add("'" + q.question() + "' was answered '" + answer.get().answer() + "', without " + q.fact());
            } else {
                right++;
            }
        }
        String detail = right + " of " + questions.size() + " answers state the expected fact";
        if (!problems.isEmpty()) {
            return CheckResult.fail(detail + ": " + String.join("; ", problems),
                    "Put the retrieved chunks in the user message under 'Context:', the question after them, and tell"
                            + " the model in the system prompt to answer only from the context.");
        }
        return CheckResult.pass(detail);
    }

    static CheckResult admitsNotKnowing(LabContext ctx) {
        Optional<List<Answer>> answers = Answer.read(ctx.s3(), BedrockRagLab.bucket(ctx), Answer.WITHOUT_CONTEXT_KEY);
        if (answers.isEmpty() || answers.get().isEmpty()) {
            return CheckResult.fail("no answers at " + Answer.WITHOUT_CONTEXT_KEY,
                    "Ask the same questions with the same system prompt but no context, and write the answers to "
                            + Answer.WITHOUT_CONTEXT_KEY + ".");
        }
        List<String> problems = new ArrayList<>();
        List<Question> questions = BedrockRagLab.questions(ctx);
        for (Question q : questions) {
            Optional<Answer> answer = find(answers.get(), q);
            if (answer.isEmpty()) {
                problems.add("no answer to '" + q.question() + "'");
            } else if (!answer.get().context().isEmpty()) {
                problems.add("'" + q.question() + "' was asked with context");
            } else if (q.isStatedIn(answer.get().answer()) || !admitsIgnorance(answer.get().answer())) {
                problems.add("'" + q.question() + "' was answered '" + answer.get().answer() + "'");
            }
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(String.join("; ", problems),
                    "Keep the system prompt's rule: if the context does not contain the answer, reply 'I don't know'.");
        }
        return CheckResult.pass(questions.size() + " questions asked without context, each answered by admitting"
                + " not knowing, e.g. '" + answers.get().get(0).answer() + "'");
    }

    /** Whether a reply says, in one of the usual ways, that the model cannot answer. */
    static boolean admitsIgnorance(String reply) {
        return ADMITS_IGNORANCE.matcher(reply.replace('\u2019', '\'')).find();
    }

    private static Optional<Answer> find(List<Answer> answers, Question q) {
        return answers.stream().filter(a -> a.question().strip().equalsIgnoreCase(q.question().strip())).findFirst();
    }
}
