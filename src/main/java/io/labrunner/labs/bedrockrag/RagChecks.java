package io.labrunner.labs.bedrockrag;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

/**
 * The lab's checks. They read what the learner's pipeline left in the bucket — the vector index and
 * the two answer files — with their own code ({@link StoredIndex}, {@link StoredAnswers},
 * {@link CheckVectors}), never the solution's classes, and embed the texts again themselves rather
 * than trust a vector or a score the pipeline wrote. Each failure is explained from what was seen:
 * which chunk came first instead, whether the context held the fact, what the model said.
 */
final class RagChecks {
    /** How a model says it cannot answer: "I don't know", "I do not know", "not mentioned in the context"… */
    private static final Pattern ADMITS_IGNORANCE = Pattern.compile("(?i)\\b(don'?t|do not|does not|doesn'?t|cannot|can'?t|"
            + "unable to) (know|find|answer|say|tell|determine|contain|provide|mention|have)|\\bno information\\b|"
            + "\\bnot (mentioned|provided|specified|stated|given|available|included)\\b|\\bunknown\\b");
    /** A fresh embedding of the same text by the same model points the same way, up to rounding. */
    private static final double SAME_TEXT = 0.98;
    private static final String SOLVED = " (`./lab solve bedrock-rag` does it all, in BedrockRagLab.java.)";

    private RagChecks() {
    }

    // ---- 1. the index ---------------------------------------------------------------------------

    static CheckResult indexIsComplete(LabContext ctx) {
        String bucket = BedrockRagLab.bucket(ctx);
        StoredIndex index = StoredIndex.read(ctx.s3(), bucket);
        if (!index.problem().isEmpty()) {
            return noIndex(bucket, index);
        }
        List<StoredIndex.Line> lines = index.lines();
        Set<String> models = lines.stream().map(StoredIndex.Line::model).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Integer> lengths = lines.stream().map(l -> l.vector().length).collect(Collectors.toCollection(LinkedHashSet::new));
        if (models.contains("")) {
            return CheckResult.fail("a line of the index names no model",
                    "Give every line of the index a \"model\": the id of the embedding model that made its vector.",
                    "A question must be embedded by the same model as the chunks; the check reads \"model\" to do that.",
                    "Add it while embedding (step 4 of the guide): jq -c --arg model $EMBED_MODEL '. + {model: $model, vector: …}'.");
        }
        if (models.size() > 1 || lengths.size() > 1) {
            return CheckResult.fail("the index mixes models " + models + " or vector lengths " + lengths,
                    "Embed every chunk with one model and one vector length.",
                    "Vectors of different models (or of Titan V2 at 256 and at 512 dimensions) live in different spaces:"
                            + " their cosine means nothing.",
                    "Rebuild index.jsonl in one pass of step 4 with one $EMBED_MODEL and \"dimensions\": 512, and copy it again.");
        }
        Set<String> sources = lines.stream().map(StoredIndex.Line::source).collect(Collectors.toSet());
        List<String> missing = BedrockRagLab.DOCUMENTS.stream().filter(d -> !sources.contains(d)).toList();
        if (!missing.isEmpty()) {
            return CheckResult.fail(lines.size() + " chunks from " + (BedrockRagLab.DOCUMENTS.size() - missing.size()) + " of "
                            + BedrockRagLab.DOCUMENTS.size() + " documents; none from " + String.join(", ", missing),
                    "Chunk every document under s3://" + bucket + "/docs/, not only some: no chunk, no answer from it.",
                    "Each line's \"source\" is the document's file name (e.g. warranty.md); the check found none for "
                            + String.join(", ", missing) + ".",
                    "Run step 3's loop over all eight documents, then steps 4 and 5 again." + SOLVED);
        }
        String model = models.iterator().next();
        int dimensions = lengths.iterator().next();
        CheckVectors vectors = new CheckVectors(ctx.bedrockRuntime(), model, ctx.bedrock().serviceClientConfiguration().region(),
                dimensions);
        List<double[]> fresh = new ArrayList<>();
        try {
            for (StoredIndex.Line line : lines) {
                fresh.add(vectors.ofDocument(line.text()));
            }
        } catch (BedrockRuntimeException e) {
            return CheckResult.fail("the index names model " + model + " (" + dimensions + " numbers a vector), which Bedrock"
                            + " refuses: " + e.awsErrorDetails().errorMessage(),
                    "Write the id of the model you embedded with in each line's \"model\", exactly as you passed it to"
                            + " invoke-model.",
                    "The check embeds texts again with that id (and, for Titan V2, that many dimensions) to compare.",
                    "amazon.titan-embed-text-v2:0 with \"dimensions\": 512, as in step 4.");
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            double same = CheckVectors.cosine(lines.get(i).vector(), fresh.get(i));
            if (same < SAME_TEXT) {
                wrong.add(lines.get(i).id() + " (cosine " + round(same) + " with its text's embedding"
                        + whoseVector(lines, fresh, i) + ")");
            }
        }
        String detail = lines.size() + " chunks from " + BedrockRagLab.DOCUMENTS.size() + " documents, embedded by " + model
                + " (" + dimensions + " numbers a vector)";
        if (!wrong.isEmpty()) {
            boolean shifted = wrong.stream().anyMatch(w -> w.contains("is the embedding of"));
            return CheckResult.fail(detail + "; " + wrong.size() + " vectors are not the embedding of their line's text: "
                            + String.join(", ", wrong),
                    shifted ? "Some vectors sit on the wrong line: each line's vector must be the embedding of that line's text."
                            : "Embed each chunk's own \"text\", exactly as stored, and nothing else (not its title, not its id).",
                    "The check embedded every line's text again with " + model + " and compared: the same text gives the same"
                            + " direction (cosine ≈ 1). Retrieval compares questions with these vectors, so a vector of"
                            + " other words sends the search to the wrong chunk.",
                    "Step 4: for each line of chunks.jsonl, the body {inputText: .text, dimensions: 512, normalize: true} goes"
                            + " to invoke-model, and the returned .embedding is added to that same line." + SOLVED);
        }
        return CheckResult.pass(detail + "; every vector is its own text's embedding");
    }

