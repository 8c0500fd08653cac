package io.melograph.events;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every listener's live state, fed by the journal's durable events (and by its replay at start). */
public final class ListenerStates {
    private final ConcurrentHashMap<String, ListenerState> states = new ConcurrentHashMap<>();
    private final ItemCatalog catalog;

    public ListenerStates(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    public void apply(Event e) {
        ItemCatalog.SongFacts song = e.itemType() == ItemType.SONG ? catalog.song(e.itemId()) : null;
        states.computeIfAbsent(e.userId(), ListenerState::new).apply(e, song);
    }

    public Optional<ListenerState> get(String userId) {
        return Optional.ofNullable(states.get(userId));
    }

    /** A snapshot of every listener's state (each still live). */
    public List<ListenerState> all() {
        return List.copyOf(states.values());
    }

    public int size() {
        return states.size();
    }
}
