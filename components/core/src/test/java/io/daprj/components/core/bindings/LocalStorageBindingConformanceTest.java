package io.daprj.components.core.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import io.daprj.spi.bindings.BindingInvokeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageBindingConformanceTest extends BindingConformance {

    @TempDir
    Path dir;

    private LocalStorageBinding open() throws Exception {
        LocalStorageBinding binding = new LocalStorageBinding();
        binding.init(ComponentMetadata.of("files", "bindings.localstorage", Map.of("rootPath", dir.resolve("root").toString())));
        return binding;
    }

    @Override
    protected Binding newBinding() throws Exception {
        return open();
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("operations", "create", "get", "list", "delete");
    }

    @Override
    protected Map<String, String> outputMetadata() {
        return Map.of("fileName", "conformance/test.json");
    }

    @Override
    protected Map<String, String> listMetadata() {
        return Map.of("fileName", "conformance");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createUnquotesJsonStringsDecodesBase64AndAnswersTheRelativeName() throws Exception {
        LocalStorageBinding b = open();
        assertThat(b.invoke("create", bytes("\"hello world\""), Map.of("fileName", "a/one.txt")).orElseThrow().data())
                .asString(StandardCharsets.UTF_8).isEqualTo("{\"fileName\":\"a/one.txt\"}");
        assertThat(Files.readString(dir.resolve("root/a/one.txt"))).isEqualTo("hello world");
        b.invoke("create", bytes("\"aGk=\""), Map.of("fileName", "b64"));
        assertThat(Files.readString(dir.resolve("root/b64"))).isEqualTo("hi");
    }

    @Test
    void createWithoutAFileNameUsesARandomUuid() throws Exception {
        String answer = new String(open().invoke("create", bytes("{}"), Map.of()).orElseThrow().data(), StandardCharsets.UTF_8);
        assertThat(answer).matches("\\{\"fileName\":\"[0-9a-f-]{36}\"}");
    }

    @Test
    void listAnswersAbsolutePathsOfFilesBelowTheName() throws Exception {
        LocalStorageBinding b = open();
        b.invoke("create", bytes("1"), Map.of("fileName", "d/x"));
        b.invoke("create", bytes("2"), Map.of("fileName", "d/e/y"));
        String list = new String(b.invoke("list", new byte[0], Map.of("fileName", "d")).orElseThrow().data(), StandardCharsets.UTF_8);
        Path root = dir.resolve("root").toRealPath();
        assertThat(list).contains(root.resolve("d/x").toString(), root.resolve("d/e/y").toString());
    }

    @Test
    void namesThatLeaveTheRootAreRefused() throws Exception {
        LocalStorageBinding b = open();
        Files.writeString(dir.resolve("secret.txt"), "s");
        Files.createSymbolicLink(dir.resolve("root/link"), dir);
        for (String name : new String[] {"../secret.txt", "a/../../secret.txt", "link/secret.txt", "/etc/passwd"}) {
            assertThatThrownBy(() -> b.invoke("get", new byte[0], Map.of("fileName", name)))
                    .as(name).isInstanceOf(BindingInvokeException.class);
        }
        assertThatThrownBy(() -> b.invoke("create", bytes("x"), Map.of("fileName", "../escaped")))
                .isInstanceOf(BindingInvokeException.class);
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    @Test
    void getOfAMissingFileFails() throws Exception {
        assertThatThrownBy(() -> open().invoke("get", new byte[0], Map.of("fileName", "nope")))
                .isInstanceOf(BindingInvokeException.class).hasMessageContaining("file not found");
    }
}