    /** ", which is the embedding of X's text" when the vector belongs to another line. */
    private static String whoseVector(List<StoredIndex.Line> lines, List<double[]> fresh, int i) {
        for (int j = 0; j < lines.size(); j++) {
            if (j != i && CheckVectors.cosine(lines.get(i).vector(), fresh.get(j)) >= SAME_TEXT) {
                return "; it is the embedding of " + lines.get(j).id() + "'s text";
            }
        }
        return "";
    }

    // ---- 2. retrieval ---------------------------------------------------------------------------

    static CheckResult retrievesTheRightChunk(LabContext ctx) {
        String bucket = BedrockRagLab.bucket(ctx);
        StoredIndex index = StoredIndex.read(ctx.s3(), bucket);
        if (!index.problem().isEmpty()) {
            return noIndex(bucket, index);
        }
        Ranking ranking = Ranking.of(ctx, index);
        try {
            return retrieval(ctx, index, ranking);
        } catch (BedrockRuntimeException e) {
            return CheckResult.fail("cannot embed a question with the index's model " + ranking.model() + ": "
                            + e.awsErrorDetails().errorMessage(),
                    "Fix the index first (the check above says what is wrong with it).",
                    "The check embeds each question with the model your index names, to search your vectors.",
                    "Step 4 of the guide: \"model\": \"amazon.titan-embed-text-v2:0\" on every line." + SOLVED);
        }
    }

