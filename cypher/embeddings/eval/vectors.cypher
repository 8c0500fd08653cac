// The embeddings GraphEmbeddings.train wrote on the scratch graph's users and items, by dense index.
MATCH (n)
WHERE (n:User OR n:Artist) AND n.embedding IS NOT NULL
RETURN n:User AS user, n.idx AS idx, n.embedding AS vector
