package io.melograph.eval;

import java.util.List;
import java.util.Map;

/**
 * A protocol's results, with everything needed to reproduce them: dataset and its checksum, sizes, split, seed.
 *
 * @param anchors published results to show beside ours (model → metric → value)
 */
public record EvalReport(String protocol, String dataset, String checksum, Map<String, Object> sizes, String split,
                         long seed, List<ModelResult> results, Map<String, Map<String, Double>> anchors,
                         List<String> notes, double seconds) {}
