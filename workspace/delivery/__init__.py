"""Call-recording delivery: intake, the outbox of delivery jobs, the worker, destinations."""
