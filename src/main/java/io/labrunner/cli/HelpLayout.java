package io.labrunner.cli;

import java.util.Map;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How {@code lab --help} is laid out: as wide as the terminal, and each command's whole description
 * in the command list, wrapped under itself. (Picocli lists only a description's first line, which
 * cut off any command described in two.)
 */
final class HelpLayout {
    /** Picocli's narrowest usage width. */
    private static final int NARROWEST = 55;

    private HelpLayout() {
    }

    static void apply(CommandLine cli) {
        apply(cli, Terminal::width);
    }

    /** The width is asked only when help is shown, not on every command (it may run {@code stty}). */
    static void apply(CommandLine cli, IntSupplier width) {
        cli.setHelpFactory((spec, colors) -> {
            spec.usageMessage().width(Math.max(NARROWEST, width.getAsInt()));
            return new Help(spec, colors);
        });
        listWholeDescriptions(cli);
    }

    private static void listWholeDescriptions(CommandLine cli) {
        for (CommandLine command : everyCommand(cli)) {
            if (!command.getSubcommands().isEmpty()) {
                command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
            }
        }
    }

    private static java.util.List<CommandLine> everyCommand(CommandLine cli) {
        java.util.List<CommandLine> all = new java.util.ArrayList<>(java.util.List.of(cli));
        for (CommandLine sub : cli.getSubcommands().values()) {
            all.addAll(everyCommand(sub));
        }
        return all;
    }

    /** Each subcommand's name and its header, or else its description, whole. */
    static String commandList(Help help) {
        Map<String, Help> commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int nameWidth = 0;
        for (Map.Entry<String, Help> command : commands.entrySet()) {
            if (!command.getValue().commandSpec().usageMessage().hidden()) {
                nameWidth = Math.max(nameWidth, command.getKey().length());
            }
        }
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(nameWidth + 4, 2, Column.Overflow.SPAN),
                new Column(width - nameWidth - 4, 0, Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(help.commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        for (Map.Entry<String, Help> command : commands.entrySet()) {
            UsageMessageSpec usage = command.getValue().commandSpec().usageMessage();
            if (usage.hidden()) {
                continue;
            }
            String[] text = usage.header().length > 0 ? usage.header() : usage.description();
            table.addRowValues(help.colorScheme().commandText(command.getKey()),
                    help.colorScheme().text(String.join(" ", text).replace("%n", " ")));
        }
        return table.toString();
    }
}
