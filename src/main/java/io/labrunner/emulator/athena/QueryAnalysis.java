package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the engine needs to know about a query before running it: the names that may be tables,
 * the identifiers it mentions (to tell which Parquet columns it reads) and whether it selects
 * {@code *}. Works on tokens, so it never looks inside string literals.
 */
final class QueryAnalysis {
    private static final Set<String> NOT_ALIASES = Set.of("where", "join", "inner", "left", "right", "full",
            "cross", "on", "using", "group", "order", "limit", "union", "except", "intersect", "having", "natural",
            "window", "offset", "fetch", "tablesample", "as", "select", "from", "with", "lateral", "outer");

    private static final Set<String> CLAUSES = Set.of("select", "from", "where", "group", "order", "having",
            "limit", "window", "values", "set", "by");

    final List<SqlToken> sig;
    final List<TableReference> references = new ArrayList<>();
    final Set<String> identifiers = new HashSet<>();
    final boolean selectsStar;

    QueryAnalysis(String sql) {
        this.sig = SqlTokenizer.significant(SqlTokenizer.tokenize(sql));
        boolean star = false;
        for (int i = 0; i < sig.size(); i++) {
            SqlToken t = sig.get(i);
            if (t.identifier()) {
                identifiers.add(t.name());
            }
            if (t.isSymbol("*") && i > 0) {
                SqlToken prev = sig.get(i - 1);
                star |= prev.isWord("select") || prev.isSymbol(",") || prev.isSymbol(".") || prev.isWord("distinct");
            }
        }
        this.selectsStar = star;
        collectReferences();
    }

    private void collectReferences() {
        for (int i = 0; i < sig.size(); i++) {
            SqlToken t = sig.get(i);
            if (!t.identifier() || (i > 0 && sig.get(i - 1).isSymbol("."))) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add(t.name());
            int j = i + 1;
            while (j + 1 < sig.size() && sig.get(j).isSymbol(".") && sig.get(j + 1).identifier()) {
                parts.add(sig.get(j + 1).name());
                j += 2;
            }
            if (parts.size() > 3 || (j < sig.size() && sig.get(j).isSymbol("(")) || !inFromPosition(i)) {
                continue;
            }
            references.add(new TableReference(parts, i, t, aliasAt(j)));
        }
    }

    /**
     * True when the token at {@code i} stands where a relation goes: right after FROM or JOIN, or
     * after a comma of a FROM list. A column that happens to share a table's name is not one.
     */
    boolean inFromPosition(int i) {
        if (i == 0) {
            return false;
        }
        SqlToken prev = sig.get(i - 1);
        if (prev.isWord("from") || prev.isWord("join")) {
            return true;
        }
        if (!prev.isSymbol(",")) {
            return false;
        }
        int depth = 0;
        for (int k = i - 2; k >= 0; k--) {
            SqlToken t = sig.get(k);
            if (t.isSymbol(")")) {
                depth++;
            } else if (t.isSymbol("(")) {
                if (--depth < 0) {
                    return false;
                }
            } else if (depth == 0 && t.kind() == SqlToken.Kind.WORD
                    && CLAUSES.contains(t.text().toLowerCase(Locale.ROOT))) {
                return t.isWord("from");
            }
        }
        return false;
    }

    private String aliasAt(int j) {
        if (j < sig.size() && sig.get(j).isWord("as")) {
            j++;
        }
        if (j < sig.size() && sig.get(j).identifier()
                && !NOT_ALIASES.contains(sig.get(j).text().toLowerCase(Locale.ROOT))) {
            return sig.get(j).name();
        }
        return null;
    }

    /** The first token naming {@code name} (case-insensitive), for error positions. */
    SqlToken firstNamed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (SqlToken t : sig) {
            if (t.identifier() && t.name().equals(lower)) {
                return t;
            }
        }
        return null;
    }
}