    private static CheckResult retrieval(LabContext ctx, StoredIndex index, Ranking ranking) {
        List<String> seen = new ArrayList<>();
        List<String> notInAnyChunk = new ArrayList<>();
        List<String> outranked = new ArrayList<>();
        StoredIndex.Line biggestWinner = null;
        for (Question q : BedrockRagLab.questions(ctx)) {
            List<Ranking.Scored> ranked = ranking.rank(q.question());
            StoredIndex.Line first = ranked.get(0).line();
            seen.add(first.id() + " (" + round(ranked.get(0).score()) + ")");
            if (first.source().equals(q.source()) && states(first.text(), q.fact())) {
                continue;
            }
            Optional<Integer> place = placeOfFact(ranked, q);
            if (place.isEmpty()) {
                notInAnyChunk.add("no chunk of " + q.source() + " contains \"" + q.fact() + "\"");
            } else {
                outranked.add("'" + q.question() + "' found " + first.id() + " first (" + round(ranked.get(0).score())
                        + "); " + ranked.get(place.get()).line().id() + ", which says " + q.fact() + ", came "
                        + ordinal(place.get() + 1) + " (" + round(ranked.get(place.get()).score()) + ")");
                if (biggestWinner == null || words(first.text()) > words(biggestWinner.text())) {
                    biggestWinner = first;
                }
            }
        }
        String detail = index.lines().size() + " chunks; searched by cosine with " + ranking.model() + "; first found: "
                + String.join(", ", seen);
        if (!notInAnyChunk.isEmpty()) {
            return CheckResult.fail(detail + "; " + String.join("; ", notInAnyChunk),
                    "A fact the questions ask for is in no chunk's text: look at how your chunks cut the documents.",
                    "The check searched the \"text\" of every line for " + notInAnyChunk.size() + " expected facts and did not"
                            + " find them whole: a chunk boundary inside a sentence, or text dropped while chunking.",
                    "Step 3: one chunk per paragraph, the paragraph's whole text with runs of white space made single"
                            + " spaces; then embed again (step 4)." + SOLVED);
        }
        if (!outranked.isEmpty()) {
            int size = words(biggestWinner.text());
            String nudge = size > 120
                    ? "A chunk of " + size + " words (" + biggestWinner.id() + ") wins searches it should not: your chunks are"
                            + " too big to be about one thing."
                    : "The chunk holding the answer is in your index, but another ranks above it: look at what each"
                            + " chunk's vector was made from.";
            return CheckResult.fail(detail + "; " + String.join("; ", outranked), nudge,
                    "The check embedded each question with " + ranking.model() + " and ranked your vectors by cosine itself."
                            + " A vector that mixes several topics (a whole document) is close to many questions and first for"
                            + " none in particular; one paragraph per chunk keeps each vector about one thing.",
                    "Step 3 cuts each document at blank lines into paragraphs (≤ 60 words here); step 4 embeds each"
                            + " paragraph's text." + SOLVED);
        }
        return CheckResult.pass(detail);
    }

