package io.melograph.sim;

import java.util.List;

/**
 * A simulated listener ("sim:user:0001").
 *
 * @param registeredAtMillis when the account was made; most accounts predate the simulation, some are made during it
 *                           and act only from then on
 * @param friends            ids of the listener's friends (mutual links), ascending
 * @param taste              the latent taste at the start of the simulation (it drifts during it)
 */
public record SimUser(String id, String name, String country, long registeredAtMillis, List<String> friends,
                      SimTaste taste) {
    public SimUser {
        friends = List.copyOf(friends);
        taste = taste == null ? SimTaste.EMPTY : taste;
    }

    public SimUser(String id, String name, String country, long registeredAtMillis, List<String> friends) {
        this(id, name, country, registeredAtMillis, friends, SimTaste.EMPTY);
    }
}
