package io.melograph.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator's listeners: how many, and whether they are new to the service, against a plain HTTP endpoint. */
class EventLoadTest {
    private static final Pattern USER = Pattern.compile("\"userId\":\"([^\"]+)\"");

    private static Set<String> listenersSent(int listeners, boolean newListeners) throws Exception {
        Set<String> users = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/events", exchange -> {
            Matcher m = USER.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                users.add(m.group(1));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        try {
            EventLoad load = new EventLoad("http://127.0.0.1:" + server.getAddress().getPort(), "t", listeners, newListeners);
            EventLoad.Result r = load.latency(200, 0.5, 0.1);
            assertEquals(0, r.failures());
            assertEquals(100, r.events());
        } finally {
            server.stop(0);
        }
        return users;
    }

    @Test
    void eventsComeFromTheListenersAskedFor() throws Exception {
        Set<String> same = listenersSent(7, false);
        assertEquals(7, same.size(), same.toString());
        assertTrue(same.contains("load-user-3"), same.toString()); // the same ids in every run
        Set<String> fresh = listenersSent(7, true);
        assertEquals(7, fresh.size(), fresh.toString());
        assertTrue(fresh.stream().noneMatch(same::contains), fresh + " against " + same);
    }

    @Test
    void noListenersOrANegativeWarmUpIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EventLoad("http://127.0.0.1:1", "t", 0, false));
        EventLoad load = new EventLoad("http://127.0.0.1:1", "t", 1, false);
        assertThrows(IllegalArgumentException.class, () -> load.latency(10, 1, -1));
    }
}
