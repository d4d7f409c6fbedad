"""Human review: cases from scans and reports, queue priority, the decision state machine with
four eyes, appeals, campaigns, and reviewer decisions as labels. The pure parts (``machine``,
``priority``, ``campaigns``) import no database; the rest reads and writes the store."""
