package com.trackdesk.mcp.hardening;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which objects of a heap dump (HPROF, as written by {@code jcmd <pid> GC.heap_dump}) hold a
 * secret: every byte[] (Latin-1 strings, buffers) and char[] (UTF-16) whose content contains it, and
 * the chain of objects that refer to it ({@code byte[] <- java.lang.String <- ...HashMap$Node}), so a hit
 * can be judged: a live String in an application object is a leak, a pooled I/O buffer that still
 * holds the bytes of an earlier request is a transient copy.
 */
final class HeapDumpScan {

    /** One array holding a secret, with the classes of the objects that refer to it, nearest first. */
    record Holder(long arrayId, String arrayType, int secretIndex, List<String> referrers) {
        @Override
        public String toString() {
            return arrayType + " <- " + String.join(" <- ", referrers);
        }
    }

    private static final int OBJECT = 2;

    private final Path dump;
    private int idSize;
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, String> classNames = new HashMap<>();
    private final Map<Long, Long> superclass = new HashMap<>();
    private final Map<Long, byte[]> fieldTypes = new HashMap<>();

    HeapDumpScan(Path dump) {
        this.dump = dump;
    }

    /** Arrays that contain any of the secrets, each with up to {@code hops} levels of referrers. */
    List<Holder> holders(List<String> secrets, int hops) throws IOException {
        LeakScan needles = new LeakScan(secrets);
        Map<Long, Holder> found = new LinkedHashMap<>();
        read(new Visitor() {
            @Override
            void primitiveArray(long id, int type, byte[] content) {
                int[] encodings = type == 8 ? new int[] {0} : type == 5 ? new int[] {1, 2} : new int[0];
                for (int encoding : encodings) {
                    for (int at = 0; (at = needles.find(content, content.length, encoding, at)) >= 0; at++) {
                        int secret = needles.secretAt(content, content.length, encoding, at);
                        if (secret >= 0) {
                            found.put(id, new Holder(id, type == 8 ? "byte[]" : "char[]", secret, new ArrayList<>()));
                            return;
                        }
                    }
                }
            }
        });
        Map<Long, Long> frontier = new HashMap<>();
        found.keySet().forEach(id -> frontier.put(id, id));
        for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
            int level = hop;
            Map<Long, Long> next = new HashMap<>();
            read(new Visitor() {
                @Override
                void reference(long from, String fromClass, long to) {
                    Long origin = frontier.get(to);
                    if (origin != null) {
                        List<String> chain = found.get(origin).referrers();
                        if (chain.size() == level) {
                            chain.add(fromClass);
                            next.put(from, origin);
                        }
                    }
                }
            });
            frontier.clear();
            frontier.putAll(next);
        }
        return new ArrayList<>(found.values());
    }

    /** Callbacks of one pass over the dump. */
    private abstract static class Visitor {
        void primitiveArray(long id, int type, byte[] content) {
        }

        void reference(long from, String fromClass, long to) {
        }
    }

    private void read(Visitor visitor) throws IOException {
        try (InputStream raw = Files.newInputStream(dump);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
            while (in.readByte() != 0) {
                // "JAVA PROFILE 1.0.2\0"
            }
            idSize = in.readInt();
            in.readLong();
            while (true) {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException end) {
                    return;
                }
                in.readInt();
                long length = Integer.toUnsignedLong(in.readInt());
                switch (tag) {
                    case 0x01 -> {
                        long id = id(in);
                        byte[] text = in.readNBytes((int) (length - idSize));
                        strings.putIfAbsent(id, new String(text, StandardCharsets.UTF_8));
                    }
                    case 0x02 -> {
                        in.readInt();
                        long classId = id(in);
                        in.readInt();
                        long nameId = id(in);
                        classNames.putIfAbsent(classId, strings.getOrDefault(nameId, "?").replace('/', '.'));
                    }
                    case 0x0C, 0x1C -> heapDump(in, length, visitor);
                    default -> in.skipNBytes(length);
                }
            }
        }
    }

    private void heapDump(DataInputStream in, long length, Visitor visitor) throws IOException {
        long end = length;
        long read = 0;
        while (read < end) {
            int sub = in.readUnsignedByte();
            read += 1;
            switch (sub) {
                case 0xFF, 0x05, 0x07 -> read += skip(in, idSize);
                case 0x01 -> read += skip(in, 2L * idSize);
                case 0x02, 0x03, 0x08 -> read += skip(in, idSize + 8L);
                case 0x04, 0x06 -> read += skip(in, idSize + 4L);
                case 0x20 -> read += classDump(in);
                case 0x21 -> {
                    long id = id(in);
                    in.readInt();
                    long classId = id(in);
                    int size = in.readInt();
                    byte[] fields = in.readNBytes(size);
                    read += 2L * idSize + 8 + size;
                    instanceReferences(id, classId, fields, visitor);
                }
                case 0x22 -> {
                    long id = id(in);
                    in.readInt();
                    int count = in.readInt();
                    long classId = id(in);
                    String name = classNames.getOrDefault(classId, "Object[]");
                    for (int i = 0; i < count; i++) {
                        visitor.reference(id, name, id(in));
                    }
                    read += 2L * idSize + 8 + (long) count * idSize;
                }
                case 0x23 -> {
                    long id = id(in);
                    in.readInt();
                    int count = in.readInt();
                    int type = in.readUnsignedByte();
                    long bytes = (long) count * size(type);
                    read += idSize + 9 + bytes;
                    if (type == 8 || type == 5) {
                        visitor.primitiveArray(id, type, in.readNBytes((int) bytes));
                    } else {
                        in.skipNBytes(bytes);
                    }
                }
                default -> throw new IOException("unknown heap dump sub-record 0x" + Integer.toHexString(sub));
            }
        }
    }

    private long classDump(DataInputStream in) throws IOException {
        long read = 0;
        long classId = id(in);
        in.readInt();
        long superId = id(in);
        skip(in, 5L * idSize);
        in.readInt();
        read += 7L * idSize + 8;
        int constants = in.readUnsignedShort();
        read += 2;
        for (int i = 0; i < constants; i++) {
            in.readUnsignedShort();
            int type = in.readUnsignedByte();
            read += 3 + skip(in, size(type));
        }
        int statics = in.readUnsignedShort();
        read += 2;
        for (int i = 0; i < statics; i++) {
            id(in);
            int type = in.readUnsignedByte();
            read += idSize + 1 + skip(in, size(type));
        }
        int fields = in.readUnsignedShort();
        read += 2;
        byte[] types = new byte[fields];
        for (int i = 0; i < fields; i++) {
            id(in);
            types[i] = in.readByte();
            read += idSize + 1;
        }
        superclass.put(classId, superId);
        fieldTypes.put(classId, types);
        return read;
    }

    private void instanceReferences(long id, long classId, byte[] fields, Visitor visitor) {
        String name = classNames.getOrDefault(classId, "?");
        int offset = 0;
        for (long c = classId; c != 0 && fieldTypes.containsKey(c); c = superclass.getOrDefault(c, 0L)) {
            for (byte type : fieldTypes.get(c)) {
                if (type == OBJECT && offset + idSize <= fields.length) {
                    visitor.reference(id, name, readId(fields, offset));
                }
                offset += size(type);
            }
        }
    }

    private long readId(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < idSize; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    private long id(DataInputStream in) throws IOException {
        return idSize == 8 ? in.readLong() : Integer.toUnsignedLong(in.readInt());
    }

    private int size(int type) {
        return switch (type) {
            case OBJECT -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalArgumentException("unknown basic type " + type);
        };
    }

    private static long skip(DataInputStream in, long bytes) throws IOException {
        in.skipNBytes(bytes);
        return bytes;
    }
}
