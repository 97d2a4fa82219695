-- The id of the queue job that will run this publish job next (a retry or a
-- manual re-run gets a fresh one), so cancel and reschedule reach the queue.
ALTER TABLE publish_jobs ADD COLUMN queue_job_id text;
