// Scratch graph of an evaluation run (io.melograph.train.graph.TrainingGraph): users, items and attributes are
// found by their dense index while the training split's relationships are written.
CREATE INDEX eval_user_idx IF NOT EXISTS FOR (n:User) ON (n.idx);
CREATE INDEX eval_artist_idx IF NOT EXISTS FOR (n:Artist) ON (n.idx);
CREATE INDEX eval_tag_idx IF NOT EXISTS FOR (n:Tag) ON (n.idx);
