package io.daprj.runtime.pubsub;

/** The app's answer to one delivered event, after Dapr's mapping of HTTP statuses and gRPC responses. */
enum Verdict {
    /** Done: acknowledge. */
    SUCCESS,
    /** Deliver again later (or dead-letter it when the subscription has a dead-letter topic). */
    RETRY,
    /** Do not deliver again; send it to the dead-letter topic if there is one. */
    DROP
}
