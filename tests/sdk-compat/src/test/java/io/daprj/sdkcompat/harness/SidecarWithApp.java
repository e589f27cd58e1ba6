package io.daprj.sdkcompat.harness;

import io.dapr.client.DaprClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A {@link RecordingApp}, the packaged sidecar serving it with the components of one YAML test resource, and an SDK
 * client of that sidecar; {@link #close()} stops all three.
 */
public final class SidecarWithApp implements AutoCloseable {

    private final RecordingApp app;
    private final DaprdProcess daprd;
    private final DaprClient client;

    private SidecarWithApp(RecordingApp app, DaprdProcess daprd, DaprClient client) {
        this.app = app;
        this.daprd = daprd;
        this.client = client;
    }

    /**
     * @param componentsResource a class-path resource holding component YAML, such as {@code /rabbitmq/pubsub.yaml}
     * @param replacements placeholders of the resource and their values (unique names of the test run)
     * @param subscriptions what the app answers on {@code GET /dapr/subscribe}, or null for none
     * @param statusOfCall the app's HTTP status for its n-th recorded request
     */
    public static SidecarWithApp start(String appId, Path workDir, String componentsResource,
            Map<String, String> replacements, String subscriptions, IntUnaryOperator statusOfCall) throws IOException {
        String yaml = resource(componentsResource);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            yaml = yaml.replace(r.getKey(), r.getValue());
        }
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("components.yaml"), yaml);
        RecordingApp app = RecordingApp.start(subscriptions, statusOfCall);
        try {
            DaprdProcess daprd = DaprdProcess.builder(appId).daprjHome(workDir.resolve("home")).appPort(app.port())
                    .resourcesPath(resources).start();
            return new SidecarWithApp(app, daprd, daprd.newClient());
        } catch (IOException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    public RecordingApp app() {
        return app;
    }

    public DaprdProcess daprd() {
        return daprd;
    }

    public DaprClient client() {
        return client;
    }

    @Override
    public void close() throws Exception {
        try (app; daprd) {
            client.close();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SidecarWithApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
