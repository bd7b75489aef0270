package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rewrites Athena's Trino dialect into DuckDB SQL, token by token: functions that differ are
 * renamed or re-shaped, and unnamed select items get Trino's {@code _colN} names. Everything
 * else (joins, CTEs, window functions, quoted identifiers) passes through unchanged, since both
 * dialects share them.
 */
final class TrinoRewriter {
    private static final Map<String, String> RENAMES = Map.ofEntries(
            Map.entry("approx_distinct", "approx_count_distinct"),
            Map.entry("approx_percentile", "approx_quantile"),
            Map.entry("arbitrary", "any_value"),
            Map.entry("regexp_like", "regexp_matches"),
            Map.entry("cardinality", "len"),
            Map.entry("json_extract_scalar", "json_extract_string"),
            Map.entry("array_join", "array_to_string"),
            Map.entry("contains", "list_contains"),
            Map.entry("split", "string_split"),
            Map.entry("day_of_week", "isodow"),
            Map.entry("dow", "isodow"),
            Map.entry("day_of_year", "dayofyear"),
            Map.entry("doy", "dayofyear"),
            Map.entry("year_of_week", "isoyear"),
            Map.entry("week_of_year", "week"),
            Map.entry("to_unixtime", "epoch"),
            Map.entry("from_unixtime", "to_timestamp"),
            Map.entry("truncate", "trunc"),
            Map.entry("is_nan", "isnan"),
            Map.entry("levenshtein_distance", "levenshtein"),
            Map.entry("last_day_of_month", "last_day"),
            Map.entry("array_distinct", "list_distinct"),
            Map.entry("array_max", "list_max"),
            Map.entry("array_min", "list_min"),
            Map.entry("array_sort", "list_sort"),
            Map.entry("array_position", "list_position"));

    private static final Map<String, String> INTERVAL_UNITS = Map.of(
            "millisecond", "MILLISECOND", "second", "SECOND", "minute", "MINUTE", "hour", "HOUR",
            "day", "DAY", "week", "WEEK", "month", "MONTH", "year", "YEAR");

    /**
     * A session macro (see {@link #MACROS}) that casts its second argument to the type of its first,
     * because DuckDB widens date arithmetic on dates to timestamps where Trino keeps dates.
     */
    static final String SAME_TYPE = "trino_same_type";

    /** Macros every session defines before running rewritten SQL. */
    static final String MACROS = "CREATE TEMPORARY MACRO " + SAME_TYPE + "(x DATE, r) AS CAST(r AS DATE), "
            + "(x TIMESTAMP, r) AS CAST(r AS TIMESTAMP), (x TIMESTAMPTZ, r) AS CAST(r AS TIMESTAMPTZ)";

    /** Words that can end a select item without being an alias. */
    private static final Set<String> NON_ALIAS_WORDS = Set.of("end", "null", "true", "false", "day", "hour",
            "minute", "second", "month", "year", "week", "zone", "desc", "asc", "distinct", "all");

    private static final Set<String> SELECT_LIST_END = Set.of("from", "where", "group", "order", "limit",
            "union", "except", "intersect", "having", "window", "offset", "fetch", "into");

    /** The DuckDB text and, for each output offset where an original token starts, its original offset. */
    record Result(String sql, TreeMap<Integer, Integer> offsets) {

        /** The original offset of the token that covers an output offset. */
        int originalOffset(int outputOffset) {
            Map.Entry<Integer, Integer> e = offsets.floorEntry(outputOffset);
            return e == null ? 0 : e.getValue();
        }
    }

    private final List<SqlToken> tokens;
    private final Map<Integer, String> aliasAfter = new HashMap<>();

    private TrinoRewriter(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    static Result rewrite(String sql) {
        TrinoRewriter r = new TrinoRewriter(SqlTokenizer.tokenize(sql));
        r.planSelectAliases();
        StringBuilder out = new StringBuilder();
        TreeMap<Integer, Integer> offsets = new TreeMap<>();
        r.emit(0, r.tokens.size(), out, offsets);
        return new Result(out.toString(), offsets);
    }

    /** Converts a MySQL-style format (Trino's date_format/date_parse) to strftime's. */
    static String mysqlToStrftime(String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char spec = format.charAt(++i);
            out.append(switch (spec) {
                case 'c' -> "%-m";
                case 'e' -> "%-d";
                case 'h' -> "%I";
                case 'i' -> "%M";
                case 'k' -> "%-H";
                case 'l' -> "%-I";
                case 'M' -> "%B";
                case 'r' -> "%I:%M:%S %p";
                case 's' -> "%S";
                case 'T' -> "%H:%M:%S";
                case 'v' -> "%V";
                case 'W' -> "%A";
                case 'x' -> "%G";
                default -> "%" + spec;
            });
        }
        return out.toString();
    }

