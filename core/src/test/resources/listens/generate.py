#!/usr/bin/env python3
"""Writes the listening-history fixture of this folder: exports in the three formats `melograph import listens` reads,
as the services document them, for 30 made-up listeners of songs in the bundled DBpedia sample, 2024-02-01..29.

  ListenBrainz  "Export listens", unzipped: listenbrainz_<user>_<timestamp>/listens/<year>/<month>.jsonl, one JSON
                listen a line: listened_at (epoch s), track_metadata {artist_name, track_name, release_name,
                additional_info {duration_ms, submission_client}}; the listens carry no user_name (the folder says whose).
  Spotify       "Extended streaming history" (Streaming_History_Audio_<years>_<n>.json, a JSON array, 2-space
                indent): ts, username, platform, ms_played, conn_country, master_metadata_*, spotify_track_uri,
                reason_start, reason_end, shuffle, skipped, offline, incognito_mode.
  Last.fm 1K    userid-timestamp-artid-artname-traid-traname.tsv (tab-separated, no header, newest first).

Listeners come back to a few favourite artists (repeats), wander to others, skip strangers more (Spotify's fwdbtn
rows, a few seconds played). Deterministic: python3 generate.py rewrites the same bytes.
"""
import gzip, json, random, re, os, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
TTL = os.path.join(HERE, "..", "..", "..", "..", "import", "sample", "dbpedia-music", "music.ttl.gz")


def catalog():
    text = gzip.open(TTL, "rt", encoding="utf-8").read()
    blocks = re.split(r"\n(?=\S)", text)
    names, lengths, albums = {}, {}, []
    ident = r"(:[^\s;,]+|<[^>]+>)"
    for b in blocks:
        m = re.match(ident + r" a ([^;]+);", b)
        if not m:
            continue
        node, kinds = m.group(1), m.group(2)
        n = re.search(r':name "((?:[^"\\]|\\.)*)"', b)
        if n:
            names[node] = n.group(1).replace('\\"', '"')
        ln = re.search(r":length (\d+)", b)
        if ln:
            lengths[node] = int(ln.group(1))
        if ":Album" in kinds:
            a = re.search(r":artist " + ident, b)
            t = re.search(r":track ([^;.]+(?:\.[^\s][^;.]*)*)\s*[;.]", b)
            if a and t:
                albums.append((names.get(node), a.group(1), re.findall(ident, t.group(1))))
    songs = {}
    for album, artist, tracks in albums:
        for s in tracks:
            if s in names and artist in names and album and s not in songs:
                length = lengths.get(s, 240)
                songs[s] = (names[artist], plain(names[s]), plain(album), length if 60 <= length <= 1200 else 240)
    return list(songs.values())


def plain(title):
    """A player's title: without the encyclopaedia's disambiguation ("All the Madmen (song)", "Heart of Stone (Cher album)")."""
    return re.sub(r"\s*\([^()]*\b(?:song|single|album)\)$", "", title, flags=re.IGNORECASE)


def main():
    rnd = random.Random(20240201)
    songs = catalog()
    by_artist = {}
    for s in songs:
        by_artist.setdefault(s[0], []).append(s)
    artists = sorted(a for a, l in by_artist.items() if len(l) >= 4)
    start = datetime.datetime(2024, 2, 1, tzinfo=datetime.timezone.utc)
    plans = [("listenbrainz", 12), ("spotify", 10), ("lastfm", 8)]
    lastfm_rows, n = [], 0
    for fmt, count in plans:
        for _ in range(count):
            n += 1
            user = f"fixture{n:02d}"
            favourites = rnd.sample(artists, 3)
            others = rnd.sample([a for a in artists if a not in favourites], 6)
            rows = []
            for day in range(29):
                if rnd.random() > 0.6:
                    continue
                t = start + datetime.timedelta(days=day, hours=rnd.choice([7, 8, 12, 18, 19, 21, 22]), minutes=rnd.randrange(60))
                for _ in range(rnd.randint(5, 15)):
                    r = rnd.random()
                    pool = favourites if r < 0.7 else others if r < 0.9 else artists
                    tracks = sorted(by_artist[rnd.choice(pool)], key=lambda s: s[1])
                    song = tracks[min(int(rnd.paretovariate(1.2)) - 1, len(tracks) - 1)]
                    favourite = song[0] in favourites
                    skipped = rnd.random() < (0.1 if favourite else 0.3)
                    played = rnd.randint(4, 40) if skipped else song[3]
                    rows.append((t, song, skipped, played))
                    t += datetime.timedelta(seconds=played + rnd.randint(1, 20))
            if fmt == "listenbrainz":
                folder = os.path.join(HERE, f"listenbrainz_{user}_1709251200", "listens", "2024")
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, "2.jsonl"), "w", encoding="utf-8") as f:
                    for t, song, skipped, played in rows:
                        if skipped:
                            continue  # ListenBrainz only has scrobbles: half the track or 4 minutes
                        f.write(json.dumps({"listened_at": int(t.timestamp()), "recording_msid": f"{rnd.getrandbits(128):032x}",
                            "track_metadata": {"artist_name": song[0], "track_name": song[1], "release_name": song[2],
                                "additional_info": {"duration_ms": song[3] * 1000, "submission_client": "Web Scrobbler"}}},
                            ensure_ascii=False) + "\n")
            elif fmt == "spotify":
                streams = []
                for i, (t, song, skipped, played) in enumerate(rows):
                    streams.append({"ts": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "username": user, "platform": "android",
                        "ms_played": played * 1000, "conn_country": "DE", "master_metadata_track_name": song[1],
                        "master_metadata_album_artist_name": song[0], "master_metadata_album_album_name": song[2],
                        "spotify_track_uri": f"spotify:track:{rnd.getrandbits(100):022x}", "episode_name": None,
                        "episode_show_name": None, "spotify_episode_uri": None,
                        "reason_start": "clickrow" if i == 0 else "trackdone", "reason_end": "fwdbtn" if skipped else "trackdone",
                        "shuffle": False, "skipped": skipped, "offline": False, "offline_timestamp": None, "incognito_mode": False})
                with open(os.path.join(HERE, f"Streaming_History_Audio_2024_{user}.json"), "w", encoding="utf-8") as f:
                    json.dump(streams, f, ensure_ascii=False, indent=2)
            else:
                for t, song, skipped, played in rows:
                    if not skipped:
                        lastfm_rows.append((user, t, song))
    lastfm_rows.sort(key=lambda r: (r[0], -r[1].timestamp()))
    with open(os.path.join(HERE, "userid-timestamp-artid-artname-traid-traname.tsv"), "w", encoding="utf-8") as f:
        for user, t, song in lastfm_rows:
            f.write(f"{user}\t{t.strftime('%Y-%m-%dT%H:%M:%SZ')}\t\t{song[0]}\t\t{song[1]}\n")


if __name__ == "__main__":
    main()
