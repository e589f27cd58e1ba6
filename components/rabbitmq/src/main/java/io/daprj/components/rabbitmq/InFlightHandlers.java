package io.daprj.components.rabbitmq;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts the handler calls running for one consumer, so that closing it can wait for the last one. */
final class InFlightHandlers {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;
    private boolean closing;

    /** False once closing began: the call must not start. */
    boolean enter() {
        lock.lock();
        try {
            if (closing) {
                return false;
            }
            running++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            if (--running == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new calls and returns once the running ones ended. */
    void closeAndAwait() {
        lock.lock();
        try {
            closing = true;
            while (running > 0) {
                idle.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }
}
