package io.melograph.util;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lookups over lists of ids: a model's listeners or songs by index. */
public final class Ids {
    private Ids() {}

    /** Each id's index in the list (ids are expected to be unique; the first wins). */
    public static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.putIfAbsent(ids.get(i), i);
        }
        return index;
    }
}
