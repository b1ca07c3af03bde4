"""Recovery coaching as plain rules, without a database: ranking coaches for a peer, weekly
availability, and the BARC-10. The services in desk.services load the facts and call these."""
