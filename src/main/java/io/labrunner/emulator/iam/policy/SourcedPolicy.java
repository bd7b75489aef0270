package io.labrunner.emulator.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy document with where it came from, ready to evaluate: its actions and resources are compiled
 * once, here, so that deciding many requests costs only the matching.
 */
public final class SourcedPolicy {
    private final String id;
    private final String type;
    private final PolicyDocument document;
    private final List<Compiled> compiled;

    /**
     * @param id       how the simulator names the policy: an inline policy's name, a managed policy's name,
     *                 {@code PolicyInputList.1}, ...
     * @param type     IAM's PolicySourceType ({@code role}, {@code aws-managed}, {@code user-managed},
     *                 {@code resource}, ...), or null when IAM gives none
     * @param document the parsed document
     */
    public SourcedPolicy(String id, String type, PolicyDocument document) {
        this.id = id;
        this.type = type;
        this.document = document;
        List<Compiled> list = new ArrayList<>();
        for (Statement s : document.statements()) {
            list.add(new Compiled(s, document.substitutesVariables()));
        }
        this.compiled = List.copyOf(list);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public PolicyDocument document() {
        return document;
    }

    List<Compiled> statements() {
        return compiled;
    }

    /** A statement with its action patterns and resource patterns compiled. */
    static final class Compiled {
        final Statement statement;
        final Glob[] actions;
        final ArnPattern[] resources;
        final ConditionEvaluator[] conditions;

        Compiled(Statement statement, boolean substitutes) {
            this.statement = statement;
            this.actions = statement.actions().values().stream()
                    .map(a -> Glob.of(a.toLowerCase(Locale.ROOT))).toArray(Glob[]::new);
            this.resources = statement.resources() == null ? null : statement.resources().values().stream()
                    .map(r -> new ArnPattern(r, substitutes)).toArray(ArnPattern[]::new);
            this.conditions = statement.conditions().stream()
                    .map(c -> new ConditionEvaluator(c, substitutes)).toArray(ConditionEvaluator[]::new);
        }
    }
}
