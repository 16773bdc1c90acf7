-- The office's text search: the character bigrams of every ticket's description (two
-- adjacent characters, ASCII lowercased: cgi-bin/domain/ticket_gram.c makes the same ones
-- for new tickets), so a search reads one gram's tickets from an index, newest first,
-- instead of every description of the community (InnoDB's full-text index does not split
-- Chinese). The column has the description's collation, so a lookup equates what LIKE
-- equates (case, full-width letters); LIKE on the candidates keeps the results exact.
CREATE TABLE ticket_gram (
  community_id BIGINT UNSIGNED NOT NULL,
  gram VARCHAR(2) NOT NULL,
  ticket_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (community_id, gram, ticket_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The search's exact alternatives each through an index: the reporter's phone had none.
ALTER TABLE ticket ADD KEY ticket_phone (community_id, reporter_phone);

-- The existing tickets, in the key's order (appending pages instead of splitting them).
-- Positions 1 to 64 by a join the optimiser runs in one pass; the rare longer
-- descriptions apart (a join per ticket's range).
INSERT IGNORE INTO ticket_gram (community_id, gram, ticket_id)
  SELECT t.community_id, SUBSTRING(LOWER(t.description), s.seq, 2) AS g, t.id
  FROM ticket t JOIN seq_1_to_64 s IGNORE INDEX (PRIMARY) ON s.seq < CHAR_LENGTH(t.description)
  ORDER BY t.community_id, g, t.id;
INSERT IGNORE INTO ticket_gram (community_id, gram, ticket_id)
  SELECT STRAIGHT_JOIN t.community_id, SUBSTRING(LOWER(t.description), s.seq, 2), t.id
  FROM ticket t JOIN seq_65_to_1999 s ON s.seq < CHAR_LENGTH(t.description)
  WHERE CHAR_LENGTH(t.description) > 65;
