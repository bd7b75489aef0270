package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.bedrock.text.InferenceSettings;
import io.labrunner.emulator.bedrock.text.Prompt;
import io.labrunner.emulator.bedrock.text.Prompt.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw completion prompt, as Llama's and Mistral's InvokeModel bodies carry it, back into a conversation:
 * Llama 3's header tokens ({@code <|start_header_id|>user<|end_header_id|> … <|eot_id|>}), the
 * {@code [INST] … [/INST]} turns of Llama 2 and Mistral (with Llama 2's {@code <<SYS>>} block), or else the
 * whole text as one user message.
 */
final class PromptTemplates {
    private static final Pattern LLAMA3_TURN = Pattern.compile(
            "<\\|start_header_id\\|>(\\w+)<\\|end_header_id\\|>(.*?)(?=<\\|eot_id\\|>|<\\|start_header_id\\|>|$)", Pattern.DOTALL);
    private static final Pattern INST_TURN = Pattern.compile("\\[INST\\](.*?)\\[/INST\\]([^\\[]*)", Pattern.DOTALL);
    private static final Pattern LLAMA2_SYSTEM = Pattern.compile("<<SYS>>(.*?)<</SYS>>", Pattern.DOTALL);

    private PromptTemplates() {
    }

    static Prompt read(String raw, InferenceSettings settings) {
        List<String> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        if (raw.contains("<|start_header_id|>")) {
            Matcher m = LLAMA3_TURN.matcher(raw);
            while (m.find()) {
                String text = m.group(2).strip();
                switch (m.group(1)) {
                    case "system" -> system.add(text);
                    case "user" -> add(turns, Turn.Role.USER, text);
                    default -> add(turns, Turn.Role.ASSISTANT, text);
                }
            }
        } else if (raw.contains("[INST]")) {
            Matcher m = INST_TURN.matcher(raw);
            while (m.find()) {
                String user = m.group(1);
                Matcher sys = LLAMA2_SYSTEM.matcher(user);
                if (sys.find()) {
                    system.add(sys.group(1).strip());
                    user = sys.replaceFirst("");
                }
                add(turns, Turn.Role.USER, user.strip());
                add(turns, Turn.Role.ASSISTANT, m.group(2).replace("</s>", "").replace("<s>", "").strip());
            }
        }
        while (!turns.isEmpty() && turns.get(turns.size() - 1).role() == Turn.Role.ASSISTANT) {
            turns.remove(turns.size() - 1);
        }
        if (turns.isEmpty()) {
            return new Prompt(List.of(), List.of(new Turn(Turn.Role.USER, raw.strip())), settings);
        }
        return new Prompt(system, turns, settings);
    }

    /** Adds a turn, joining it to the previous one when the same role speaks twice; empty texts are skipped. */
    private static void add(List<Turn> turns, Turn.Role role, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (turns.isEmpty() && role == Turn.Role.ASSISTANT) {
            return;
        }
        if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == role) {
            Turn last = turns.remove(turns.size() - 1);
            turns.add(new Turn(role, last.text() + "\n\n" + text));
        } else {
            turns.add(new Turn(role, text));
        }
    }
}
