package io.labrunner.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What {@code GET /_lab/health} answers a local client: that this is a lab emulator, the services it serves by
 * signing name, and the settings that change what clients see. Tools that find an endpoint's capabilities read it
 * instead of guessing from calls a stub could also answer.
 *
 * @param services   signing names served, {@code s3} included, sorted
 * @param enforceIam whether role sessions are held to their IAM policies
 * @param limits     whether AWS's throughput limits apply
 */
public record EmulatorHealth(List<String> services, boolean enforceIam, boolean limits) {
    /** The path, outside every AWS API's (no bucket name may start with an underscore). */
    public static final String PATH = "/_lab/health";
    /** The {@code emulator} member's value, which tells this health document from others. */
    public static final String NAME = "lab emulator";

    public byte[] toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("emulator", NAME);
        ObjectNode byName = root.putObject("services");
        services.forEach(name -> byName.put(name, "running"));
        root.putObject("settings").put("enforceIam", enforceIam).put("limits", limits);
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
