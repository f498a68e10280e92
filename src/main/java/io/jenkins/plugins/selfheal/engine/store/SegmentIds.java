package io.jenkins.plugins.selfheal.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The index beside a segment ({@code <name>.episodes.000001.ids}), written before the segment becomes
 * visible: where the segment sits in the log (its logical start and length), its last bytes (so the
 * summary's checksum of the bytes before a rotation's cut needs no decompression) and the sorted 64-bit
 * hashes of the episode ids it holds, so that after a restart the ids of the history are known without
 * reading it. Binary: the meta part and the hashes part each end with their CRC-32; an index that is
 * missing or damaged is rebuilt from its segment (it is derived data).
 */
final class SegmentIds {
    private static final long MAGIC = 0x5348494453303031L; // "SHIDS001"
    /** How many of the segment's last bytes the index keeps (the summary's checksum covers as many). */
    static final int TAIL = HistorySummaries.CHECKED;

    /** Segment's place in the log and its last bytes. */
    record Meta(long start, long length, byte[] tail) {
    }

    private SegmentIds() {
    }

    /** Segment {@code n}'s place and last bytes, or null when its index is missing or damaged. */
    static Meta meta(StoreFiles files, int n) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(files.segmentIds(n)),
                TAIL + 64))) {
            return readMeta(in);
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.io.EOFException e) {
            return null;
        }
    }

    /** Segment {@code n}'s sorted id hashes, from its index, or rebuilt from the segment when the index is unusable. */
    static long[] hashes(StoreFiles files, int n, long start) throws IOException {
        try {
            // read whole and checked in one pass: a restart loads a million of these (8 MB) without a loop per id
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(files.segmentIds(n)));
            if (readMeta(new DataInputStream(new java.io.ByteArrayInputStream(bytes.array()))) != null) {
                bytes.position(8 + 8 + 8 + 4);
                bytes.position(bytes.position() + bytes.getInt(8 + 8 + 8) + 8);
                int count = bytes.getInt();
                if (count >= 0 && bytes.remaining() == 8L * count + 8) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes.array(), bytes.position(), 8 * count);
                    long[] hashes = new long[count];
                    bytes.asLongBuffer().get(hashes);
                    if (bytes.getLong(bytes.position() + 8 * count) == crc.getValue()) {
                        return hashes;
                    }
                }
            }
        } catch (NoSuchFileException | java.io.EOFException e) {
            // rebuilt below
        }
        Builder builder = new Builder(start);
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(files.segment(n)), 1 << 16)) {
            byte[] block = new byte[1 << 16];
            int read;
            while ((read = in.read(block)) > 0) {
                builder.accept(block, 0, read);
            }
        }
        try {
            AtomicFiles.write(files.segmentIds(n), builder.bytes()); // same content whoever writes it
        } catch (IOException e) {
            // a read-only folder: rebuilt again next time
        }
        return builder.sortedHashes();
    }

    private static Meta readMeta(DataInputStream in) throws IOException {
        if (in.readLong() != MAGIC) {
            return null;
        }
        long start = in.readLong();
        long length = in.readLong();
        int tailLength = in.readInt();
        if (start < 0 || length < 0 || tailLength < 0 || tailLength > TAIL) {
            return null;
        }
        byte[] tail = in.readNBytes(tailLength);
        CRC32 crc = new CRC32();
        crc.update(metaBytes(start, length, tail));
        return in.readLong() == crc.getValue() ? new Meta(start, length, tail) : null;
    }

    private static byte[] metaBytes(long start, long length, byte[] tail) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(MAGIC);
        out.writeLong(start);
        out.writeLong(length);
        out.writeInt(tail.length);
        out.write(tail);
        return bytes.toByteArray();
    }

    private static byte[] longBytes(long value, byte[] eight) {
        for (int i = 7; i >= 0; i--) {
            eight[i] = (byte) value;
            value >>>= 8;
        }
        return eight;
    }

    /** Collects a segment's index from its bytes as they are written (whole lines; the segment ends with one). */
    static final class Builder {
        private final long start;
        private long length;
        private byte[] line = new byte[8192];
        private int lineLength;
        private long[] hashes = new long[1024];
        private int count;
        private final byte[] tail = new byte[TAIL];

        Builder(long start) {
            this.start = start;
        }

        void accept(byte[] bytes, int offset, int n) {
            for (int i = offset; i < offset + n; i++) {
                byte b = bytes[i];
                tail[(int) (length++ % TAIL)] = b;
                if (b != '\n') {
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, lineLength * 2);
                    }
                    line[lineLength++] = b;
                    continue;
                }
                long key = LearnedEpisodes.idKey(line, lineLength);
                if (key != 0) {
                    if (count == hashes.length) {
                        hashes = Arrays.copyOf(hashes, count * 2);
                    }
                    hashes[count++] = key;
                }
                lineLength = 0;
            }
        }

        long length() {
            return length;
        }

        long[] sortedHashes() {
            long[] sorted = Arrays.copyOf(hashes, count);
            Arrays.sort(sorted);
            return sorted;
        }

        byte[] bytes() throws IOException {
            int tailLength = (int) Math.min(TAIL, length);
            byte[] last = new byte[tailLength];
            for (int i = 0; i < tailLength; i++) {
                last[i] = tail[(int) ((length - tailLength + i) % TAIL)];
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + tailLength + 8 * count);
            DataOutputStream out = new DataOutputStream(bytes);
            byte[] meta = metaBytes(start, length, last);
            CRC32 crc = new CRC32();
            crc.update(meta);
            out.write(meta);
            out.writeLong(crc.getValue());
            long[] sorted = sortedHashes();
            out.writeInt(sorted.length);
            crc.reset();
            byte[] eight = new byte[8];
            for (long hash : sorted) {
                out.writeLong(hash);
                crc.update(longBytes(hash, eight));
            }
            out.writeLong(crc.getValue());
            return bytes.toByteArray();
        }
    }
}
