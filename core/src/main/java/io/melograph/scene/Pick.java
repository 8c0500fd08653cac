package io.melograph.scene;

import java.util.List;
import java.util.Map;

/**
 * One recommended item as every scene answers it.
 *
 * @param score         the final score the list was ordered by (after ranking)
 * @param reason        the strongest reason, for display
 * @param reasons       every channel's reason, strongest first
 * @param channels      the channels that found it, strongest first
 * @param contributions each channel's share of the fused score (for analysis)
 * @param path          node ids of the strongest reason's graph path (open them in Neo4j Browser)
 * @param familiar      from the listener's own rotation rather than a discovery
 */
public record Pick(String id, String type, String name, List<String> artists, double score, String reason,
                   List<String> reasons, List<String> channels, Map<String, Double> contributions, List<String> path,
                   boolean longTail, boolean familiar) {}
