package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerStates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every knowledge-graph channel on a small graph where each answer is known: the expected candidate comes first, with
 * its sentence and the node ids of its path; seeds never come back; limits hold; ids full of Cypher are just ids.
 */
class GraphChannelsTest {
    // generous: the harness is slow to plan the first time, more so on a loaded machine (these test answers, not speed)
    private static final Duration BUDGET = Duration.ofSeconds(20);
    private static Map<String, RecallChannel> channels;
    private static ListenerContext ana;

    @BeforeAll
    static void graph() {
        TestGraph.clear();
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    CREATE (radiohead:Artist {id: 'a-radiohead', name: 'Radiohead'}), (atoms:Artist {id: 'a-atoms', name: 'Atoms for Peace'}),
                           (thom:Artist {id: 'a-thom', name: 'Thom Yorke'}), (other:Artist {id: 'a-other', name: 'Other Band'}),
                           (thom)-[:MEMBER_OF]->(radiohead), (thom)-[:MEMBER_OF]->(atoms),
                           (okc:Album {id: 'al-okc', name: 'OK Computer'})-[:BY]->(radiohead),
                           (karma:Song {id: 's-karma', name: 'Karma Police'})-[:ON_ALBUM {track: 6}]->(okc),
                           (airbag:Song {id: 's-airbag', name: 'Airbag'})-[:ON_ALBUM {track: 1}]->(okc),
                           (creep:Song {id: 's-creep', name: 'Creep'})-[:PERFORMED_BY]->(radiohead),
                           (amok:Song {id: 's-amok', name: 'Amok'})-[:PERFORMED_BY]->(atoms),
                           (eraser:Song {id: 's-eraser', name: 'The Eraser'})-[:PERFORMED_BY]->(thom),
                           (nigel:Person {id: 'p-nigel', name: 'Nigel Godrich'}),
                           (karma)-[:PRODUCED_BY]->(nigel), (amok)-[:PRODUCED_BY]->(nigel),
                           (shoegaze:Tag {id: 't-shoegaze', name: 'shoegaze'}), (rock:Genre {id: 'g-rock', name: 'rock'}),
                           (loveless:Song {id: 's-loveless', name: 'Only Shallow'})-[:PERFORMED_BY]->(other),
                           (karma)-[:TAGGED {weight: 1}]->(shoegaze), (loveless)-[:TAGGED {weight: 1}]->(shoegaze),
                           (other)-[:TAGGED {weight: 1}]->(shoegaze), (radiohead)-[:TAGGED {weight: 1}]->(shoegaze),
                           (karma)-[:CO_LISTENED {weight: 7}]->(loveless),
                           (ana:User {id: 'u-ana', name: 'Ana'}), (ben:User {id: 'u-ben', name: 'Ben'}),
                           (ana)-[:FOLLOWS]->(ben), (ana)-[:LISTENED {plays: 12, completes: 10, likes: 1}]->(karma),
                           (ben)-[:LISTENED {plays: 9, likes: 1}]->(eraser),
                           (mix:Playlist {id: 'pl-mix', name: 'Late Night'})-[:CONTAINS {pos: 1}]->(karma),
                           (mix)-[:CONTAINS {pos: 2}]->(loveless),
                           (video:Video {id: 'v-karma', name: 'Karma Police (video)'})-[:FEATURES]->(karma),
                           (mlog:Mlog {id: 'm-dance', name: 'Dance clip'})-[:USES]->(eraser)
                    """).consume();
            // friends who share the listener's taste count more: Dev shares a song with Cem, Eve none
            s.run("""
                    CREATE (cem:User {id: 'u-cem', name: 'Cem'}), (dev:User {id: 'u-dev', name: 'Dev'}), (eve:User {id: 'u-eve', name: 'Eve'}),
                           (own:Song {id: 's-cem-own', name: 'Own'}), (devFav:Song {id: 's-dev-fav', name: 'Dev fav'}),
                           (eveFav:Song {id: 's-eve-fav', name: 'Eve fav'}),
                           (cem)-[:FOLLOWS]->(dev), (cem)-[:FOLLOWS]->(eve), (cem)-[:LISTENED {plays: 5}]->(own),
                           (dev)-[:LISTENED {plays: 3}]->(own), (dev)-[:LISTENED {plays: 4}]->(devFav),
                           (eve)-[:LISTENED {plays: 6}]->(eveFav)
                    """).consume();
            // ubiquitous tags must count less than rare ones: 30 songs share the genre rock with Karma Police
            s.run("MATCH (karma:Song {id: 's-karma'}), (rock:Genre {id: 'g-rock'}) CREATE (karma)-[:HAS_GENRE]->(rock) "
                    + "WITH rock UNWIND range(1, 30) AS i CREATE (:Song {id: 'filler-' + i, name: 'Filler ' + i})-[:HAS_GENRE]->(rock)").consume();
        }
        channels = Channels.graphChannels(TestGraph.connection());
        ana = new ListenerProfiles(TestGraph.connection(), new ListenerStates(new ItemCatalog(TestGraph.connection())))
                .of("u-ana").orElseThrow().context();
    }

    private static List<Candidate> recall(String channel, ListenerContext context) {
        List<Candidate> out = channels.get(channel).recall(context, 10, BUDGET);
        out.forEach(c -> assertEquals(channel, c.channel()));
        return out;
    }

    @Test
    void theListenersSeedsComeFromTheGraph() {
        assertEquals(List.of("s-karma"), ana.songs().stream().map(ListenerContext.Seed::id).toList());
        assertEquals(12, ana.songs().get(0).plays());
        assertEquals(1.0, ana.songs().get(0).weight());
    }

    @Test
    void sameAlbumArtistMembersAndProducer() {
        Candidate album = recall("kg-same-album", ana).get(0);
        assertEquals("s-airbag", album.itemId());
        assertEquals("Same album (*OK Computer*) as *Karma Police*, which you played 12 times", album.reason());
        assertEquals(List.of("s-karma", "al-okc", "s-airbag"), album.path());

        List<String> sameArtist = recall("kg-same-artist", ana).stream().map(Candidate::itemId).toList();
        assertTrue(sameArtist.containsAll(List.of("s-airbag", "s-creep")), sameArtist.toString());
        assertFalse(sameArtist.contains("s-karma"), "never the seed itself");

        List<Candidate> members = recall("kg-band-members", ana);
        assertEquals(List.of("s-amok", "s-eraser"), members.stream().map(Candidate::itemId).sorted().toList());
        Candidate eraser = members.stream().filter(c -> c.itemId().equals("s-eraser")).findFirst().orElseThrow();
        assertEquals(List.of("s-karma", "a-radiohead", "a-thom", "s-eraser"), eraser.path());

        Candidate produced = recall("kg-same-writer", ana).get(0);
        assertEquals("s-amok", produced.itemId());
        assertEquals("Produced by *Nigel Godrich*, who also produced *Karma Police*, which you played 12 times", produced.reason());
    }

    @Test
    void rareTagsCountMoreThanUbiquitousGenres() {
        List<Candidate> tags = recall("kg-tags", ana);
        assertEquals("s-loveless", tags.get(0).itemId(), "shoegaze (2 songs) beats rock (31 songs)");
        assertEquals("Also tagged *shoegaze*, like *Karma Police*, which you played 12 times", tags.get(0).reason());
        assertTrue(tags.get(0).score() > tags.get(1).score());

        Candidate twoHops = recall("kg-artist-tags", ana).get(0);
        assertEquals("s-loveless", twoHops.itemId());
        assertEquals(List.of("s-karma", "a-radiohead", "t-shoegaze", "a-other", "s-loveless"), twoHops.path(),
                "from the seed song through its artist");
        assertEquals("By *Other Band*, who shares the tag *shoegaze* with *Radiohead*", twoHops.reason());
    }

    /** The neighbour build computes the item-level channels in memory: the same lists as the queries, song by song. */
    @Test
    void theCatalogInMemoryGivesWhatTheQueriesGive() {
        Map<String, RecallChannel> all = new java.util.LinkedHashMap<>(channels);
        all.putAll(Channels.playlistChannels(TestGraph.connection())); // playlists holding a song are computed too
        assertTrue(CatalogParity.assertSameAsQueries(all) > 100);
    }

    @Test
    void coListenedFriendsPlaylistsAndCrossEntity() {
        assertEquals("s-loveless", recall("kg-co-listened", ana).get(0).itemId());
        Candidate friend = recall("kg-friends", ana).get(0);
        assertEquals("s-eraser", friend.itemId());
        assertEquals("*Ben*, whom you follow, played it 9 times", friend.reason());
        assertEquals(List.of("u-ana", "u-ben", "s-eraser"), friend.path());
        Candidate playlist = recall("kg-playlists", ana).get(0);
        assertEquals("s-loveless", playlist.itemId());
        assertTrue(playlist.reason().startsWith("On the playlist *Late Night* with *Karma Police*"), playlist.reason());
        Candidate video = recall("kg-videos", ana).get(0);
        assertEquals("v-karma", video.itemId());
        assertEquals("video", video.itemType());

        ListenerContext watcher = new ListenerContext("u-x", List.of(), List.of(), List.of(),
                List.of(new ListenerContext.Seed("m-dance", "Dance clip", 1.0, 0)));
        Candidate fromClip = recall("kg-watched-songs", watcher).get(0);
        assertEquals("s-eraser", fromClip.itemId());
        assertEquals("From the MLOG *Dance clip* you watched", fromClip.reason());
    }

    @Test
    void friendsWhoShareTheListenersTasteCountMore() {
        ListenerContext cem = new ListenerProfiles(TestGraph.connection(), new ListenerStates(new ItemCatalog(TestGraph.connection())))
                .of("u-cem").orElseThrow().context();
        List<Candidate> out = recall("kg-friends", cem);
        // Eve played her favourite more (6 against 4), but Dev shares a song with Cem: (1 + 1)^2 / sqrt(2) against 1
        assertEquals(List.of("s-dev-fav", "s-eve-fav"), out.stream().map(Candidate::itemId).toList());
        assertEquals("*Dev*, whom you follow, played it 4 times", out.get(0).reason());
        assertEquals(List.of("u-cem", "u-dev", "s-dev-fav"), out.get(0).path());
    }

    @Test
    void similarArtistsThroughMembersAndTags() {
        List<Candidate> similar = Channels.similarArtists(TestGraph.connection())
                .recall(ListenerContext.ofArtist("a-radiohead", "Radiohead"), 10, BUDGET);
        Map<String, String> byId = similar.stream().collect(Collectors.toMap(Candidate::itemId, Candidate::reason));
        assertEquals("Shares members with *Radiohead*", byId.get("a-thom"));
        assertEquals("Shares the tag *shoegaze* with *Radiohead*", byId.get("a-other"));
        assertFalse(byId.containsKey("a-radiohead"));
    }

    @Test
    void limitsHoldAndHostileIdsAreJustUnknownIds() {
        assertEquals(1, channels.get("kg-same-artist").recall(ana, 1, BUDGET).size());
        ListenerContext hostile = ListenerContext.ofSong("x'}) MATCH (n) DETACH DELETE n //", "evil");
        for (RecallChannel c : channels.values()) {
            assertEquals(List.of(), c.recall(hostile, 10, BUDGET), c.name());
        }
        try (Session s = TestGraph.connection().session()) {
            assertTrue(s.run("MATCH (n:Song) RETURN count(n) AS n").single().get("n").asLong() > 30, "nothing deleted");
        }
        assertEquals(List.of(), channels.get("kg-same-album").recall(
                new ListenerContext(null, List.of(), List.of(), List.of()), 10, BUDGET), "no seeds, no query");
    }
}
