package io.melograph.recall;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ListenerMemoryTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String user) {
        return user + "#" + reads.incrementAndGet();
    }

    @Test
    void aListenerIsReadOnceUntilForgottenOrExpired() {
        ListenerMemory<String> memory = new ListenerMemory<>(10, 500, v -> 1, now::get);
        assertEquals("ana#1", memory.get("ana", this::read));
        assertEquals("ana#1", memory.get("ana", this::read), "remembered");
        memory.forget(List.of("ana"));
        assertEquals("ana#2", memory.get("ana", this::read), "read again after a change");
        now.addAndGet(499);
        assertEquals("ana#2", memory.peek("ana"));
        now.addAndGet(1);
        assertNull(memory.peek("ana"), "expired");
        assertEquals("ana#3", memory.get("ana", this::read));
    }

    @Test
    void theLeastRecentlyAskedGoFirstWhenTheWeightIsFull() {
        // a value weighs its length here: "ana#1" 5
        ListenerMemory<String> memory = new ListenerMemory<>(12, 10_000, String::length, now::get);
        memory.get("ana", this::read);
        memory.get("ben", this::read);
        assertEquals(10, memory.weight());
        memory.get("ana", this::read); // ana asked again: ben is now the oldest
        memory.get("cy", this::read);
        assertEquals(2, memory.size());
        assertEquals(9, memory.weight());
        assertNull(memory.peek("ben"));
        assertEquals("ana#1", memory.peek("ana"));
        memory.get("a-listener-heavier-than-all", this::read);
        assertNull(memory.peek("a-listener-heavier-than-all"), "heavier than the whole memory: answered, not kept");
        assertEquals(2, memory.size());
    }

    @Test
    void afterAnImportEveryoneIsReadAgain() {
        ListenerMemory<String> memory = new ListenerMemory<>(10, 10_000, v -> 1, now::get);
        memory.get("ana", this::read);
        memory.get("ben", this::read);
        memory.forgetAll();
        assertEquals(0, memory.size());
        assertEquals(0, memory.weight());
        assertEquals("ana#3", memory.get("ana", this::read));
    }

    @Test
    void aReadThatOverlapsAChangeIsAnsweredButNotKept() {
        ListenerMemory<String> memory = new ListenerMemory<>(10, 10_000, v -> 1, now::get);
        String answered = memory.get("ana", user -> {
            memory.forget(List.of("ana")); // the aggregation commits while the graph is being read
            return read(user);
        });
        assertEquals("ana#1", answered);
        assertNull(memory.peek("ana"), "a value read before a write must not outlive it");
        assertEquals("ana#2", memory.get("ana", this::read));
    }

    @Test
    void aBatchReadKeepsAllButThoseChangedWhileItRan() {
        ListenerMemory<String> memory = new ListenerMemory<>(10, 10_000, v -> 1, now::get);
        memory.readAll(List.of("ana", "ben", "cy"), users -> {
            memory.forget(List.of("ben")); // ben's events aggregated while the batch was read
            java.util.Map<String, String> m = new java.util.HashMap<>();
            users.forEach(u -> m.put(u, read(u)));
            return m;
        });
        assertEquals("ana#1", memory.peek("ana"));
        assertNull(memory.peek("ben"), "changed during the read: its value is not kept");
        assertEquals("cy#3", memory.peek("cy"));
    }

    @Test
    void anExpiredValueAnswersStaleUntilReadAgain() {
        ListenerMemory<String> memory = new ListenerMemory<>(10, 10_000, v -> 1, now::get);
        memory.get("ana", this::read);
        memory.expire(List.of("ana", "ben"));
        assertNull(memory.stale("ben"), "a listener not held is not made up");
        assertNull(memory.peek("ana"), "no longer fresh");
        assertEquals("ana#1", memory.stale("ana"), "but still there to answer meanwhile");
        memory.readAll(List.of("ana"), users -> java.util.Map.of("ana", read("ana")));
        assertEquals("ana#2", memory.peek("ana"));
        String answered = memory.get("cy", user -> {
            memory.expire(List.of("cy")); // not held yet, but changed while it was read
            return read(user);
        });
        assertEquals("cy#3", answered);
        assertNull(memory.stale("cy"), "a value read before a change is not kept");
    }

    @Test
    void noMemoryReadsEveryTime() {
        ListenerMemory<String> memory = ListenerMemory.none();
        memory.get("ana", this::read);
        assertEquals("ana#2", memory.get("ana", this::read));
        assertEquals(0, memory.size());
    }
}
