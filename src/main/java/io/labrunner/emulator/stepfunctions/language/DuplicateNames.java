package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Diagnostic;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * State names a definition's text gives twice inside one {@code States} object — which a parsed tree can no longer
 * show, since the second overwrites the first.
 */
final class DuplicateNames {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DuplicateNames() {
    }

    /** One {@code DUPLICATE_STATE_NAME} problem per repeated name, located at the repeated state. */
    static List<Diagnostic> inText(String definition) {
        List<Diagnostic> problems = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(definition)) {
            Deque<Frame> frames = new ArrayDeque<>();
            String pendingName = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Frame parent = frames.peek();
                switch (token) {
                    case FIELD_NAME -> {
                        pendingName = parser.currentName();
                        if (parent != null && parent.statesMap && !parent.names.add(pendingName)) {
                            problems.add(new Diagnostic("DUPLICATE_STATE_NAME", "Duplicate State name: " + pendingName,
                                    parent.pointer + "/" + pendingName));
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String pointer = parent == null ? "" : parent.child(pendingName);
                        boolean statesMap = token == JsonToken.START_OBJECT && "States".equals(pendingName)
                                && parent != null && !parent.array;
                        frames.push(new Frame(pointer, statesMap, token == JsonToken.START_ARRAY));
                        pendingName = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        frames.pop();
                        if (!frames.isEmpty() && frames.peek().array) {
                            frames.peek().index++;
                        }
                    }
                    default -> {
                        if (parent != null && parent.array) {
                            parent.index++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The lenient parse already succeeded; a failure here only means no duplicates are reported.
        }
        return problems;
    }

    /** One open object or array: its pointer ({@code /States/P/Branches[0]}) and, for arrays, the next index. */
    private static final class Frame {
        final String pointer;
        final boolean statesMap;
        final boolean array;
        final Set<String> names = new HashSet<>();
        int index;

        Frame(String pointer, boolean statesMap, boolean array) {
            this.pointer = pointer;
            this.statesMap = statesMap;
            this.array = array;
        }

        String child(String name) {
            return array ? pointer + "[" + index + "]" : pointer + "/" + name;
        }
    }
}
