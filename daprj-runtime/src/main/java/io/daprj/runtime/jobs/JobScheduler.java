package io.daprj.runtime.jobs;

import io.daprj.runtime.invoke.AppChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler embedded in the sidecar: a loop on a virtual thread that fires due jobs at least once, each on its own
 * virtual thread, then records the next firing (schedule, repeats, ttl) or the retry the failure policy asks for.
 * Progress is written after the app answered, so a job due while the sidecar was down fires once when it is back.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    /** The longest nap, so jobs written by another process sharing the store are seen. */
    private static final Duration MAX_NAP = Duration.ofSeconds(1);

    private final JobStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean woken;
    private volatile boolean closed;
    private Thread loop;

    public JobScheduler(JobStore store) {
        this.store = store;
    }

    JobStore store() {
        return store;
    }

    /** Starts firing jobs into an HTTP app. */
    public void startHttp(AppChannel channel) {
        start(new HttpJobTarget(channel));
    }

    /** Starts firing jobs into a gRPC app. */
    public void startGrpc(String host, int port) {
        start(new GrpcJobTarget(host, port));
    }

    private void start(JobTarget target) {
        lock.lock();
        try {
            if (!closed && loop == null) {
                loop = Thread.ofVirtual().name("jobs-trigger").start(() -> run(target));
            }
        } finally {
            lock.unlock();
        }
    }

    /** A job was scheduled or removed: look again now. */
    void wake() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run(JobTarget target) {
        while (!closed) {
            try {
                fireDue(target);
                nap();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("job trigger loop: {}", e.toString());
                sleep();
            }
        }
    }

    private void fireDue(JobTarget target) throws InterruptedException {
        List<Thread> firing = new ArrayList<>();
        for (StoredJob job : store.due(Instant.now())) {
            firing.add(Thread.ofVirtual().name("job-" + job.name()).start(() -> fire(target, job)));
        }
        for (Thread t : firing) {
            t.join();
        }
    }

    private void fire(JobTarget target, StoredJob job) {
        if (JobTiming.expired(job, Instant.now())) {
            store.remove(job);
            return;
        }
        boolean ok;
        try {
            ok = target.trigger(job.job());
        } catch (RuntimeException e) {
            log.debug("job {}: the app could not be reached: {}", job.name(), e.toString());
            ok = false;
        }
        Instant now = Instant.now();
        if (!ok) {
            int attempts = job.attempts() + 1;
            Optional<Instant> retry = JobTiming.retryAt(job.job(), attempts, now);
            if (retry.isPresent()) {
                log.debug("job {}: trigger failed, retry {} at {}", job.name(), attempts, retry.get());
                store.progress(job.progressed(retry.get(), job.fired(), attempts));
                return;
            }
            log.warn("job {}: trigger failed and the failure policy gives up", job.name());
        }
        int fired = job.fired() + 1;
        Optional<Instant> next = JobTiming.after(job, fired, now);
        if (next.isPresent()) {
            store.progress(job.progressed(next.get(), fired, 0));
        } else {
            store.remove(job);
        }
    }

    private void nap() throws InterruptedException {
        Instant wakeAt = store.earliest().filter(at -> at.isBefore(Instant.now().plus(MAX_NAP)))
                .orElse(Instant.now().plus(MAX_NAP));
        long nanos = Duration.between(Instant.now(), wakeAt).toNanos();
        lock.lock();
        try {
            while (!woken && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    private static void sleep() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.close();
    }
}
