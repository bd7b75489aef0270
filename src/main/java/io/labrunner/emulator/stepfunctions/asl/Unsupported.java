package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What valid definitions may use that this interpreter does not run: a Distributed Map (ItemReader,
 * ResultWriter, ItemBatcher, ProcessorConfig Mode DISTRIBUTED). Refused at creation with a message that says
 * so, rather than run differently from AWS.
 */
final class Unsupported {

    private Unsupported() {
    }

    static void refuse(JsonNode graph, String location) {
        Iterator<Map.Entry<String, JsonNode>> states = graph.path("States").fields();
        while (states.hasNext()) {
            Map.Entry<String, JsonNode> entry = states.next();
            JsonNode state = entry.getValue();
            String at = location + "/States/" + entry.getKey();
            if ("Map".equals(state.path("Type").asText())) {
                JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
                boolean distributed = processor != null
                        && "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
                for (String field : new String[] {"ItemReader", "ResultWriter", "ItemBatcher"}) {
                    if (state.has(field)) {
                        distributed = true;
                    }
                }
                if (distributed) {
                    throw new InvalidDefinitionException("Invalid State Machine Definition: 'UNSUPPORTED_FEATURE: "
                            + "Distributed Map is not supported by this emulator; use an inline Map at " + at + "'");
                }
                if (processor != null) {
                    refuse(processor, at + (state.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator"));
                }
            }
            int i = 0;
            for (JsonNode branch : state.path("Branches")) {
                refuse(branch, at + "/Branches[" + i++ + "]");
            }
        }
    }
}
