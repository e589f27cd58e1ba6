package io.daprj.runtime.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.runtime.TestSidecars;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsSeveralDocumentsPerFileAndSkipsOtherKinds() {
        TestSidecars.write(dir, "all.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata: {name: one}
                spec:
                  type: state.in-memory
                  version: v1
                  metadata:
                  - {name: keyPrefix, value: name}
                  - {name: number, value: 5}
                scopes: [app1]
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Subscription
                metadata: {name: sub}
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata: {name: two}
                spec: {type: State.SQLite, version: v1}
                """);
        List<ComponentSpec> specs = new ResourceLoader(List.of(dir)).components();
        assertThat(specs).extracting(ComponentSpec::name).containsExactly("one", "two");
        assertThat(specs.get(0).metadata()).containsEntry("keyPrefix", "name").containsEntry("number", "5");
        assertThat(specs.get(0).appliesTo("app1")).isTrue();
        assertThat(specs.get(0).appliesTo("app2")).isFalse();
        assertThat(specs.get(1).type()).isEqualTo("state.sqlite");
    }

    @Test
    void secretKeyRefsAndAuthSecretStoreAreKept() {
        TestSidecars.write(dir, "secret.yaml", """
                kind: Component
                metadata: {name: redis}
                spec:
                  type: state.redis
                  version: v1
                  metadata:
                  - name: redisPassword
                    secretKeyRef: {name: s, key: k}
                  - {name: redisHost, value: localhost}
                auth: {secretStore: vault}
                """);
        ComponentSpec spec = new ResourceLoader(List.of(dir)).components().getFirst();
        assertThat(spec.secretRefs()).containsEntry("redisPassword", new ComponentSpec.SecretRef("s", "k"));
        assertThat(spec.metadata()).containsOnlyKeys("redisHost");
        assertThat(spec.secretStore()).isEqualTo("vault");
    }

    @Test
    void missingVersionIsAnError() {
        TestSidecars.write(dir, "nov.yaml", "kind: Component\nmetadata: {name: x}\nspec: {type: state.in-memory}\n");
        assertThatThrownBy(() -> new ResourceLoader(List.of(dir)).components()).hasMessageContaining("spec.version");
    }

    @Test
    void invalidYamlNamesTheFile() {
        TestSidecars.write(dir, "broken.yaml", "kind: Component\nmetadata: [unclosed\n");
        assertThatThrownBy(() -> new ResourceLoader(List.of(dir)).components()).hasMessageContaining("broken.yaml");
    }
}
