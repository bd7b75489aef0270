package io.labrunner.core.progress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labrunner.core.LabException;
import io.labrunner.core.exam.QuizResult;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps {@link Progress} in one JSON file. Every change re-reads the file under a lock, so commands
 * running at the same time (two terminals, or two threads) do not lose each other's updates, and
 * writes a temporary file that is then moved over the old one, so a crash never leaves half a file.
 * A file that cannot be read is set aside as {@code <file>.corrupt-<timestamp>} — said in one line
 * to {@code notices} — and a fresh one starts.
 */
public final class ProgressStore {
    /** The commands whose pass counts: the learner's {@code check}, or the reference solution's {@code run}/{@code test}. */
    public static final Set<String> RECORDED_COMMANDS = Set.of("run", "test", "check");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // What a newer Lab Runner adds is kept readable by this one.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    // A FileLock is held by the whole JVM: threads of one process must queue before taking it.
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Clock clock;
    private final Consumer<String> notices;

    public ProgressStore(Path file, Clock clock, Consumer<String> notices) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
        this.notices = notices;
    }

    public Path file() {
        return file;
    }

    /** The progress so far; empty when none is kept yet. */
    public Progress read() {
        if (!Files.exists(file)) {
            return Progress.empty();
        }
        return locked(this::load);
    }

    /** Applies {@code change} to the progress as it is now on disk and saves the result. */
    public Progress update(UnaryOperator<Progress> change) {
        return locked(() -> {
            Progress changed = change.apply(load());
            save(changed);
            return changed;
        });
    }

    /** Records the labs that PASSED by {@code run}, {@code test} or {@code check}; nothing else counts. */
    public void recordPasses(List<LabResult> results) {
        List<LabResult> passes = results.stream().filter(ProgressStore::isPass).toList();
        if (passes.isEmpty()) {
            return;
        }
        var now = clock.instant();
        update(progress -> {
            Progress p = progress;
            for (LabResult r : passes) {
                p = p.withPass(r.labId(), r.target(), r.command(), now);
            }
            return p;
        });
    }

    public static boolean isPass(LabResult result) {
        return result.outcome() == Outcome.PASSED && RECORDED_COMMANDS.contains(result.command());
    }

    /** Records a quiz taken now. */
    public Progress recordQuiz(QuizResult result) {
        Progress.QuizScore score = new Progress.QuizScore(result.right(), result.total(), clock.instant(),
                result.rightByQuestion());
        return update(progress -> progress.withQuiz(result.labId(), score));
    }

    private interface Body<T> {
        T run() throws IOException;
    }

    private <T> T locked(Body<T> body) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(file.getParent());
            // A lock file of its own: the progress file is replaced on every write, a lock on it would be lost.
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return body.run();
            }
        } catch (IOException e) {
            throw new LabException("Cannot keep your progress in " + file + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    private Progress load() throws IOException {
        if (!Files.exists(file)) {
            return Progress.empty();
        }
        String why;
        try {
            Progress progress = JSON.readValue(file.toFile(), Progress.class);
            if (progress == null) {
                why = "it is empty";
            } else {
                why = progress.problem().orElse(null);
                if (why == null) {
                    return progress;
                }
            }
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? String.valueOf(e.getMessage()) : e.getOriginalMessage();
            why = message.lines().findFirst().orElse("not JSON");
        }
        Path aside = setAside();
        notices.accept("Your progress file " + file + " could not be read (" + why + "); it is set aside as "
                + aside.getFileName() + " and a fresh one starts.");
        return Progress.empty();
    }

    private Path setAside() throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, aside);
        return aside;
    }

    private void save(Progress progress) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), progress);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
