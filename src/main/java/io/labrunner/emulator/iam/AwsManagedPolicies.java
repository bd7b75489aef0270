package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS managed policies the emulator knows, with their real default-version documents, read from the
 * {@code aws-managed} resource folder (see its README for where each document comes from).
 */
final class AwsManagedPolicies {
    static final String ARN_PREFIX = "arn:aws:iam::aws:policy";
    private static final String FOLDER = "/io/labrunner/emulator/iam/aws-managed/";
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private AwsManagedPolicies() {
    }

    /** Every known AWS managed policy by ARN. */
    static Map<String, ManagedPolicy> load() {
        Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
        try {
            JsonNode index = new ObjectMapper().readTree(resource("index.json"));
            for (JsonNode p : index) {
                String name = p.get("PolicyName").textValue();
                String path = p.get("Path").textValue();
                String arn = ARN_PREFIX + path + name;
                String version = p.get("DefaultVersionId").textValue();
                Instant updated = Instant.parse(p.get("UpdateDate").textValue());
                String document = new String(resource(name + ".document.json"), StandardCharsets.UTF_8);
                int number = Integer.parseInt(version.substring(1));
                policies.put(arn, new ManagedPolicy(arn, name, path, stableId(arn), p.get("Description").textValue(),
                        Instant.parse(p.get("CreateDate").textValue()), updated, version,
                        List.of(new PolicyVersion(version, document, updated)), number + 1, Map.of(), true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AWS managed policies", e);
        }
        return policies;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("missing resource " + FOLDER + name);
            }
            return in.readAllBytes();
        }
    }

    /** AWS does not publish these policies' IDs: one derived from the ARN keeps them stable across runs. */
    private static String stableId(String arn) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("ANPA");
            for (int i = 0; i < 17; i++) {
                id.append(ID_CHARS.charAt((hash[i] & 0xFF) % ID_CHARS.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
