package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.ColumnRule;
import io.jenkins.plugins.selfheal.engine.detect.ColumnType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The hand-written byte loop over one range of plain CSV lines {@code [start, end)}: {@code start}
 * is a line start, {@code end} a line start or the end of the file. Tallies like the reference
 * scan, with lines counted from the range start. Declines (throws {@link Declined}) on a quote, a NUL
 * byte, a lone CR, a line longer than the buffer, or a value it would have to decode that is not UTF-8.
 */
final class RangeScan {
    /** How a range ended: all rows tallied, or stopped at the first format error. */
    enum Ending { DONE, ERROR }

    /** The input needs the reference scan; carries no stack trace, it is control flow. */
    static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined(String why) {
            super(why, null, false, false);
        }
    }

    private static final int SKIP = 0;
    private static final int REQUIRED_TEXT = 1;
    private static final int ALLOWED_TEXT = 2;
    private static final int NUMBER = 3;

    /** The bytes that end a field or need a closer look: comma, LF, CR, quote, NUL. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        SPECIAL[','] = true;
        SPECIAL['\n'] = true;
        SPECIAL['\r'] = true;
        SPECIAL['"'] = true;
        SPECIAL[0] = true;
    }

    private final RuleSet rules;
    private final int[] kinds;
    final List<ColumnTally> tallies;
    private final Supplier<String> currentValue = this::currentValue;
    private byte[] bytes;
    private int valueStart;
    private int valueEnd;
    /** The end of the bytes {@link #lines(int)} judges. */
    private int limit;
    /** The end of the current line's content (before its LF or CRLF), once a field scan reached it; else -1. */
    private int lineEnd;
    /** Where the line after the current one starts, set with {@link #lineEnd}. */
    private int nextLine;

    Ending ending = Ending.DONE;
    long lines;
    long rows;
    long firstLine;
    long lastLine;
    long errorLine;
    String errorColumn;
    String errorDetail;

    RangeScan(RuleSet rules) {
        this.rules = rules;
        this.tallies = rules.columns().stream().map(ColumnTally::new).toList();
        this.kinds = rules.columns().stream().mapToInt(RangeScan::kind).toArray();
    }

    private static int kind(ColumnRule rule) {
        if (rule.type() == ColumnType.NUMBER) {
            return NUMBER;
        }
        if (!rule.allowed().isEmpty()) {
            return ALLOWED_TEXT;
        }
        return rule.required() ? REQUIRED_TEXT : SKIP;
    }

    /** Scans the range with a buffer of {@code bufferBytes}; stops early when {@code abandon} says so. */
    RangeScan run(FileChannel channel, long start, long end, int bufferBytes, BooleanSupplier abandon) throws IOException {
        bytes = new byte[(int) Math.max(1, Math.min(bufferBytes, end - start))]; // a small delta needs no big buffer
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = start;
        int filled = 0;
        while (position < end || filled > 0) {
            if (abandon.getAsBoolean()) {
                return this;
            }
            int toRead = (int) Math.min(bytes.length - filled, end - position);
            buffer.clear().position(filled).limit(filled + toRead);
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position() - filled);
                if (read < 0) {
                    throw new Declined("the file shrank while it was scanned");
                }
            }
            position += toRead;
            filled += toRead;
            boolean last = position >= end;
            int complete = last ? filled : lastLineBreak(filled) + 1;
            if (complete == 0) {
                throw new Declined("a line longer than " + bytes.length + " bytes");
            }
            if (!lines(complete)) {
                ending = Ending.ERROR;
                return this;
            }
            System.arraycopy(bytes, complete, bytes, 0, filled - complete);
            filled -= complete;
        }
        return this;
    }

    private int lastLineBreak(int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Judges the lines in {@code [0, limit)}; the last lacks its line break only at the end of the file. */
    private boolean lines(int limit) {
        this.limit = limit;
        int p = 0;
        while (p < limit) {
            lines++;
            if (!line(p)) {
                return false;
            }
            p = nextLine;
        }
        return true;
    }

    /**
     * One line's fields, left to right as the reference reads them; false after recording an error.
     * One pass: the field scan finds the line's end too ({@link #lineEnd}, {@link #nextLine}).
     */
    private boolean line(int start) {
        lineEnd = -1;
        int columns = kinds.length;
        int fieldEnd = fieldEnd(start);
        if (fieldEnd == lineEnd) {
            Boolean blank = PlainBytes.isBlank(bytes, start, lineEnd);
            if (blank == null) {
                throw new Declined("a one-value line with non-ASCII characters");
            }
            if (blank) {
                return true; // an empty line, skipped
            }
            if (columns > 1) {
                return widthError(1);
            }
        }
        int fieldStart = start;
        for (int column = 0; ; column++) {
            if (column == columns) {
                return widthError(columns + fieldsFrom(fieldStart));
            }
            if (!field(column, fieldStart, fieldEnd)) {
                int width = column + fieldsFrom(fieldStart);
                return width == columns ? false : widthError(width);
            }
            if (fieldEnd == lineEnd) {
                if (column + 1 < columns) {
                    return widthError(column + 1);
                }
                break;
            }
            fieldStart = fieldEnd + 1;
            fieldEnd = fieldEnd(fieldStart);
        }
        rows++;
        // Without a branch: one taken only at a range's first row would, once compiled, be cut out and
        // send every later range (of this scan and the next) back to the interpreter while it recompiles.
        firstLine += lines & -((firstLine - 1) >>> 63); // firstLine is 0 (>>> 63 gives 1) until the first row
        lastLine = lines;
        return true;
    }

    /**
     * Where the field starting at {@code p} ends: at a comma, or at the end of its line, which sets
     * {@link #lineEnd} (before the LF or CRLF, or {@link #limit}) and {@link #nextLine}. Declines on
     * quotes and lone CRs. One table look-up per ordinary byte.
     */
    private int fieldEnd(int p) {
        byte[] b = bytes;
        int end = limit;
        while (p < end && !SPECIAL[b[p] & 0xFF]) {
            p++;
        }
        if (p == end) {
            lineEnd = end;
            nextLine = end;
            return end;
        }
        byte c = b[p];
        if (c == ',') {
            return p;
        }
        if (c == '\n') {
            lineEnd = p;
            nextLine = p + 1;
            return p;
        }
        if (c == '\r' && p + 1 < end && b[p + 1] == '\n') {
            lineEnd = p;
            nextLine = p + 2;
            return p;
        }
        throw new Declined(c == '"' ? "a quote" : c == 0 ? "a NUL byte" : "a lone CR line break");
    }

    /** How many fields the rest of the line from {@code p} holds (at least 1). */
    private int fieldsFrom(int p) {
        int fields = 1;
        for (int e = fieldEnd(p); e != lineEnd; e = fieldEnd(e + 1)) {
            fields++;
        }
        return fields;
    }

    /** Tallies one value; false after recording a number error (the caller first checks the width). */
    private boolean field(int column, int start, int end) {
        int kind = kinds[column];
        if (kind == SKIP) {
            return true;
        }
        ColumnTally tally = tallies.get(column);
        if (kind == REQUIRED_TEXT) {
            if (!PlainBytes.hasContent(bytes, start, end)) {
                tally.acceptEmpty(lines);
            }
            return true;
        }
        valueStart = PlainBytes.trimStart(bytes, start, end);
        valueEnd = PlainBytes.trimEnd(bytes, valueStart, end);
        if (valueStart == valueEnd) {
            tally.acceptEmpty(lines);
        } else if (kind == ALLOWED_TEXT) {
            tally.acceptText(currentValue(), lines);
        } else {
            double number = PlainBytes.parseNumber(bytes, valueStart, valueEnd);
            if (Double.isNaN(number)) {
                return error(tally.rule().name(), CommonsRowsScan.notANumber(currentValue()));
            }
            if (Double.isInfinite(number)) {
                return error(tally.rule().name(), CommonsRowsScan.tooLarge(currentValue()));
            }
            tally.acceptNumber(number, lines, currentValue);
        }
        return true;
    }

    private String currentValue() {
        String value = PlainBytes.decode(bytes, valueStart, valueEnd);
        if (value == null) {
            throw new Declined("a value that is not valid UTF-8");
        }
        return value;
    }

    private boolean widthError(long width) {
        List<String> header = rules.header();
        return error(width < header.size() ? header.get((int) width) : null, CommonsRowsScan.widthProblem(header, width));
    }

    private boolean error(String column, String detail) {
        errorLine = lines;
        errorColumn = column;
        errorDetail = detail;
        return false;
    }
}