    private void emit(int from, int to, StringBuilder out, TreeMap<Integer, Integer> offsets) {
        int i = from;
        while (i < to) {
            SqlToken t = tokens.get(i);
            int end = i;
            if (t.kind() == SqlToken.Kind.WORD && nextSignificant(i) >= 0 && tokens.get(nextSignificant(i)).isSymbol("(")
                    && !previousIsDot(i)) {
                String name = t.text().toLowerCase(Locale.ROOT);
                int open = nextSignificant(i);
                int close = matchingParen(open);
                String special = close < to ? special(name, open, close) : null;
                if (special != null) {
                    mark(out, offsets, t);
                    out.append(special);
                    end = close;
                    i = close + 1;
                    appendAlias(end, out);
                    continue;
                }
                if (RENAMES.containsKey(name)) {
                    mark(out, offsets, t);
                    out.append(RENAMES.get(name));
                    i++;
                    continue;
                }
            }
            mark(out, offsets, t);
            out.append(t.text());
            appendAlias(end, out);
            i++;
        }
    }

    private void mark(StringBuilder out, TreeMap<Integer, Integer> offsets, SqlToken t) {
        if (offsets != null && !t.trivia()) {
            offsets.put(out.length(), t.offset());
        }
    }

    private void appendAlias(int tokenIndex, StringBuilder out) {
        String alias = aliasAfter.get(tokenIndex);
        if (alias != null) {
            out.append(" AS \"").append(alias).append('"');
        }
    }

    private String special(String name, int open, int close) {
        List<int[]> args = arguments(open, close);
        switch (name) {
            case "date_add": {
                String unit = literal(args, 0);
                if (args.size() != 3 || unit == null) {
                    return null;
                }
                String n = text(args.get(1));
                String x = text(args.get(2));
                unit = unit.toLowerCase(Locale.ROOT);
                if (unit.equals("quarter")) {
                    return SAME_TYPE + "(" + x + ", " + x + " + INTERVAL (3 * (" + n + ")) MONTH)";
                }
                String duck = INTERVAL_UNITS.get(unit);
                return duck == null ? null : SAME_TYPE + "(" + x + ", " + x + " + INTERVAL (" + n + ") " + duck + ")";
            }
            case "date_trunc":
                // DuckDB truncates a date to a timestamp; Trino keeps the argument's type.
                return args.size() == 2 ? SAME_TYPE + "(" + text(args.get(1)) + ", date_trunc(" + join(args) + "))" : null;
            case "date_diff":
                // Trino counts whole units elapsed, which is DuckDB's date_sub (date_diff counts boundaries).
                return args.size() == 3 ? "date_sub(" + join(args) + ")" : null;
            case "date_format":
                return args.size() == 2 ? "strftime(" + text(args.get(0)) + ", " + format(args.get(1)) + ")" : null;
            case "date_parse":
                return args.size() == 2 ? "strptime(" + text(args.get(0)) + ", " + format(args.get(1)) + ")" : null;
            case "element_at":
                return args.size() == 2 ? "((" + text(args.get(0)) + ")[" + text(args.get(1)) + "])" : null;
            case "from_iso8601_timestamp":
                return args.size() == 1 ? "CAST(" + text(args.get(0)) + " AS TIMESTAMPTZ)" : null;
            case "from_iso8601_date":
                return args.size() == 1 ? "CAST(" + text(args.get(0)) + " AS DATE)" : null;
            case "regexp_replace": {
                if (args.size() == 2) {
                    return "regexp_replace(" + join(args) + ", '', 'g')";
                }
                if (args.size() != 3) {
                    return null;
                }
                String replacement = literal(args, 2);
                String third = replacement == null ? text(args.get(2))
                        : quote(replacement.replaceAll("\\$(\\d)", "\\\\$1"));
                return "regexp_replace(" + text(args.get(0)) + ", " + text(args.get(1)) + ", " + third + ", 'g')";
            }
            default:
                return null;
        }
    }

