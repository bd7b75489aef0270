package io.labrunner.emulator.athena;

import java.util.Locale;

/**
 * One lexical token of a SQL statement, with its position in the original text.
 *
 * @param kind   what the token is
 * @param text   the exact source text
 * @param offset character offset in the statement
 * @param line   1-based line
 * @param column 1-based column
 */
record SqlToken(Kind kind, String text, int offset, int line, int column) {

    enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, SYMBOL, SPACE, COMMENT }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean trivia() {
        return kind == Kind.SPACE || kind == Kind.COMMENT;
    }

    boolean identifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    /** The identifier's name: unquoted words lower-cased (Trino folds them), quoted ones unwrapped. */
    String name() {
        if (kind == Kind.QUOTED_IDENT) {
            char q = text.charAt(0);
            String inner = text.substring(1, text.length() - 1);
            return inner.replace(String.valueOf(q) + q, String.valueOf(q)).toLowerCase(Locale.ROOT);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** The value of a string literal. */
    String stringValue() {
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    String position() {
        return "line " + line + ":" + column;
    }
}
