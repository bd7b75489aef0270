package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.labrunner.core.LabInfo;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab show}: a lab's guide, rendered for the terminal, through a pager when it is longer than the screen. */
@Command(name = "show", description = "Show a lab's guide: what you learn, your task, and the why.")
final class ShowCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB", description = "The lab's id (see 'lab list').")
    String id;

    @Option(names = "--no-pager", description = "Print the guide even on a terminal, instead of through $PAGER or less.")
    boolean noPager;

    /** {@code lab show --output json}: the lab's facts and its guide's parts, in Markdown. */
    record GuideJson(LabInfo lab, String title, String intro, java.util.List<Guides.Section> sections) {
    }

    @Override
    public Integer call() throws Exception {
        LabInfo info = root.catalog.get(id).info();
        String guide = Guides.load(info.id());
        PrintWriter out = spec.commandLine().getOut();
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            Guides.Guide parts = Guides.parts(guide);
            out.println(JSON.writeValueAsString(new GuideJson(info, parts.title(), parts.intro(), parts.sections())));
            out.flush();
            return 0;
        }
        String text = new MarkdownRenderer(root.options.style()).render(guide);
        if (!paged(text, root.env)) {
            out.print(text);
            out.flush();
        }
        return 0;
    }

    /** Through the pager when standard output is a terminal, asked for, and the text is taller than the screen. */
    private boolean paged(String text, Map<String, String> env) {
        if (noPager || !Terminal.interactive()) {
            return false;
        }
        Optional<Integer> rows = Terminal.rows();
        long lines = text.chars().filter(c -> c == '\n').count();
        if (rows.isPresent() && lines < rows.get()) {
            return false;
        }
        spec.commandLine().getOut().flush();
        return new Pager(env).show(text);
    }
}
