/**
 * The HTTP API door (port 3500): thin routes that parse, call a building-block API and write Dapr's responses.
 *
 * <p>Starting points: {@link io.daprj.runtime.http.HttpApiServer} (the Armeria server and the one dispatcher),
 * {@link io.daprj.runtime.http.ApiRouter} (daprd's routing rules, including the {@code dapr-app-id} fallback for
 * unmatched paths), and one routes class per building block: {@link io.daprj.runtime.http.StateHttpRoutes},
 * {@link io.daprj.runtime.http.InvokeHttpRoutes}, {@link io.daprj.runtime.http.MetadataHttpRoutes}.
 */
package io.daprj.runtime.http;
