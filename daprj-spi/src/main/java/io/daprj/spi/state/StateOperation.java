package io.daprj.spi.state;

/** One write in a transaction or bulk call: an upsert ({@link SetRequest}) or a delete ({@link DeleteRequest}). */
public sealed interface StateOperation permits SetRequest, DeleteRequest {
    String key();
}
