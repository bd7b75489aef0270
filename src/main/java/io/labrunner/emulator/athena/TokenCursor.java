package io.labrunner.emulator.athena;

import java.util.List;

/** Walks the significant tokens of a statement for the hand-written DDL parsers. */
final class TokenCursor {
    private final List<SqlToken> tokens;
    private int index;

    TokenCursor(String sql) {
        this.tokens = SqlTokenizer.significant(SqlTokenizer.tokenize(sql));
    }

    boolean atEnd() {
        return index >= tokens.size() || (tokens.get(index).isSymbol(";") && index == tokens.size() - 1);
    }

    SqlToken peek() {
        return index < tokens.size() ? tokens.get(index) : null;
    }

    /** The token {@code ahead} places from the current one (negative looks back). */
    SqlToken peek(int ahead) {
        int i = index + ahead;
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    int index() {
        return index;
    }

    SqlToken next() {
        if (index >= tokens.size()) {
            throw syntaxError("<EOF>");
        }
        return tokens.get(index++);
    }

    boolean acceptWord(String... words) {
        for (int k = 0; k < words.length; k++) {
            SqlToken t = peek(k);
            if (t == null || !t.isWord(words[k])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (peek() != null && peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expectWord(String word) {
        if (!acceptWord(word)) {
            throw syntaxError("'" + word.toUpperCase() + "'");
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw syntaxError("'" + symbol + "'");
        }
    }

    /** An identifier (plain, "quoted" or `backticked`), lower-cased. */
    String identifier() {
        SqlToken t = peek();
        if (t == null || !t.identifier()) {
            throw syntaxError("<identifier>");
        }
        index++;
        return t.name();
    }

    String string() {
        SqlToken t = peek();
        if (t == null || t.kind() != SqlToken.Kind.STRING) {
            throw syntaxError("<string>");
        }
        index++;
        return t.stringValue();
    }

    /** Everything from the current token to the end, as the original text. */
    String rest(String sql) {
        if (atEnd()) {
            return "";
        }
        return sql.substring(tokens.get(index).offset()).trim();
    }

    AthenaQueryException syntaxError(String expecting) {
        SqlToken t = peek();
        if (t == null) {
            SqlToken last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            String where = last == null ? "line 1:1" : "line " + last.line() + ":" + (last.column() + last.text().length());
            return new AthenaQueryException("SYNTAX_ERROR", where + ": mismatched input '<EOF>'. Expecting: " + expecting);
        }
        return new AthenaQueryException("SYNTAX_ERROR", t.position() + ": mismatched input '" + t.text()
                + "'. Expecting: " + expecting);
    }
}
