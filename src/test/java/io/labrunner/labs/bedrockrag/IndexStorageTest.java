package io.labrunner.labs.bedrockrag;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.testing.EmbeddedEmulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The index and the answers survive a round trip through S3 as JSON Lines. */
class IndexStorageTest {
    private static final String BUCKET = "lab-r4g8x2-rag";
    private static EmbeddedEmulator emulator;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = new EmbeddedEmulator();
        s3 = emulator.clients().s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void anIndexWrittenToS3IsReadBackLineForLine() {
        List<Indexed> index = List.of(
                new Indexed(new Chunk("warranty.md#1", "warranty.md", "Warranty and returns", "A warranty of 38 months."),
                        "amazon.titan-embed-text-v2:0", new float[] {0.25f, -0.5f, 0.125f}),
                new Indexed(new Chunk("pricing.md#1", "pricing.md", "Prices", "A probe costs NZ$389."),
                        "amazon.titan-embed-text-v2:0", new float[] {1f, 0f, -1f}));

        VectorIndex.write(s3, BUCKET, index);
        List<Indexed> read = VectorIndex.read(s3, BUCKET).orElseThrow();

        assertThat(read).extracting(Indexed::chunk).containsExactly(index.get(0).chunk(), index.get(1).chunk());
        assertThat(read.get(0).vector()).containsExactly(0.25f, -0.5f, 0.125f);
        assertThat(read.get(1).model()).isEqualTo("amazon.titan-embed-text-v2:0");
    }

    @Test
    void answersKeepTheirContextAndAnEmptyContextStaysEmpty() {
        List<Answer> answers = List.of(new Answer("Q1?", List.of("a.md#1", "b.md#2"), "A1", "m"),
                new Answer("Q2?", List.of(), "I don't know.", "m"));

        Answer.write(s3, BUCKET, Answer.WITHOUT_CONTEXT_KEY, answers);

        assertThat(Answer.read(s3, BUCKET, Answer.WITHOUT_CONTEXT_KEY)).contains(answers);
    }

    @Test
    void nothingWrittenYetReadsAsEmpty() {
        assertThat(Answer.read(s3, BUCKET, "answers/none.jsonl")).isEmpty();
    }
}
