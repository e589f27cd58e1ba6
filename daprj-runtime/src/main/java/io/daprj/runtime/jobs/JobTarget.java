package io.daprj.runtime.jobs;

import io.dapr.v1.DaprJobsProtos.Job;

/** Where a triggered job goes: the app, over HTTP or gRPC. Called from virtual threads, possibly concurrently. */
interface JobTarget {

    /** Delivers the job; true when the app accepted it (2xx, or a gRPC OK). May throw when the app is unreachable. */
    boolean trigger(Job job);
}
