package io.melograph.scene;

import java.util.List;
import java.util.Map;

/**
 * A scene's list: the items, which channels answered ({@code ok}, {@code timeout}, {@code error: ...}; {@code popular}
 * when the popularity fallback stood in), and the share of long-tail items.
 */
public record SceneAnswer(String userId, String scene, List<Pick> items, Map<String, String> channels, boolean fallback) {

    public double longTailShare() {
        return Picks.share(items, Pick::longTail);
    }
}
