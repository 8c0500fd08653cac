package io.melograph.scene;

import java.util.List;
import java.util.Map;

/**
 * A listener's Daily Recommendation for one day: the same list all day, recomputed at 06:00 in the listener's time
 * zone.
 *
 * @param day          the listener's day (ISO date) the list belongs to (before 06:00 still the previous day)
 * @param generatedAt  when it was computed (ISO-8601 instant)
 * @param refreshAt    when the next list is due (ISO-8601 with the zone's offset)
 * @param provisional  computed while recall was degraded (popular songs stood in, or most channels did not answer):
 *                     answered, never kept as the day's list; the day's list is computed again in the background
 */
public record DailyList(String userId, String day, String timeZone, String generatedAt, String refreshAt,
                        List<Pick> items, Map<String, String> channels, boolean fallback, boolean provisional,
                        double familiarShare, double longTailShare) {}
