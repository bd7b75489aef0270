package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens, keeping whitespace and comments, so a statement can be rewritten
 * token by token without ever touching the inside of string literals or quoted identifiers.
 */
final class SqlTokenizer {
    private static final String[] TWO_CHAR_SYMBOLS = {"<=", ">=", "<>", "!=", "||", "::", "=>", "->"};

    private SqlTokenizer() {
    }

    static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int start = i;
            SqlToken.Kind kind;
            if (Character.isWhitespace(c)) {
                while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                kind = SqlToken.Kind.SPACE;
            } else if (c == '-' && sql.startsWith("--", i)) {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                kind = SqlToken.Kind.COMMENT;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                kind = SqlToken.Kind.COMMENT;
            } else if (c == '\'') {
                i = closeQuote(sql, i, '\'');
                kind = SqlToken.Kind.STRING;
            } else if (c == '"' || c == '`') {
                i = closeQuote(sql, i, c);
                kind = SqlToken.Kind.QUOTED_IDENT;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                kind = SqlToken.Kind.NUMBER;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                kind = SqlToken.Kind.WORD;
            } else {
                i++;
                for (String two : TWO_CHAR_SYMBOLS) {
                    if (sql.startsWith(two, start)) {
                        i = start + 2;
                        break;
                    }
                }
                kind = SqlToken.Kind.SYMBOL;
            }
            tokens.add(new SqlToken(kind, sql.substring(start, i), start, line, start - lineStart + 1));
            for (int k = start; k < i; k++) {
                if (sql.charAt(k) == '\n') {
                    line++;
                    lineStart = k + 1;
                }
            }
        }
        return tokens;
    }

    /** Index just past the closing quote; a doubled quote is an escaped one. */
    private static int closeQuote(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The tokens without whitespace and comments. */
    static List<SqlToken> significant(List<SqlToken> tokens) {
        List<SqlToken> out = new ArrayList<>();
        for (SqlToken t : tokens) {
            if (!t.trivia()) {
                out.add(t);
            }
        }
        return out;
    }
}
