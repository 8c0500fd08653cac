package io.melograph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps a CSV header to column positions, rejecting unknown, duplicate and missing columns by name. */
final class HeaderCheck {
    private HeaderCheck() {}

    static Map<String, Integer> index(String kind, List<String> header, List<String> known, List<String> required)
            throws CsvKind.HeaderException {
        Map<String, Integer> index = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            if (!known.contains(column)) {
                problems.add("unknown column '" + column + "'");
            } else if (index.put(column, i) != null) {
                problems.add("column '" + column + "' appears twice");
            }
        }
        for (String r : required) {
            if (!index.containsKey(r)) {
                problems.add("missing required column '" + r + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvKind.HeaderException(String.join("; ", problems) + " (" + kind + " columns: "
                    + String.join(", ", known) + ")");
        }
        return index;
    }
}
