package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fast path for plain CSV (no quotes; LF or CRLF line breaks): the rows are split into byte
 * ranges at line starts, each range is tallied by a {@link RangeScan} on one of a few threads, and
 * the tallies are merged in file order. It declines (so the reference scans) as soon as any range
 * before the first error sees something unusual. Memory: one buffer per thread, whatever the size.
 *
 * <p>Why the result equals the reference's: ranges hold whole lines, line numbers are shifted by
 * the lines of the ranges before, the first error of the first range that has one is the first
 * error of the file, and sums are merged only when that is exact ({@link ColumnTally#sumIsOrderFree()});
 * otherwise the rows are tallied again in one range, in file order, as the reference adds them.
 */
final class ParallelRowsScan implements RowsScan {
    static final int BUFFER_BYTES = 1 << 20;
    /** Rows smaller than this are scanned on the caller's thread: starting threads would cost more. */
    static final long MIN_RANGE_BYTES = 4L << 20;
    /** Ranges per thread, so a thread slowed down by other work is helped by the others. */
    private static final int RANGES_PER_THREAD = 4;
    private static final int SEEK_BYTES = 64 * 1024;

    private final int threads;
    private final long minRangeBytes;
    private final int bufferBytes;

    ParallelRowsScan() {
        this(Runtime.getRuntime().availableProcessors(), MIN_RANGE_BYTES, BUFFER_BYTES);
    }

    ParallelRowsScan(int threads, long minRangeBytes, int bufferBytes) {
        this.threads = Math.max(1, threads);
        this.minRangeBytes = Math.max(1, minRangeBytes);
        this.bufferBytes = bufferBytes;
    }

    @Override
    public Optional<RowsTally> scan(RuleSet rules, OffsetLines lines) throws IOException {
        try (FileChannel channel = FileChannel.open(lines.file, StandardOpenOption.READ)) {
            long size = channel.size();
            long start = lines.offset;
            long linesBefore = 0;
            if (start == 0) { // the header line, already validated, is line 1
                start = headerEnd(channel, size);
                linesBefore = 1;
            }
            if (start < 0) {
                return Optional.empty();
            }
            List<Long> bounds = split(channel, start, size);
            if (bounds == null) {
                return Optional.empty();
            }
            Optional<RowsTally> merged = merge(rules, lines, scanRanges(rules, channel, bounds), linesBefore);
            boolean exact = merged.isEmpty() || bounds.size() == 2 || merged.get().columns().stream()
                    .allMatch(c -> !c.rule().hasMeanBounds() || c.sumIsOrderFree());
            return exact ? merged : merge(rules, lines, scanRanges(rules, channel, List.of(start, size)), linesBefore);
        } catch (RangeScan.Declined e) {
            return Optional.empty();
        }
    }

    /** Where the line after the header starts; -1 when the header line is not plain. */
    private long headerEnd(FileChannel channel, long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, SEEK_BYTES));
        channel.read(head, 0);
        for (int i = 0; i < head.position(); i++) {
            byte b = head.get(i);
            if (b == '\n') {
                return i + 1;
            }
            if (b == '"' || (b == '\r' && i + 1 < head.position() && head.get(i + 1) != '\n')) {
                return -1;
            }
        }
        return head.position() == size && (size == 0 || head.get((int) size - 1) != '\r') ? size : -1;
    }

    /** Range bounds at line starts, first {@code start}, last {@code size}; null when a line is too long to find its end. */
    private List<Long> split(FileChannel channel, long start, long size) throws IOException {
        long ranges = Math.max(1, Math.min((long) threads * RANGES_PER_THREAD, (size - start) / minRangeBytes));
        if (threads == 1) {
            ranges = 1;
        }
        List<Long> bounds = new ArrayList<>();
        bounds.add(start);
        ByteBuffer seek = ByteBuffer.allocate(SEEK_BYTES);
        for (long i = 1; i < ranges; i++) {
            long nominal = start + (size - start) * i / ranges;
            if (nominal <= bounds.get(bounds.size() - 1)) {
                continue;
            }
            seek.clear();
            int read = channel.read(seek, nominal - 1);
            int newline = -1;
            for (int j = 0; j < read && newline < 0; j++) {
                newline = seek.get(j) == '\n' ? j : -1;
            }
            if (newline < 0) {
                if (read < SEEK_BYTES) {
                    break; // the last line: no further bound
                }
                return null;
            }
            long bound = nominal + newline;
            if (bound < size) {
                bounds.add(bound);
            }
        }
        bounds.add(size);
        return bounds;
    }

    /** Scans every range; several threads take ranges in order, each thread stops once an earlier range stopped. */
    private RangeScan[] scanRanges(RuleSet rules, FileChannel channel, List<Long> bounds) throws IOException {
        int count = bounds.size() - 1;
        RangeScan[] results = new RangeScan[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstStopped = new AtomicInteger(Integer.MAX_VALUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                int index = i;
                try {
                    results[i] = new RangeScan(rules).run(channel, bounds.get(i), bounds.get(i + 1), bufferBytes,
                            () -> firstStopped.get() < index);
                    if (results[i].ending == RangeScan.Ending.ERROR) {
                        firstStopped.accumulateAndGet(i, Math::min);
                    }
                } catch (RangeScan.Declined e) {
                    firstStopped.accumulateAndGet(i, Math::min);
                    failure.compareAndSet(null, e);
                } catch (IOException e) {
                    failure.compareAndSet(null, new UncheckedIOException(e));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, count); t++) {
            Thread helper = new Thread(worker, "self-heal-csv-scan-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while scanning " + count + " ranges", e);
            }
        }
        rethrow(failure.get(), firstStopped.get(), results);
        return results;
    }

    /** A decline or failure matters only when no earlier range stopped at an error. */
    private static void rethrow(Throwable failure, int firstStopped, RangeScan[] results) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof RangeScan.Declined declined) {
            for (int i = 0; i < firstStopped; i++) {
                if (results[i] == null) {
                    throw declined; // an earlier range was abandoned: let the reference decide
                }
            }
            if (firstStopped < results.length && results[firstStopped] != null) {
                return; // the earlier range's error wins
            }
            throw declined;
        }
        if (failure instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) failure;
    }

    /** The ranges' tallies in file order, or the first error, with lines counted from the offset. */
    private static Optional<RowsTally> merge(RuleSet rules, OffsetLines lines, RangeScan[] ranges, long linesBefore) {
        List<ColumnTally> total = rules.columns().stream().map(ColumnTally::new).toList();
        long shift = linesBefore;
        long rows = 0;
        long first = 0;
        long last = 0;
        for (RangeScan range : ranges) {
            if (range.ending == RangeScan.Ending.ERROR) {
                throw lines.error(shift + range.errorLine, range.errorColumn, range.errorDetail);
            }
            for (int c = 0; c < total.size(); c++) {
                total.get(c).absorb(range.tallies.get(c), shift);
            }
            if (range.rows > 0) {
                first = first == 0 ? shift + range.firstLine : first;
                last = shift + range.lastLine;
            }
            rows += range.rows;
            shift += range.lines;
        }
        return Optional.of(new RowsTally(total, rows, first, last));
    }
}
