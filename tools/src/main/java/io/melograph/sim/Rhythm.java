package io.melograph.sim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * When listeners listen: how many sessions a day and at what hour.
 * <p>
 * <b>Day of week.</b> Expected sessions are multiplied by 0.915 Monday–Thursday, 1.0 Friday, 1.2 Saturday and 1.14
 * Sunday (these average exactly 1 over a week): streaming peaks at weekends by some 20–30 % in published usage
 * reports.
 * <p>
 * <b>Hour of day</b> (listener's local time). Weekdays: a morning commute bump at 7–9, lunch at 12–13, the evening peak
 * 18–22, little at night. Weekends: late mornings and afternoons fill in, the evening peak stays, nights are a bit
 * busier. A listener's local hour is turned into UTC with their country's offset and wrapped into the same UTC day,
 * so every session of a simulated day starts within that UTC day.
 */
final class Rhythm {
    private Rhythm() {}

    private static final double[] WEEKDAY = {
        0.30, 0.15, 0.08, 0.05, 0.05, 0.10, 0.35, 0.90, 1.10, 0.70, 0.60, 0.70,
        1.00, 0.90, 0.70, 0.70, 0.90, 1.20, 1.50, 1.80, 2.00, 1.90, 1.50, 0.80};
    private static final double[] WEEKEND = {
        0.60, 0.40, 0.20, 0.10, 0.05, 0.05, 0.10, 0.20, 0.40, 0.70, 1.00, 1.20,
        1.30, 1.30, 1.30, 1.30, 1.30, 1.40, 1.50, 1.70, 1.80, 1.80, 1.60, 1.10};
    private static final Sampler WEEKDAY_HOURS = hours(WEEKDAY);
    private static final Sampler WEEKEND_HOURS = hours(WEEKEND);

    /** Countries of listeners, their shares and UTC offsets in hours (standard time). */
    static final String[] COUNTRIES = {"US", "BR", "GB", "DE", "CN", "JP", "IN", "FR", "MX", "KR", "SE", "AU", "ES", "CA"};
    static final double[] COUNTRY_SHARE = {0.22, 0.10, 0.09, 0.08, 0.10, 0.07, 0.07, 0.05, 0.04, 0.04, 0.03, 0.03, 0.04, 0.04};
    static final int[] UTC_OFFSET = {-5, -3, 0, 1, 8, 9, 5, 1, -6, 9, 1, 10, 1, -5};

    static double dayFactor(long epochDay) {
        DayOfWeek d = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
        return switch (d) {
            case SATURDAY -> 1.2;
            case SUNDAY -> 1.14;
            case FRIDAY -> 1.0;
            default -> 0.915;
        };
    }

    static boolean weekend(long epochDay) {
        DayOfWeek d = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** A session start on the UTC day beginning at {@code dayStartMillis}. */
    static long sessionStart(SplittableRandom r, long dayStartMillis, long epochDay, int utcOffsetHours) {
        int localHour = (weekend(epochDay) ? WEEKEND_HOURS : WEEKDAY_HOURS).sample(r);
        int utcHour = Math.floorMod(localHour - utcOffsetHours, 24);
        return dayStartMillis + utcHour * 3_600_000L + r.nextLong(3_600_000L);
    }

    private static Sampler hours(double[] w) {
        int[] h = new int[24];
        for (int i = 0; i < 24; i++) {
            h[i] = i;
        }
        return new Sampler(h, w);
    }
}
