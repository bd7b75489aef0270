package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.Lab;
import io.labrunner.core.Ledger;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab env}: the started run's names and endpoint as shell variables. */
@Command(name = "env", description = "Print the started lab's names (BUCKET, STREAM…), ENDPOINT and, on the emulator,"
        + " its key pair and region as 'export' lines for your shell.",
        footerHeading = "%nExample:%n",
        footer = {"  eval \"$(lab env kinesis-streams)\"",
                "  aws $ENDPOINT kinesis describe-stream-summary --stream-name $STREAM"})
final class EnvCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "The lab's id; default: the lab started last.")
    String id;

    @Override
    public Integer call() {
        Ledger run = StartedRuns.latest(root, Optional.ofNullable(id));
        Lab lab = root.catalog.find(run.labId()).orElseGet(() -> new UnknownLab(run.labId()));
        RunEnvironment env = RunEnvironment.of(lab, run, root.state);
        PrintWriter out = spec.commandLine().getOut();
        if (!env.note().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("lab: " + env.note());
            err.flush();
        }
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            ObjectNode json = new ObjectMapper().createObjectNode();
            env.all().forEach(json::put);
            out.println(json.toPrettyString());
        } else {
            out.print(env.exports());
        }
        out.flush();
        return 0;
    }
}
