/**
 * Where blocking work runs: {@link io.daprj.runtime.concurrent.VirtualThreads}, one virtual thread per task, never a
 * Netty event loop.
 */
package io.daprj.runtime.concurrent;
