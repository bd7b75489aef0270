package io.labrunner.labs.encryptmldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The feature database's credentials in the JSON shape Secrets Manager uses for database secrets
 * ({@code engine}, {@code host}, {@code port}, {@code username}, {@code password}, {@code dbname}).
 * {@link #toString()} leaves the password out: a record prints every field by default, and that is
 * how passwords end up in logs.
 */
record DbCredentials(String engine, String host, int port, String username, String password, String dbname) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The database the lab's pipeline reads its training rows from; it exists only in this story. */
    static DbCredentials forFeatureDatabase(String password) {
        return new DbCredentials("postgres", "features.db.internal", 5432, "ml_pipeline", password, "features");
    }

    /** Reads a secret string; a secret that is not such JSON is an error that names no value. */
    static DbCredentials fromJson(String secretString) {
        try {
            JsonNode json = JSON.readTree(secretString);
            for (String field : new String[] {"engine", "host", "port", "username", "password", "dbname"}) {
                if (!json.hasNonNull(field)) {
                    throw new IllegalArgumentException("The secret has no \"" + field + "\": a database secret holds"
                            + " engine, host, port, username, password and dbname.");
                }
            }
            return new DbCredentials(json.get("engine").asText(), json.get("host").asText(), json.get("port").asInt(),
                    json.get("username").asText(), json.get("password").asText(), json.get("dbname").asText());
        } catch (JsonProcessingException e) {
            // The parser's message quotes the text it choked on, which is the secret: say less.
            throw new IllegalArgumentException("The secret is not JSON: a database secret holds engine, host, port,"
                    + " username, password and dbname as a JSON object.");
        }
    }

    String toJson() {
        ObjectNode json = JSON.createObjectNode().put("engine", engine).put("host", host).put("port", port)
                .put("username", username).put("password", password).put("dbname", dbname);
        return json.toString();
    }

    /** Where a driver would connect, e.g. {@code jdbc:postgresql://features.db.internal:5432/features}. */
    String jdbcUrl() {
        return "jdbc:" + (engine.equals("postgres") ? "postgresql" : engine) + "://" + host + ":" + port + "/" + dbname;
    }

    @Override
    public String toString() {
        return "DbCredentials[" + username + " at " + jdbcUrl() + ", password: " + password.length()
                + " characters, not shown]";
    }
}
