package io.labrunner.emulator.athena;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which registered partitions a query touches, from the conjuncts of the WHERE clause
 * in the same query block as the table: {@code key = v}, {@code key IN (..)}, {@code key BETWEEN a AND b}
 * and {@code <, <=, >, >=, <>} against literals. Anything it does not understand keeps the
 * partition, so it can over-count scanned bytes but never hides rows (the rows come from DuckDB,
 * which applies the full predicate).
 */
final class PartitionPruner {
    private static final Set<String> CLAUSE_END = Set.of("group", "order", "limit", "having", "union", "except",
            "intersect", "window", "offset", "fetch");
    private static final Set<String> COMPARISONS = Set.of("=", "<", "<=", ">", ">=", "<>", "!=");

    private PartitionPruner() {
    }

    /** One understood predicate on a partition key. */
    private record Predicate(String key, String op, List<String> values) {
    }

    static List<PartitionDef> prune(QueryAnalysis query, TableReference ref, TableDef table, List<PartitionDef> partitions) {
        List<Predicate> predicates = predicates(query.sig, ref, table);
        if (predicates.isEmpty()) {
            return partitions;
        }
        List<PartitionDef> kept = new ArrayList<>();
        for (PartitionDef p : partitions) {
            boolean keep = true;
            for (Predicate pred : predicates) {
                int k = keyIndex(table, pred.key());
                keep &= matches(p.values().get(k), pred);
            }
            if (keep) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static int keyIndex(TableDef table, String key) {
        for (int k = 0; k < table.partitionKeys().size(); k++) {
            if (table.partitionKeys().get(k).name().equalsIgnoreCase(key)) {
                return k;
            }
        }
        return -1;
    }

    private static List<Predicate> predicates(List<SqlToken> sig, TableReference ref, TableDef table) {
        int depth = 0;
        int where = -1;
        for (int i = ref.tokenIndex(); i < sig.size(); i++) {
            SqlToken t = sig.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                if (--depth < 0) {
                    break;
                }
            } else if (depth == 0 && t.kind() == SqlToken.Kind.WORD) {
                String w = t.text().toLowerCase(Locale.ROOT);
                if (w.equals("where")) {
                    where = i + 1;
                    break;
                }
                if (CLAUSE_END.contains(w)) {
                    break;
                }
            }
        }
        List<Predicate> out = new ArrayList<>();
        if (where < 0) {
            return out;
        }
        List<List<SqlToken>> conjuncts = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        depth = 0;
        boolean inBetween = false;
        for (int i = where; i < sig.size(); i++) {
            SqlToken t = sig.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                if (--depth < 0) {
                    break;
                }
            } else if (depth == 0 && (t.isSymbol(";") || (t.kind() == SqlToken.Kind.WORD
                    && CLAUSE_END.contains(t.text().toLowerCase(Locale.ROOT))))) {
                break;
            } else if (depth == 0 && t.isWord("or")) {
                return out; // a top-level OR: give up rather than guess
            } else if (depth == 0 && t.isWord("between")) {
                inBetween = true;
            } else if (depth == 0 && t.isWord("and")) {
                if (inBetween) {
                    inBetween = false;
                } else {
                    conjuncts.add(current);
                    current = new ArrayList<>();
                    continue;
                }
            }
            current.add(t);
        }
        conjuncts.add(current);
        for (List<SqlToken> c : conjuncts) {
            Predicate p = parse(c, ref, table);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static Predicate parse(List<SqlToken> c, TableReference ref, TableDef table) {
        while (c.size() >= 2 && c.get(0).isSymbol("(") && c.get(c.size() - 1).isSymbol(")")) {
            c = c.subList(1, c.size() - 1);
        }
        int pos = 0;
        String key;
        if (c.size() > 2 && c.get(1).isSymbol(".") && c.get(0).identifier() && c.get(2).identifier()) {
            String qualifier = c.get(0).name();
            if (!qualifier.equals(ref.tableName()) && !qualifier.equals(ref.alias())) {
                return null;
            }
            key = c.get(2).name();
            pos = 3;
        } else if (!c.isEmpty() && c.get(0).identifier()) {
            key = c.get(0).name();
            pos = 1;
        } else if (c.size() == 3 && literal(c.get(0)) != null && c.get(2).identifier()
                && COMPARISONS.contains(c.get(1).text())) {
            return keyIndex(table, c.get(2).name()) < 0 ? null
                    : new Predicate(c.get(2).name(), flip(c.get(1).text()), List.of(literal(c.get(0))));
        } else {
            return null;
        }
        if (keyIndex(table, key) < 0 || pos >= c.size()) {
            return null;
        }
        List<SqlToken> rest = c.subList(pos, c.size());
        if (rest.size() == 2 && COMPARISONS.contains(rest.get(0).text()) && literal(rest.get(1)) != null) {
            return new Predicate(key, rest.get(0).text(), List.of(literal(rest.get(1))));
        }
        if (rest.size() == 4 && rest.get(0).isWord("between") && rest.get(2).isWord("and")
                && literal(rest.get(1)) != null && literal(rest.get(3)) != null) {
            return new Predicate(key, "between", List.of(literal(rest.get(1)), literal(rest.get(3))));
        }
        if (rest.size() >= 4 && rest.get(0).isWord("in") && rest.get(1).isSymbol("(") && rest.get(rest.size() - 1).isSymbol(")")) {
            List<String> values = new ArrayList<>();
            for (int i = 2; i < rest.size() - 1; i++) {
                if (i % 2 == 0) {
                    String v = literal(rest.get(i));
                    if (v == null) {
                        return null;
                    }
                    values.add(v);
                } else if (!rest.get(i).isSymbol(",")) {
                    return null;
                }
            }
            return new Predicate(key, "in", values);
        }
        return null;
    }

    private static String flip(String op) {
        switch (op) {
            case "<": return ">";
            case "<=": return ">=";
            case ">": return "<";
            case ">=": return "<=";
            default: return op;
        }
    }

    private static String literal(SqlToken t) {
        if (t.kind() == SqlToken.Kind.STRING) {
            return t.stringValue();
        }
        return t.kind() == SqlToken.Kind.NUMBER ? t.text() : null;
    }

    private static boolean matches(String value, Predicate p) {
        switch (p.op()) {
            case "in":
                return p.values().stream().anyMatch(v -> compare(value, v) == 0);
            case "between":
                return compare(value, p.values().get(0)) >= 0 && compare(value, p.values().get(1)) <= 0;
            case "=": return compare(value, p.values().get(0)) == 0;
            case "<>": case "!=": return compare(value, p.values().get(0)) != 0;
            case "<": return compare(value, p.values().get(0)) < 0;
            case "<=": return compare(value, p.values().get(0)) <= 0;
            case ">": return compare(value, p.values().get(0)) > 0;
            case ">=": return compare(value, p.values().get(0)) >= 0;
            default: return true;
        }
    }

    /** Numeric when both sides are numbers (so '01' = 1 for an int key), otherwise by text. */
    private static int compare(String value, String literal) {
        try {
            return new BigDecimal(value.trim()).compareTo(new BigDecimal(literal.trim()));
        } catch (NumberFormatException e) {
            return value.compareTo(literal);
        }
    }
}
