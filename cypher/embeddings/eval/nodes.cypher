// The nodes of an evaluation scratch graph, by dense index: every user and item of the training matrix (items as
// Artist, the label they have on HetRec and the one whose embeddings the served artist recall uses) and every
// attribute entity (tags, genres ...) as Tag.
FOREACH (i IN $users | CREATE (:User {idx: i}))
FOREACH (i IN $items | CREATE (:Artist {idx: i}))
FOREACH (i IN $tags | CREATE (:Tag {idx: i}))
