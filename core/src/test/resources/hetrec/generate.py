#!/usr/bin/env python3
"""A small listening community in the HetRec 2011 Last.fm format (the five .dat files), made up by the project for
tests that must pass on a plain clone, without ../shared. Same layout as the real dataset: tab-separated with a
header line, artists.dat in UTF-8, tags.dat in Latin-1, dates as day/month/year. Ids echo the real dataset's first
user (2) and artists 51, 52, 289 so the curator queries' documented parameters find something. Deterministic:
run it again and the files do not change.

    python3 core/src/test/resources/hetrec/generate.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(2011)

ARTISTS = {51: "Velvet Harbour", 52: "Neon Orchard", 53: "Paper Comets", 54: "Lantern Echo", 55: "Quiet Atlas",
           56: "Saltwater Choir", 57: "Brass Meridian", 58: "Hollow Pines", 59: "Cobalt Parade", 60: "Ivory Signal",
           289: "Pop Fixture Star", 300: "Bjørk Fjord", 301: "Café Nocturne", 302: "Mañana Club", 303: "Static Bloom",
           304: "Glass Harbour", 305: "Solar Wren"}
TAGS = {1: "rock", 2: "pop", 13: "electronic", 14: "chanson française", 15: "80s", 16: "indie", 17: "dream pop",
        18: "synthpop", 19: "música latina", 20: "female vocalists"}
USERS = list(range(2, 14))  # 2 .. 13
# each listener's taste: a few artists with play counts; artist 289 is the community's hit
ARTIST_TAGS = {51: [15, 18, 13], 52: [15, 18, 2], 53: [16, 17], 54: [16, 1], 55: [13, 17], 56: [14, 20], 57: [1, 15],
               58: [16, 17, 1], 59: [2, 18], 60: [13, 18], 289: [2, 20], 300: [13, 20, 17], 301: [14], 302: [19, 2],
               303: [17, 16], 304: [1, 16], 305: [20, 2]}


def write(name, lines, encoding):
    with open(os.path.join(HERE, name), "w", encoding=encoding, newline="\n") as f:
        f.write("\n".join(lines) + "\n")


write("artists.dat", ["id\tname\turl\tpictureURL"] + [
    f"{i}\t{n}\thttp://www.last.fm/music/{n.replace(' ', '+')}\t" for i, n in sorted(ARTISTS.items())], "utf-8")
write("tags.dat", ["tagID\ttagValue"] + [f"{i}\t{v}" for i, v in sorted(TAGS.items())], "latin-1")

plays = []
taggings = []
ids = sorted(ARTISTS)
for u in USERS:
    chosen = {289} | set(rnd.sample(ids, 5))
    if u == 2:
        chosen |= {51, 52}
    for a in sorted(chosen):
        weight = 13883 if (u, a) == (2, 51) else rnd.randint(20, 4000)
        plays.append(f"{u}\t{a}\t{weight}")
        for t in ARTIST_TAGS[a][: rnd.randint(0, len(ARTIST_TAGS[a]))]:
            taggings.append(f"{u}\t{a}\t{t}\t1\t{rnd.randint(1, 12)}\t{rnd.choice([2008, 2009, 2010])}")
taggings.append("2\t52\t13\t1\t4\t2009")
taggings.append("4\t999\t16\t1\t5\t2009")  # an artist artists.dat does not list: the importer warns and skips it
write("user_artists.dat", ["userID\tartistID\tweight"] + plays, "utf-8")
write("user_taggedartists.dat", ["userID\tartistID\ttagID\tday\tmonth\tyear"] + sorted(set(taggings),
      key=lambda l: [int(x) for x in l.split("\t")]), "utf-8")

friends = set()
for u in USERS:
    for v in rnd.sample(USERS, 3):
        if v != u:
            friends |= {(u, v), (v, u)}
write("user_friends.dat", ["userID\tfriendID"] + [f"{u}\t{v}" for u, v in sorted(friends)], "utf-8")
