package io.daprj.runtime.concurrent;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs every task on a new virtual thread; delayed tasks wait on one platform
 * timer thread and then hop to a virtual thread. Armeria's blocking executor must be a scheduled executor, and its own
 * builder has no virtual-thread option.
 */
public final class VirtualThreads extends AbstractExecutorService implements ScheduledExecutorService {

    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("daprj-", 0).factory());
    private final ScheduledThreadPoolExecutor timer;

    public VirtualThreads() {
        timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("daprj-timer").factory());
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable command) {
        tasks.execute(command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return timer.schedule(() -> tasks.execute(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return timer.schedule(() -> tasks.submit(callable).get(), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return timer.scheduleAtFixedRate(() -> tasks.execute(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return timer.scheduleWithFixedDelay(() -> tasks.execute(command), initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        timer.shutdown();
        tasks.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        timer.shutdownNow();
        return tasks.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return tasks.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return tasks.isTerminated() && timer.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return tasks.awaitTermination(timeout, unit);
    }
}
