package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.LabException;
import io.labrunner.core.exam.ExamTask;
import io.labrunner.core.exam.Letters;
import io.labrunner.core.exam.Quiz;
import io.labrunner.core.exam.QuizAnswers;
import io.labrunner.core.exam.QuizQuestion;
import io.labrunner.core.exam.QuizResult;
import io.labrunner.core.progress.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab quiz}: a lab's exam-style questions, one at a time, with the why after each. */
@Command(name = "quiz", description = "Answer a lab's exam-style questions: right or wrong, why, and your score.",
        footerHeading = "%nExamples:%n",
        footer = {"  lab quiz s3-data-formats                   one question at a time",
                "  lab quiz s3-data-formats --answers a.yaml  answers from lines like",
                "                                             'q-id: B' ('AC' for Choose two)",
                "",
                "The score is saved for 'lab progress'. Exit status: 0 when the quiz is done,",
                "whatever the score; 2 for a lab with no quiz yet or a bad answer file."})
final class QuizCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int WIDTH = 88;

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB", description = "The lab's id (see 'lab list').")
    String id;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "Answer from FILE (YAML or JSON: question id → letters; '-' reads standard input)"
                    + " instead of asking. Questions it leaves out count as unanswered.")
    String answers;

    /** Where typed answers come from; tests set it. Unset: standard input, and only on a terminal. */
    BufferedReader keyboard;

    /** What {@code --answers -} reads; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        String labId = root.catalog.get(id).info().id();
        Quiz quiz = Quiz.load(labId);
        if (quiz.questions().isEmpty()) {
            throw new LabException("The lab " + labId + " has no quiz yet.");
        }
        boolean json = root.options.output == GlobalOptions.OutputFormat.json;
        Style style = root.options.style();
        // With --output json the questions and feedback go to standard error, the result alone to standard output.
        PrintWriter talk = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        QuizResult result;
        if (answers != null) {
            result = QuizResult.score(quiz, QuizAnswers.parse(readAnswers(), quiz, answersName()));
            if (!json) {
                result.answers().forEach(a -> review(a, talk, style));
            }
        } else {
            Optional<QuizResult> asked = ask(quiz, keyboard(), talk, style);
            if (asked.isEmpty()) {
                talk.println("Stopped before the end; nothing is recorded.");
                talk.flush();
                return 0;
            }
            result = asked.get();
        }
        Optional<Progress.QuizRecord> saved = save(result);
        if (json) {
            spec.commandLine().getOut().println(json(result, saved));
        } else {
            summary(result, saved, talk, style);
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return 0;
    }

    private BufferedReader keyboard() {
        if (keyboard != null) {
            return keyboard;
        }
        if (!Terminal.interactive()) {
            throw new LabException("lab quiz asks its questions on a terminal; without one, give your answers"
                    + " with --answers FILE (one 'question-id: letters' per line).");
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    private String answersName() {
        return answers.equals("-") ? "standard input" : answers;
    }

    private String readAnswers() {
        try {
            if (answers.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(answers));
        } catch (NoSuchFileException e) {
            throw new LabException("No answer file " + answers + ".");
        } catch (CharacterCodingException e) {
            throw new LabException("The answers in " + answers + " are not text (UTF-8).");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new LabException("Cannot read the answers in " + answersName() + ": " + e.getMessage());
        }
    }

    /** Asks each question in turn; empty when the learner stopped ({@code q}, or end of input). */
    private Optional<QuizResult> ask(Quiz quiz, BufferedReader in, PrintWriter talk, Style style) throws IOException {
        Map<String, Set<String>> given = new LinkedHashMap<>();
        List<QuizQuestion> questions = quiz.questions();
        talk.println(style.bold("Quiz: " + root.catalog.get(quiz.labId()).info().title()) + style.dim(
                "  · " + questions.size() + " questions · answer with a letter, two for (Choose two.), q to stop"));
        for (int i = 0; i < questions.size(); i++) {
            QuizQuestion q = questions.get(i);
            talk.println();
            talk.println(style.bold("Question " + (i + 1) + " of " + questions.size()) + style.dim("  · " + q.examTask()));
            wrap(q.scenario(), "").forEach(talk::println);
            for (String letter : List.of("A", "B", "C", "D")) {
                List<String> lines = wrap(q.options().get(letter), "     ");
                talk.println("  " + letter + ") " + lines.get(0).strip());
                lines.stream().skip(1).forEach(talk::println);
            }
            Optional<Set<String>> answer = answer(q, in, talk);
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            given.put(q.id(), answer.get());
            QuizResult.Answered answered = new QuizResult.Answered(q, answer.get());
            talk.println(answered.right() ? style.green("✔ Right.")
                    : style.red("✘ Not quite: the answer is " + Letters.join(q.answer()) + "."));
            wrap(q.explanation(), "  ").forEach(line -> talk.println(style.dim(line)));
        }
        talk.println();
        return Optional.of(QuizResult.score(quiz, given));
    }

    private static Optional<Set<String>> answer(QuizQuestion q, BufferedReader in, PrintWriter talk) throws IOException {
        int wanted = q.choosesTwo() ? 2 : 1;
        while (true) {
            talk.print(wanted == 2 ? "Your two letters (e.g. AC): " : "Your answer: ");
            talk.flush();
            String line = in.readLine();
            if (line == null || line.strip().equalsIgnoreCase("q") || line.strip().equalsIgnoreCase("quit")) {
                talk.println();
                return Optional.empty();
            }
            try {
                Set<String> letters = Letters.parse(line);
                if (letters.size() == wanted) {
                    return Optional.of(letters);
                }
                talk.println(wanted == 2 ? "  This one takes two letters (Choose two.), e.g. AC."
                        : "  One letter, A–D (only the (Choose two.) questions take two).");
            } catch (IllegalArgumentException e) {
                talk.println("  " + e.getMessage() + "; answer A, B, C or D (q to stop).");
            }
        }
    }

    /** One question answered from a file: right or not, the right letters, and why. */
    private static void review(QuizResult.Answered a, PrintWriter talk, Style style) {
        QuizQuestion q = a.question();
        String where = q.id() + style.dim(" (" + q.task() + ")");
        String right = Letters.join(q.answer());
        if (a.right()) {
            talk.println(style.green("✔ ") + where + ": " + right);
        } else if (a.unanswered()) {
            talk.println(style.yellow("· ") + where + ": unanswered; the answer is " + right);
        } else {
            talk.println(style.red("✘ ") + where + ": " + Letters.join(a.given()) + "; the answer is " + right
                    + (q.choosesTwo() && a.given().size() != 2 ? " (Choose two.)" : ""));
        }
        wrap(q.explanation(), "    ").forEach(line -> talk.println(style.dim(line)));
    }

    private void summary(QuizResult result, Optional<Progress.QuizRecord> saved, PrintWriter talk, Style style) {
        talk.println(style.bold("Score: " + result.right() + "/" + result.total() + " (" + result.percent() + " %)"));
        if (result.unanswered() > 0) {
            List<String> ids = result.answers().stream().filter(QuizResult.Answered::unanswered)
                    .map(a -> a.question().id()).toList();
            talk.println(ids.size() + (ids.size() == 1 ? " question was" : " questions were") + " not in "
                    + answersName() + ", so unanswered: " + String.join(", ", ids));
        }
        Map<ExamTask, List<String>> misses = result.missesByTask();
        if (misses.isEmpty()) {
            talk.println("No misses.");
        } else {
            talk.println("Missed, by MLA-C01 task:");
            misses.forEach((task, ids) -> talk.println("  " + task + ": " + String.join(", ", ids)));
            talk.println("The guide explains them: lab show " + result.labId());
        }
        saved.ifPresent(r -> talk.println(style.dim("Saved. Your best on this quiz: " + r.best().right() + "/"
                + r.best().total() + ". 'lab progress' shows the whole exam.")));
        talk.flush();
    }

    /** Records the score; a progress that cannot be kept is said in one line and does not fail the quiz. */
    private Optional<Progress.QuizRecord> save(QuizResult result) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return ProgressCommand.store(root, err).recordQuiz(result).quiz(result.labId());
        } catch (LabException e) {
            err.println("lab: your score is not saved: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String json(QuizResult result, Optional<Progress.QuizRecord> saved) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("lab", result.labId());
        ObjectNode score = root.putObject("score");
        score.put("right", result.right());
        score.put("total", result.total());
        score.put("percent", result.percent());
        score.put("unanswered", result.unanswered());
        ArrayNode questions = root.putArray("questions");
        for (QuizResult.Answered a : result.answers()) {
            ObjectNode q = questions.addObject();
            q.put("id", a.question().id());
            q.put("task", a.question().task());
            if (a.unanswered()) {
                q.putNull("given");
            } else {
                q.put("given", Letters.join(a.given()));
            }
            q.put("answer", Letters.join(a.question().answer()));
            q.put("right", a.right());
            q.put("explanation", a.question().explanation().strip());
        }
        ArrayNode missed = root.putArray("missedTasks");
        result.missesByTask().forEach((task, ids) -> {
            ObjectNode t = missed.addObject();
            t.put("task", task.number);
            t.put("title", task.title);
            ids.forEach(t.putArray("questions")::add);
        });
        saved.ifPresent(r -> {
            ObjectNode best = root.putObject("best");
            best.put("right", r.best().right());
            best.put("total", r.best().total());
            best.put("at", r.best().at().toString());
        });
        return JSON.writeValueAsString(root);
    }

    /** Words wrapped to the width, each line starting with {@code indent}. */
    static List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\n")) {
            StringBuilder line = new StringBuilder(indent);
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
