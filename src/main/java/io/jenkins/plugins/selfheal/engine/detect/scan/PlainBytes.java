package io.jenkins.plugins.selfheal.engine.detect.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Byte-level twins of what the reference scan does with Strings, for plain CSV bytes: trimming
 * ({@link String#trim()} removes chars up to U+0020, which in UTF-8 are single bytes), blank lines
 * ({@link String#isBlank()}), the number grammar of {@link ColumnTally#parseNumber(String)}, and
 * decoding a value for a message.
 */
final class PlainBytes {
    /** The value parses to this when it is not a number (a valid number never parses to NaN). */
    static final double NOT_A_NUMBER = Double.NaN;

    private PlainBytes() {
    }

    static int trimStart(byte[] b, int start, int end) {
        while (start < end && (b[start] & 0xFF) <= ' ') {
            start++;
        }
        return start;
    }

    static int trimEnd(byte[] b, int start, int end) {
        while (end > start && (b[end - 1] & 0xFF) <= ' ') {
            end--;
        }
        return end;
    }

    /** Whether any byte survives {@link String#trim()}. */
    static boolean hasContent(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if ((b[i] & 0xFF) > ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link String#isBlank()} of the decoded bytes: true, false, or null when a non-ASCII char
     * decides it (a Unicode space such as U+3000 is blank), which the caller leaves to the reference.
     */
    static Boolean isBlank(byte[] b, int start, int end) {
        boolean nonAscii = false;
        for (int i = start; i < end; i++) {
            int c = b[i];
            if (c < 0) {
                nonAscii = true;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return nonAscii ? null : true;
    }

    /**
     * The trimmed, non-empty value {@code [start, end)} as {@link Double#parseDouble} reads it when it
     * matches {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}; else {@link #NOT_A_NUMBER}.
     * Short integers are converted without a String: exact, so the same double.
     */
    static double parseNumber(byte[] b, int start, int end) {
        int p = start;
        boolean negative = false;
        if (b[p] == '+' || b[p] == '-') {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int intDigits = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            mantissa = intDigits < 18 ? mantissa * 10 + (b[p] - '0') : mantissa;
            intDigits++;
            p++;
        }
        boolean plainInteger = true;
        int fractionDigits = 0;
        if (p < end && b[p] == '.') {
            plainInteger = false;
            p++;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                fractionDigits++;
                p++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return NOT_A_NUMBER;
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            plainInteger = false;
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int exponentDigits = 0;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                exponentDigits++;
                p++;
            }
            if (exponentDigits == 0) {
                return NOT_A_NUMBER;
            }
        }
        if (p != end) {
            return NOT_A_NUMBER;
        }
        if (plainInteger && intDigits <= 15) {
            return negative ? -(double) mantissa : (double) mantissa; // below 2^53: exact, -0 stays -0.0
        }
        return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    /** The bytes as the reference's UTF-8 reader would decode them, or null when they are not valid UTF-8. */
    static String decode(byte[] b, int start, int end) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, end - start));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null; // the reference would show U+FFFD; not worth copying its exact rules
        }
    }
}