    private static Optional<Integer> placeOfFact(List<Ranking.Scored> ranked, Question q) {
        for (int i = 0; i < ranked.size(); i++) {
            if (states(ranked.get(i).line().text(), q.fact())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    // ---- 3. grounded answers --------------------------------------------------------------------

    static CheckResult answersStateTheFacts(LabContext ctx) {
        String bucket = BedrockRagLab.bucket(ctx);
        String key = BedrockRagLab.WITH_CONTEXT_KEY;
        StoredAnswers answers = StoredAnswers.read(ctx.s3(), bucket, key);
        if (!answers.problem().isEmpty()) {
            return CheckResult.fail(answers.problem(),
                    "Answer every question of s3://" + bucket + "/questions.json from its retrieved chunks and write the"
                            + " answers to s3://" + bucket + "/" + key + ".",
                    "One JSON object per line: {\"question\": …, \"context\": [the chunk ids in the prompt], \"answer\": …,"
                            + " \"model\": …}.",
                    "Step 7 of the guide: the loop over questions.json writes with-context.jsonl; then aws $ENDPOINT s3 cp"
                            + " with-context.jsonl s3://$BUCKET/" + key + SOLVED);
        }
        StoredIndex index = StoredIndex.read(ctx.s3(), bucket);
        Map<String, StoredIndex.Line> byId = new LinkedHashMap<>();
        index.lines().forEach(l -> byId.put(l.id(), l));
        Findings findings = new Findings();
        int right = 0;
        List<Question> questions = BedrockRagLab.questions(ctx);
        for (Question q : questions) {
            Optional<StoredAnswers.Entry> found = answers.to(q.question());
            if (found.isEmpty()) {
                findings.add(Finding.MISSING, "no answer to '" + q.question() + "'");
                continue;
            }
            StoredAnswers.Entry a = found.get();
            List<String> unknown = a.context().stream().filter(id -> !byId.containsKey(id)).toList();
            boolean contextHoldsFact = a.context().stream().map(byId::get)
                    .anyMatch(l -> l != null && states(l.text(), q.fact()));
            if (a.context().isEmpty()) {
                findings.add(Finding.NO_CONTEXT, "'" + q.question() + "' lists no context");
            } else if (!unknown.isEmpty()) {
                findings.add(Finding.UNKNOWN_CHUNKS, "'" + q.question() + "' lists context " + unknown + " that the index"
                        + " does not hold");
            } else if (!contextHoldsFact) {
                findings.add(Finding.WRONG_CHUNKS, "'" + q.question() + "' was given " + a.context() + ", none of which says "
                        + q.fact() + whereCosinePutsIt(ctx, index, q));
            } else if (!states(a.answer(), q.fact())) {
                findings.add(admitsIgnorance(a.answer()) ? Finding.CONTEXT_NOT_IN_PROMPT : Finding.NOT_GROUNDED,
                        "'" + q.question() + "': the context held " + q.fact() + " but the answer was '"
                                + StoredIndex.abbreviate(a.answer()) + "'");
            } else {
                right++;
            }
        }
        String detail = right + " of " + questions.size() + " answers state the expected fact from context that holds it";
        return findings.isEmpty() ? CheckResult.pass(detail) : findings.result(detail, bucket);
    }

    /** "; by cosine your index ranks X 1st" for the chunk that holds the fact, when the index can be searched. */
    private static String whereCosinePutsIt(LabContext ctx, StoredIndex index, Question q) {
        if (!index.problem().isEmpty()) {
            return "";
        }
        try {
            List<Ranking.Scored> ranked = Ranking.of(ctx, index).rank(q.question());
            return placeOfFact(ranked, q).map(i -> "; by cosine your index ranks " + ranked.get(i).line().id() + ", which"
                    + " does, " + ordinal(i + 1)).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** What can be wrong with an answer, worst first: the first kind found picks the hints. */
    private enum Finding {
        MISSING("An answer is missing: every question of questions.json needs one line in the answers file.",
                "Answers are matched to questions by the question's exact text.",
                "Step 7's loop reads the questions with jq -r '.[].question' questions.json and writes one line each."),
        NO_CONTEXT("An answer lists no context: this file is for answers from retrieved chunks.",
                "\"context\" lists the ids of the chunks that were in the prompt; an empty list means the model was asked"
                        + " the question alone, which is step 8's file, not this one.",
                "Steps 6 and 7: retrieve \"$q\" ranks index.jsonl into top3.json; answer \"$q\" top3.json puts their text under \"Context:\" in"
                        + " the user message, and record their ids in \"context\"."),
        UNKNOWN_CHUNKS("The context names chunk ids your index does not hold: record the ids of the index's lines you"
                + " actually retrieved.",
                "The check looks each context id up in index/chunks.jsonl to see whether the fact was in the prompt.",
                "Step 7: \"context\" is jq 'map(.id)' of top3.json, the lines your cosine search picked."),
        WRONG_CHUNKS("Retrieval gave the model the wrong chunks: the chunk that says the answer was not among them.",
                "The check ranked your index by cosine itself and found the right chunk near the top (see the detail):"
                        + " is your search computing cosine (the dot product of the vectors), and with the question embedded"
                        + " by the same model? Counting shared words is not the same thing.",
                "Step 6: embed the question with the index's model, then jq -s --slurpfile q vector.json 'map({id, text, score: ([.vector,"
                        + " $q[0].embedding] | transpose | map(.[0] * .[1]) | add)}) | sort_by(-.score) | .[0:3]' index.jsonl."),
        CONTEXT_NOT_IN_PROMPT("The model said it did not know though the retrieved chunks held the answer: did the chunks"
                + " reach the prompt?",
                "Listing chunk ids in \"context\" is not giving them to the model: their text must be in the user message"
                        + " of the Converse call, before the question.",
                "Step 7: the user message is \"Context:\" + each chunk in <document source=\"…\"> tags + \"Question: …\","
                        + " built by jq from top3.json into messages.json."),
        NOT_GROUNDED("The answer does not state what the context says: the model answered from somewhere else.",
                "With the right chunk in the prompt, a grounded answer quotes its fact; one that does not was not told to"
                        + " keep to the context, or not told firmly enough.",
                "Step 7: send the system prompt (system.json: answer only from the context, quote names and numbers"
                        + " exactly, else \"I don't know\") with --system file://system.json, at temperature 0.");

        private final String[] hints;

        Finding(String... hints) {
            this.hints = hints;
        }
    }

    /** The problems of an answers file, the worst kind first. */
    private static final class Findings {
        private final Map<Finding, List<String>> found = new java.util.EnumMap<>(Finding.class);

        void add(Finding kind, String what) {
            found.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        CheckResult result(String detail, String bucket) {
            String seen = found.values().stream().flatMap(List::stream).collect(Collectors.joining("; "));
            String[] hints = found.keySet().iterator().next().hints.clone();
            hints[hints.length - 1] = hints[hints.length - 1] + " Then aws $ENDPOINT s3 cp with-context.jsonl s3://" + bucket
                    + "/" + BedrockRagLab.WITH_CONTEXT_KEY + SOLVED;
            return CheckResult.fail(detail + ": " + seen, hints);
        }
    }

    // ---- 4. no context, no answer ---------------------------------------------------------------

    static CheckResult admitsNotKnowing(LabContext ctx) {
        String bucket = BedrockRagLab.bucket(ctx);
        String key = BedrockRagLab.WITHOUT_CONTEXT_KEY;
        String copy = " Then aws $ENDPOINT s3 cp without-context.jsonl s3://" + bucket + "/" + key + SOLVED;
        StoredAnswers answers = StoredAnswers.read(ctx.s3(), bucket, key);
        if (!answers.problem().isEmpty()) {
            return CheckResult.fail(answers.problem(),
                    "Ask each question once more with the same system prompt but no context, and write the answers to s3://"
                            + bucket + "/" + key + ".",
                    "Same line format as with-context.jsonl, with \"context\": [].",
                    "Step 8 of the guide: the same loop with only \"Question: …\" in the user message." + copy);
        }
        List<String> withContext = new ArrayList<>();
        List<String> knew = new ArrayList<>();
        List<String> invented = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Question> questions = BedrockRagLab.questions(ctx);
        for (Question q : questions) {
            Optional<StoredAnswers.Entry> found = answers.to(q.question());
            if (found.isEmpty()) {
                missing.add("no answer to '" + q.question() + "'");
            } else if (!found.get().context().isEmpty()) {
                withContext.add("'" + q.question() + "' lists context " + found.get().context());
            } else if (states(found.get().answer(), q.fact())) {
                knew.add("'" + q.question() + "' was answered '" + StoredIndex.abbreviate(found.get().answer()) + "'");
            } else if (!admitsIgnorance(found.get().answer())) {
                invented.add("'" + q.question() + "' was answered '" + StoredIndex.abbreviate(found.get().answer()) + "'");
            }
        }
        if (!missing.isEmpty()) {
            return CheckResult.fail(String.join("; ", missing),
                    "Every question of questions.json needs a line in " + key + ".",
                    "Answers are matched to questions by the question's exact text.",
                    "Step 8: the same loop as step 7, over every question." + copy);
        }
        if (!withContext.isEmpty()) {
            return CheckResult.fail(String.join("; ", withContext),
                    "This file is for the questions asked without any retrieved chunks: \"context\" must be [].",
                    "The point of step 8 is to see what the model does with no context at all.",
                    "Step 8: the user message is only \"Question: …\" and the line has \"context\": []." + copy);
        }
        if (!knew.isEmpty()) {
            return CheckResult.fail(String.join("; ", knew),
                    "Without context the model still stated the lab's facts: the facts reached it some other way.",
                    "No model was trained on this invented company, so the fact came from the prompt: is the context still in"
                            + " the user message, or was this file written from the answers with context?",
                    "Step 8: send only \"Question: …\" in the user message, with the same system prompt." + copy);
        }
        if (!invented.isEmpty()) {
            return CheckResult.fail(String.join("; ", invented),
                    "Without context the model answered anyway, without admitting it does not know: that is a"
                            + " hallucination waiting to happen.",
                    "The system prompt must say what to do when the context does not hold the answer (reply only \"I don't"
                            + " know\"); a model asked with no such rule fills the gap with something plausible.",
                    "Step 8: keep --system file://system.json and temperature 0 on the calls without context." + copy);
        }
        return CheckResult.pass(questions.size() + " questions asked without context, each answered by admitting"
                + " not knowing, e.g. '" + answers.answers().get(0).answer() + "'");
    }

    // ---- shared ---------------------------------------------------------------------------------

    private static CheckResult noIndex(String bucket, StoredIndex index) {
        return CheckResult.fail(index.problem(),
                "Write the vector index to s3://" + bucket + "/" + StoredIndex.KEY + ".",
                "One JSON object per line, one line per chunk: {\"id\": \"warranty.md#1\", \"source\": \"warranty.md\","
                        + " \"text\": …, \"model\": …, \"vector\": [numbers]}.",
                "Steps 3–5 of the guide: chunks.jsonl by jq, index.jsonl by invoke-model for each line, then aws $ENDPOINT"
                        + " s3 cp index.jsonl s3://$BUCKET/" + StoredIndex.KEY + SOLVED);
    }

    /** Whether the text states the fact: case, line breaks and runs of white space do not matter. */
    static boolean states(String text, String fact) {
        return normalize(text).contains(normalize(fact));
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2011', '-').replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    /** Whether a reply says, in one of the usual ways, that the model cannot answer. */
    static boolean admitsIgnorance(String reply) {
        return ADMITS_IGNORANCE.matcher(reply.replace('\u2019', '\'')).find();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    /** The learner's index searched by the check's own cosine, the question embedded by the index's model. */
    private record Ranking(StoredIndex index, CheckVectors vectors, String model) {
        record Scored(StoredIndex.Line line, double score) {
        }

        static Ranking of(LabContext ctx, StoredIndex index) {
            StoredIndex.Line first = index.lines().get(0);
            return new Ranking(index, new CheckVectors(ctx.bedrockRuntime(), first.model(),
                    ctx.bedrock().serviceClientConfiguration().region(), first.vector().length), first.model());
        }

        List<Scored> rank(String question) {
            double[] query = vectors.ofQuery(question);
            List<Scored> scored = new ArrayList<>();
            for (StoredIndex.Line line : index.lines()) {
                scored.add(new Scored(line, CheckVectors.cosine(query, line.vector())));
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed());
            return scored;
        }
    }
}
