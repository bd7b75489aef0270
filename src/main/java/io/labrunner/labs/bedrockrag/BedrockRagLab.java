package io.labrunner.labs.bedrockrag;

import io.labrunner.core.BedrockModels;
import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Retrieval-augmented generation by hand: a fictional company's documents in S3 are chunked,
 * embedded with Titan Text Embeddings V2, kept as a JSON Lines vector index in S3, searched by
 * cosine similarity, and handed to a text model through Converse as the only context it may answer
 * from. Asked without that context, the model must say it does not know.
 */
public final class BedrockRagLab implements Lab {
    static final String ID = "bedrock-rag";
    /** The documents shipped under {@code labs/bedrock-rag/docs/}, uploaded by setup. */
    static final List<String> DOCUMENTS = List.of("company.md", "wrenlow-w3.md", "pricing.md", "warranty.md",
            "support.md", "firmware.md", "security.md", "field-trial.md");
    static final String DOCS_PREFIX = "docs/";
    /** The questions to answer, uploaded beside the documents. */
    static final String QUESTIONS_KEY = "questions.json";
    /** The vector index: one JSON line per chunk. */
    static final String INDEX_KEY = "index/chunks.jsonl";
    /** Where the answers from retrieved context go, one JSON line per question. */
    static final String WITH_CONTEXT_KEY = "answers/with-context.jsonl";
    /** Where the answers to the same questions asked without context go. */
    static final String WITHOUT_CONTEXT_KEY = "answers/without-context.jsonl";
    /** Chunks put in the prompt: enough to hold the answer when it is not the best match, few enough to stay cheap. */
    static final int TOP_K = 3;

    @Override
    public LabInfo info() {
        return new LabInfo(
                ID,
                "Ground a model in your own documents: RAG by hand with Bedrock embeddings, S3 and Converse",
                "Chunk eight documents about a company no model has heard of, embed each chunk with Titan Text"
                        + " Embeddings V2, keep the vectors in S3, retrieve the closest chunks by cosine similarity and"
                        + " let a model answer only from them; asked without them, it must say it does not know.",
                "2 ML Model Development",
                "2.1 Choose a modeling approach",
                List.of("Amazon Bedrock", "Amazon S3"),
                40,
                "< $0.01",
                Set.of(Capability.S3, Capability.BEDROCK_EMBEDDINGS, Capability.BEDROCK_TEXT));
    }

