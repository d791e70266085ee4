-- The agency report ("Kinerja OPD") reads the dispositions sent in a period: an
-- index on the sending time lets it read that range, not every disposition ever.
CREATE INDEX aspiration_dispositions_disposed ON aspiration_dispositions(disposed_at);
