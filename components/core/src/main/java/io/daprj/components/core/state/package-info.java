/**
 * State stores with no server to install.
 *
 * <p>Starting points: {@link io.daprj.components.core.state.InMemoryStateStore} ({@code state.in-memory}) and
 * {@link io.daprj.components.core.state.SqliteStateStore} ({@code state.sqlite}, the embedded default store), each
 * with its {@code ...Provider}. The SQLite store's SQL lives in {@code SqliteStateTable} and its metadata in
 * {@code SqliteStateMetadata}; {@code WriteParameters} reads TTL and ETag from a write the same way for both.
 * Both pass {@code StateStoreConformance} from {@code daprj-conformance}.
 */
package io.daprj.components.core.state;