    /** The names the guide's commands use: {@code $BUCKET}. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        return names;
    }

    static String bucket(RunNames run) {
        return run.name("rag");
    }

    static List<Question> questions(LabContext ctx) {
        return Question.load(ctx.dataFile("questions.json"));
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () -> ctx.create(Resource.bucket(bucket), () -> createBucket(ctx.s3(), bucket)));
        ctx.step("Upload " + DOCUMENTS.size() + " documents to s3://" + bucket + "/" + DOCS_PREFIX, () -> {
            for (String document : DOCUMENTS) {
                String text = Files.readString(ctx.dataFile("docs/" + document));
                ctx.s3().putObject(r -> r.bucket(bucket).key(DOCS_PREFIX + document).contentType("text/markdown"),
                        RequestBody.fromString(text));
            }
        });
        ctx.step("Upload the questions to s3://" + bucket + "/" + QUESTIONS_KEY, () ->
                ctx.s3().putObject(r -> r.bucket(bucket).key(QUESTIONS_KEY).contentType("application/json"),
                        RequestBody.fromFile(ctx.dataFile("questions.json"))));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        BedrockModels models = BedrockModels.of(ctx);
        AtomicReference<BedrockModels.Chosen> embeddingModel = new AtomicReference<>();
        AtomicReference<BedrockModels.Chosen> textModel = new AtomicReference<>();
        ctx.step("Choose an embedding model and a text model offered in the region", () -> {
            embeddingModel.set(models.choose(BedrockModels.Use.EMBEDDING));
            textModel.set(models.choose(BedrockModels.Use.TEXT));
        });
        Embedder embedder = new Embedder(ctx.bedrockRuntime(), embeddingModel.get(), Embedder.DIMENSIONS);
        Assistant assistant = new Assistant(ctx.bedrockRuntime(), textModel.get());
        ctx.note("embeddings: " + embedder.modelId() + ", answers: " + assistant.modelId());

        List<Chunk> chunks = new ArrayList<>();
        ctx.step("Read the documents from S3 and cut them into chunks", () -> {
            for (String document : DOCUMENTS) {
                String text = ctx.s3().getObjectAsBytes(r -> r.bucket(bucket).key(DOCS_PREFIX + document)).asUtf8String();
                chunks.addAll(Chunker.chunk(document, text));
            }
        });
        ctx.note(chunks.size() + " chunks of at most " + Chunker.MAX_WORDS + " words from " + DOCUMENTS.size() + " documents");

        List<Indexed> index = new ArrayList<>();
        ctx.step("Embed " + chunks.size() + " chunks (" + Embedder.DIMENSIONS + " dimensions)", () -> {
            for (Chunk chunk : chunks) {
                index.add(new Indexed(chunk, embedder.modelId(), embedder.document(chunk.text())));
            }
        });
        ctx.step("Write the index to s3://" + bucket + "/" + VectorIndex.KEY, () -> VectorIndex.write(ctx.s3(), bucket, index));

        List<Question> questions = questions(ctx);
        List<Answer> grounded = new ArrayList<>();
        ctx.step("Answer " + questions.size() + " questions from the top " + TOP_K + " chunks", () -> {
            // Search what S3 holds: the index is the object, not this program's memory.
            List<Indexed> stored = VectorIndex.read(ctx.s3(), bucket).orElseThrow();
            for (Question q : questions) {
                List<Chunk> context = Similarity.topK(embedder.query(q.question()), stored, TOP_K).stream()
                        .map(s -> s.indexed().chunk()).toList();
                String answer = assistant.answer(q.question(), context);
                grounded.add(new Answer(q.question(), context.stream().map(Chunk::id).toList(), answer, assistant.modelId()));
            }
            Answer.write(ctx.s3(), bucket, Answer.WITH_CONTEXT_KEY, grounded);
        });
        grounded.forEach(a -> ctx.note("Q: " + a.question() + " [" + String.join(", ", a.context()) + "] A: " + a.answer()));

        List<Answer> ungrounded = new ArrayList<>();
        ctx.step("Ask the same questions without context", () -> {
            for (Question q : questions) {
                ungrounded.add(new Answer(q.question(), List.of(), assistant.answer(q.question(), List.of()), assistant.modelId()));
            }
            Answer.write(ctx.s3(), bucket, Answer.WITHOUT_CONTEXT_KEY, ungrounded);
        });
        ctx.note("without context: " + ungrounded.get(0).question() + " A: " + ungrounded.get(0).answer());

        Question first = questions.get(0);
        AtomicReference<String> bare = new AtomicReference<>();
        ctx.step("Ask the bare model, with neither context nor the rule to admit ignorance", () ->
                bare.set(assistant.bare(first.question())));
        // Not checked: a real model often invents a warranty here, which is the point of the lesson.
        ctx.note("bare model: " + first.question() + " A: " + bare.get());
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("The S3 index holds chunks of every document, each vector the embedding of its own text",
                        RagChecks::indexIsComplete),
                Check.of("For each question, the chunk holding its answer is retrieved first from the S3 index",
                        RagChecks::retrievesTheRightChunk),
                Check.of("Each answer from retrieved context states the expected fact", RagChecks::answersStateTheFacts),
                Check.of("Asked without context, the model says it does not know", RagChecks::admitsNotKnowing));
    }

    private static String createBucket(S3Client s3, String bucket) {
        Region region = s3.serviceClientConfiguration().region();
        s3.createBucket(r -> {
            r.bucket(bucket);
            if (!Region.US_EAST_1.equals(region)) {
                // Outside us-east-1, S3 wants the bucket's region named in the request.
                r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
            }
        });
        s3.waiter().waitUntilBucketExists(r -> r.bucket(bucket));
        return bucket;
    }
}
