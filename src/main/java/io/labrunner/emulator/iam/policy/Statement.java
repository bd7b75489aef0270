package io.labrunner.emulator.iam.policy;

import java.util.List;

/**
 * One statement of a policy document.
 *
 * @param sid        the Sid, or null
 * @param effect     Allow or Deny
 * @param actions    Action or NotAction
 * @param resources  Resource or NotResource; null when the statement has neither (trust policies)
 * @param principals Principal or NotPrincipal; null in identity policies
 * @param conditions the Condition element's clauses, all of which must hold
 * @param start      where the statement's object starts in the document text
 * @param end        where it ends
 */
public record Statement(String sid, Effect effect, ElementList actions, ElementList resources,
                        PrincipalElement principals, List<ConditionClause> conditions, Position start, Position end) {
    public Statement {
        conditions = List.copyOf(conditions);
    }
}
