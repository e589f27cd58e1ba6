package io.daprj.runtime.http;

import io.daprj.runtime.secrets.SecretsApi;
import java.util.Set;

/** {@code GET /v1.0/secrets/{store}/{key}} and {@code GET /v1.0/secrets/{store}/bulk}. */
final class SecretsHttpRoutes {

    private final SecretsApi secrets;

    SecretsHttpRoutes(SecretsApi secrets) {
        this.secrets = secrets;
    }

    void register(ApiRouter router) {
        router.add(Set.of("GET"), "/v1.0/secrets/{secretStoreName}/bulk",
                        r -> ApiResponse.json(200, Json.write(secrets.bulkGet(r.param("secretStoreName"), r.metadata()))))
                .add(Set.of("GET"), "/v1.0/secrets/{secretStoreName}/{key}",
                        r -> ApiResponse.json(200, Json.write(secrets.get(r.param("secretStoreName"), r.param("key"), r.metadata()))));
    }
}
