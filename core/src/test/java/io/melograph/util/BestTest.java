package io.melograph.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BestTest {
    private record Item(String id, double score) {}

    private static final Comparator<Item> ORDER = Comparator.comparingDouble(Item::score).reversed().thenComparing(Item::id);

    @Test
    void givesWhatAFullSortAndACutGive() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Item> items = new ArrayList<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                items.add(new Item("s" + random.nextInt(1000), random.nextInt(20) / 4.0)); // many ties in score
            }
            int k = random.nextInt(80);
            assertEquals(items.stream().sorted(ORDER).limit(k).toList(), Best.of(items, k, ORDER), "n=" + n + " k=" + k);
        }
    }

    @Test
    void nothingAskedOrNothingThere() {
        assertEquals(List.of(), Best.of(List.of(new Item("a", 1)), 0, ORDER));
        assertEquals(List.of(), Best.of(List.<Item>of(), 5, ORDER));
    }
}
