-- The jobs' watermarks on PostgreSQL (#13), next to the application's data (Hangfire keeps to its own schema).
CREATE TABLE job_watermarks (
    id           text        PRIMARY KEY,
    position     timestamptz NOT NULL,
    completed_at timestamptz NOT NULL,
    summary      text
);