    private String format(int[] arg) {
        String lit = literalOf(arg);
        return lit == null ? text(arg) : quote(mysqlToStrftime(lit));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private String join(List<int[]> args) {
        List<String> parts = new ArrayList<>();
        for (int[] a : args) {
            parts.add(text(a));
        }
        return String.join(", ", parts);
    }

    private String literal(List<int[]> args, int index) {
        return index < args.size() ? literalOf(args.get(index)) : null;
    }

    private String literalOf(int[] range) {
        SqlToken only = null;
        for (int k = range[0]; k < range[1]; k++) {
            if (tokens.get(k).trivia()) {
                continue;
            }
            if (only != null) {
                return null;
            }
            only = tokens.get(k);
        }
        return only != null && only.kind() == SqlToken.Kind.STRING ? only.stringValue() : null;
    }

    /** The rewritten text of a token range, trimmed. */
    private String text(int[] range) {
        StringBuilder sb = new StringBuilder();
        emit(range[0], range[1], sb, null);
        return sb.toString().trim();
    }

    /** Token ranges [start, end) of the arguments between a pair of parentheses. */
    private List<int[]> arguments(int open, int close) {
        List<int[]> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int k = open + 1; k < close; k++) {
            SqlToken t = tokens.get(k);
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                args.add(new int[] {start, k});
                start = k + 1;
            }
        }
        if (close > open + 1) {
            args.add(new int[] {start, close});
        }
        return args;
    }

    private int matchingParen(int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (tokens.get(k).isSymbol("(")) {
                depth++;
            } else if (tokens.get(k).isSymbol(")") && --depth == 0) {
                return k;
            }
        }
        return tokens.size();
    }

    private int nextSignificant(int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            if (!tokens.get(k).trivia()) {
                return k;
            }
        }
        return -1;
    }

    private boolean previousIsDot(int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (!tokens.get(k).trivia()) {
                return tokens.get(k).isSymbol(".");
            }
        }
        return false;
    }

    /** Finds the outermost select list and names its unnamed expressions _col0, _col1, ... as Trino does. */
    private void planSelectAliases() {
        List<Integer> sig = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            if (!tokens.get(k).trivia()) {
                sig.add(k);
            }
        }
        int depth = 0;
        int start = -1;
        for (int s = 0; s < sig.size(); s++) {
            SqlToken t = tokens.get(sig.get(s));
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("select")) {
                start = s + 1;
                break;
            }
        }
        if (start < 0) {
            return;
        }
        if (start < sig.size() && (tokens.get(sig.get(start)).isWord("distinct") || tokens.get(sig.get(start)).isWord("all"))) {
            start++;
        }
        List<List<Integer>> items = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        depth = 0;
        for (int s = start; s < sig.size(); s++) {
            SqlToken t = tokens.get(sig.get(s));
            if (depth == 0 && (t.isSymbol(";") || t.isSymbol(")")
                    || (t.kind() == SqlToken.Kind.WORD && SELECT_LIST_END.contains(t.text().toLowerCase(Locale.ROOT))))) {
                break;
            }
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            }
            if (depth == 0 && t.isSymbol(",")) {
                items.add(current);
                current = new ArrayList<>();
            } else {
                current.add(sig.get(s));
            }
        }
        items.add(current);
        for (int n = 0; n < items.size(); n++) {
            List<Integer> item = items.get(n);
            if (!item.isEmpty() && needsName(item)) {
                aliasAfter.put(item.get(item.size() - 1), "_col" + n);
            }
        }
    }

    private boolean needsName(List<Integer> item) {
        SqlToken last = tokens.get(item.get(item.size() - 1));
        if (last.isSymbol("*")) {
            return false;
        }
        boolean columnChain = true;
        for (int k = 0; k < item.size(); k++) {
            SqlToken t = tokens.get(item.get(k));
            boolean expectIdent = k % 2 == 0;
            if (expectIdent ? !t.identifier() : !t.isSymbol(".")) {
                columnChain = false;
            }
        }
        if (columnChain && item.size() % 2 == 1) {
            return false;
        }
        if (item.size() >= 2 && last.identifier()) {
            SqlToken before = tokens.get(item.get(item.size() - 2));
            boolean keywordEnd = last.kind() == SqlToken.Kind.WORD
                    && NON_ALIAS_WORDS.contains(last.text().toLowerCase(Locale.ROOT));
            if (before.isWord("as") || (!keywordEnd && !before.isSymbol(".") && !before.isWord("is")
                    && !before.isWord("not") && (before.identifier() || before.isSymbol(")") || before.isSymbol("]")
                    || before.kind() == SqlToken.Kind.NUMBER || before.kind() == SqlToken.Kind.STRING))) {
                return false;
            }
        }
        return true;
    }
}
