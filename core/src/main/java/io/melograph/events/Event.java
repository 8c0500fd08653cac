package io.melograph.events;

/**
 * One listener action, as apps send it and as the journal stores it.
 *
 * @param eventId    unique per event; a repeated id is a duplicate and is ignored
 * @param positionMs where in the item the action happened (a skip at 12 s), or -1 when not given
 * @param durationMs how long the item played before this action, or -1 when not given
 * @param scene      where it happened (daily, fm, search, playlist ...), or null
 * @param ts         when it happened, epoch milliseconds UTC
 */
public record Event(String eventId, String userId, String itemId, ItemType itemType, Action action, long positionMs,
                    long durationMs, String scene, long ts) {

    public static final long UNKNOWN = -1;
}
