package io.daprj.runtime.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of one app's jobs (one namespace and app id). Implementations are thread-safe; a failure is an
 * unchecked exception. SQLite is the embedded one; a shared store (etcd, PostgreSQL) can implement the same contract.
 */
public interface JobStore extends AutoCloseable {

    /** Saves {@code job}; with {@code overwrite} false an existing job of that name is kept and false returned. */
    boolean put(StoredJob job, boolean overwrite);

    Optional<StoredJob> get(String name);

    /** Removes the job; no error when there is none. */
    void delete(String name);

    List<StoredJob> list();

    /** Removes every job whose name starts with {@code prefix} (all with an empty prefix). */
    void deleteByPrefix(String prefix);

    /** Jobs whose next firing is at or before {@code now}. */
    List<StoredJob> due(Instant now);

    /** The earliest next firing of any job. */
    Optional<Instant> earliest();

    /** Records trigger progress, unless the job was replaced or deleted meanwhile. */
    void progress(StoredJob job);

    /** Removes a job that is done, unless it was replaced meanwhile. */
    void remove(StoredJob job);

    @Override
    void close();
}
