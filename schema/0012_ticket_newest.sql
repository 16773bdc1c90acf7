-- The office queue's first page is the community's newest tickets: read them from an index
-- in id order rather than sorting the community's tickets (5 years of them at a large
-- company). The same key serves the bounded count of the unfiltered queue.
ALTER TABLE ticket ADD KEY ticket_newest (community_id, id);
