package io.melograph.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The journal's compact binary form of an event (version 1): strings as length-prefixed UTF-8, enums as codes. */
final class EventCodec {
    private static final byte VERSION = 1;

    private EventCodec() {}

    static byte[] encode(Event e) {
        byte[] id = utf8(e.eventId());
        byte[] user = utf8(e.userId());
        byte[] item = utf8(e.itemId());
        byte[] scene = e.scene() == null ? null : utf8(e.scene());
        ByteBuffer b = ByteBuffer.allocate(1 + 4 * 4 + id.length + user.length + item.length
                + (scene == null ? 0 : scene.length) + 2 + 3 * 8);
        b.put(VERSION);
        put(b, id);
        put(b, user);
        put(b, item);
        b.put((byte) e.itemType().ordinal());
        b.put((byte) e.action().ordinal());
        b.putLong(e.positionMs());
        b.putLong(e.durationMs());
        if (scene == null) {
            b.putInt(-1);
        } else {
            put(b, scene);
        }
        b.putLong(e.ts());
        return b.array();
    }

    /** The digest of an encoded event's id ({@link EventIdSet#hash}), read without decoding the rest. */
    static long[] idHash(byte[] payload) {
        if (payload[0] != VERSION) {
            throw new IllegalArgumentException("unknown event encoding version " + payload[0]);
        }
        int length = ByteBuffer.wrap(payload, 1, 4).getInt();
        return EventIdSet.hash(payload, 5, length);
    }

    static Event decode(ByteBuffer b) {
        byte version = b.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown event encoding version " + version);
        }
        String id = string(b);
        String user = string(b);
        String item = string(b);
        ItemType type = ItemType.values()[b.get()];
        Action action = Action.values()[b.get()];
        long position = b.getLong();
        long duration = b.getLong();
        String scene = string(b);
        long ts = b.getLong();
        return new Event(id, user, item, type, action, position, duration, scene, ts);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ByteBuffer b, byte[] s) {
        b.putInt(s.length);
        b.put(s);
    }

    private static String string(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) {
            return null;
        }
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
