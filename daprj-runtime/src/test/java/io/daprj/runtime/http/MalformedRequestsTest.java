package io.daprj.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.daprj.runtime.http.RawHttp.Answer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed input at every HTTP route of one in-process sidecar (state, pub/sub, lock, secrets, bindings, metadata,
 * health, invocation; not {@code /v1.0/shutdown}): every answer is a success or a Dapr 4xx, and a 5xx only with the
 * error code daprd itself answers 500 with. Afterwards no platform thread or heap has leaked and the sidecar still
 * serves a state round trip.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRequestsTest {

    private static final int MAX_BODY = 64 * 1024;

    @TempDir
    static Path dir;

    static Sidecar sidecar;
    static RawHttp http;
    static int threadsBefore;
    static long heapBefore;
    static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("secrets.json"), "{\"apiKey\":\"k-123\"}");
        Files.createDirectories(dir.resolve("files"));
        Path resources = TestSidecars.inMemoryResources(dir);
        TestSidecars.write(resources, "others.yaml", """
                kind: Component
                metadata: {name: pubsub}
                spec: {type: pubsub.in-memory, version: v1}
                ---
                kind: Component
                metadata: {name: lockstore}
                spec:
                  type: lock.sqlite
                  version: v1
                  metadata:
                  - {name: connectionString, value: "%s"}
                ---
                kind: Component
                metadata: {name: localsecrets}
                spec:
                  type: secretstores.local.file
                  version: v1
                  metadata:
                  - {name: secretsFile, value: "%s"}
                ---
                kind: Component
                metadata: {name: files}
                spec:
                  type: bindings.localstorage
                  version: v1
                  metadata:
                  - {name: rootPath, value: "%s"}
                """.formatted(dir.resolve("lock.db"), dir.resolve("secrets.json"), dir.resolve("files")));
        sidecar = Sidecar.start(TestSidecars.options("fuzzed", resources, null, "--max-body-size", MAX_BODY / 1024 + "Ki"));
        http = new RawHttp(sidecar.httpPort());
        roundTrip("warm-up");
        for (FuzzRoute r : FuzzRoute.ALL) {
            http.send(r.method(), r.path("x"), r.sample().getBytes(StandardCharsets.UTF_8));
        }
        threadsBefore = settledThreadCount();
        heapBefore = usedHeapAfterGc();
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    @Test
    @Order(1)
    void badJsonWrongTypesEmptyAndNonUtf8BodiesAreRefusedWith4xx() {
        byte[][] bodies = {
            "{\"".getBytes(StandardCharsets.UTF_8), "[{\"key\":".getBytes(StandardCharsets.UTF_8), new byte[0],
            "null".getBytes(StandardCharsets.UTF_8), "\"text\"".getBytes(StandardCharsets.UTF_8), "42".getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8), "[1,2]".getBytes(StandardCharsets.UTF_8),
            "[{\"key\":1,\"value\":1}]".getBytes(StandardCharsets.UTF_8), "[{\"key\":null}]".getBytes(StandardCharsets.UTF_8),
            "{\"keys\":\"a\",\"operations\":{},\"filter\":[],\"resourceId\":7,\"expiryInSeconds\":\"x\",\"operation\":5}"
                    .getBytes(StandardCharsets.UTF_8),
            "[{\"key\":\"k\",\"value\":1,\"etag\":5,\"metadata\":[1],\"options\":\"x\"}]".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, '{', '"', (byte) 0x80, '"', '}'},
            {'[', '{', '"', 'k', 'e', 'y', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ',', '"', 'v', 'a', 'l', 'u', 'e', '"',
                ':', '1', '}', ']'},
        };
        for (FuzzRoute r : FuzzRoute.ALL) {
            for (byte[] body : bodies) {
                check(r, r.path("k"), body, "Content-Type", "application/json");
            }
        }
        for (FuzzRoute r : FuzzRoute.JSON_BODIED) {
            Answer a = http.send(r.method(), r.path("k"), "{\"".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
            if (a.status() != 400) {
                violations.add(r + " with truncated JSON: expected 400, got " + a);
            }
        }
        assertNoViolations();
    }

    @Test
    @Order(1)
    void wrongJsonTypesInAStateItemAre400MalformedRequestLikeDaprd() {
        // daprd decodes state items into typed Go structs: a number where a string belongs fails the decoding
        String[] items = {"[{\"key\":1,\"value\":1}]", "[{\"key\":\"k\",\"value\":1,\"etag\":5}]",
            "[{\"key\":\"k\",\"value\":1,\"metadata\":{\"ttlInSeconds\":5}}]", "[{\"key\":[\"k\"],\"value\":1}]"};
        for (String item : items) {
            Answer a = http.send("POST", "/v1.0/state/statestore", item.getBytes(StandardCharsets.UTF_8));
            assertThat(a.status()).as("%s answered %s", item, a).isEqualTo(400);
            assertThat(a.errorCode()).isEqualTo("ERR_MALFORMED_REQUEST");
        }
    }

    @Test
    @Order(2)
    void invalidEscapesNonUtf8KeysAndPathTraversalNeverReachOutsideTheirStore() throws Exception {
        String[] keys = {"%C3%28", "%FF%FE", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "%2E%2E%2F%2E%2E%2Fsecrets.json",
            "%00", "%", "%zz", "a%7C%7Cb", "%2F", "%20", "x".repeat(4000)};
        for (FuzzRoute r : FuzzRoute.ALL) {
            for (String key : keys) {
                Answer a = check(r, r.path(key), r.sample().getBytes(StandardCharsets.UTF_8));
                if (a.body().contains("root:") || a.body().contains("k-123") && !r.path("").contains("secrets")) {
                    violations.add(r + " key " + key + " leaked a file outside its store: " + a);
                }
            }
        }
        for (String name : new String[] {"../escaped.txt", "../../escaped.txt", "/tmp/../" + dir.resolve("escaped.txt")}) {
            check(FuzzRoute.BINDINGS, FuzzRoute.BINDINGS.path(""),
                    ("{\"operation\":\"create\",\"data\":\"x\",\"metadata\":{\"fileName\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8));
            Answer read = check(FuzzRoute.BINDINGS, FuzzRoute.BINDINGS.path(""),
                    "{\"operation\":\"get\",\"metadata\":{\"fileName\":\"../secrets.json\"}}".getBytes(StandardCharsets.UTF_8));
            if (read.body().contains("k-123")) {
                violations.add("bindings.localstorage get ../secrets.json read outside rootPath: " + read);
            }
        }
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertNoViolations();
    }

    @Test
    @Order(3)
    void hugeHeadersAndOversizedBodiesAre4xx() {
        String huge = "h".repeat(64 * 1024);
        byte[] oversized = new byte[MAX_BODY + 1];
        java.util.Arrays.fill(oversized, (byte) 'a');
        for (FuzzRoute r : FuzzRoute.ALL) {
            Answer header = http.send(r.method(), r.path("k"), r.sample().getBytes(StandardCharsets.UTF_8), "X-Huge", huge);
            if (header.status() < 400 || header.status() >= 500) {
                violations.add(r + " with a 64 KB header: expected 4xx, got " + header);
            }
            Answer body = http.send(r.method(), r.path("k"), oversized, "Content-Type", "application/json");
            if (body.status() != 400 || !body.errorCode().equals("ERR_MALFORMED_REQUEST")) {
                violations.add(r + " with a body over --max-body-size: expected 400 ERR_MALFORMED_REQUEST, got " + body);
            }
        }
        assertNoViolations();
    }

    @Test
    @Order(4)
    void stalledAndTricklingClientsDoNotStopOthersBeingServed() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                Socket s = http.open();
                s.getOutputStream().write(RawHttp.head("POST", "/v1.0/state/statestore", 1000));
                s.getOutputStream().write("[{\"key\":\"stall".getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            Socket headersOnly = http.open();
            headersOnly.getOutputStream().write("GET /v1.0/metadata HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.UTF_8));
            stalled.add(headersOnly);
            for (int i = 0; i < 20; i++) {
                roundTrip("while-stalled-" + i);
            }
            byte[] body = "[{\"key\":\"trickled\",\"value\":\"slowly\"}]".getBytes(StandardCharsets.UTF_8);
            try (Socket trickle = http.open()) {
                trickle.setSoTimeout(20_000);
                OutputStream out = trickle.getOutputStream();
                out.write(RawHttp.head("POST", "/v1.0/state/statestore", body.length));
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    roundTripIfEven(b);
                    Thread.sleep(20);
                }
                assertThat(RawHttp.read(trickle.getInputStream()).status()).isEqualTo(204);
            }
            assertThat(http.send("GET", "/v1.0/state/statestore/trickled", null).body()).isEqualTo("\"slowly\"");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    @Order(5)
    void seededRandomRequestsAreAnsweredLikeDaprd() {
        Random random = new Random(20261127L);
        RandomRequests gen = new RandomRequests(random);
        for (int i = 0; i < 400; i++) {
            FuzzRoute r = FuzzRoute.ALL.get(random.nextInt(FuzzRoute.ALL.size()));
            check(r, r.path(gen.pathParam()) + gen.query(), gen.body(r.sample()), gen.headers());
        }
        for (int i = 0; i < 40; i++) {
            try (Socket s = http.open()) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(gen.garbage());
                s.shutdownOutput();
                Answer a = RawHttp.read(s.getInputStream());
                if (a.status() >= 500) {
                    violations.add("garbage request " + i + " answered " + a);
                }
            } catch (java.io.IOException e) {
                // the server may reset a connection that sent no HTTP at all
            }
        }
        assertNoViolations();
    }

    @Test
    @Order(6)
    void noThreadOrHeapLeakAndTheSidecarStillServes() throws Exception {
        roundTrip("after");
        int threadsAfter = settledThreadCount();
        long heapAfter = usedHeapAfterGc();
        assertThat(threadsAfter).as("live platform threads before %d, after %d", threadsBefore, threadsAfter)
                .isLessThanOrEqualTo(threadsBefore + 8);
        assertThat(heapAfter - heapBefore).as("used heap before %d, after %d", heapBefore, heapAfter)
                .isLessThan(48L * 1024 * 1024);
    }

    private static Answer check(FuzzRoute r, String path, byte[] body, String... headers) {
        Answer a = http.send(r.method(), path, body, headers);
        String problem = r.judge(a);
        if (problem != null && a.errorCode().equals("ERR_DIRECT_INVOKE") && List.of(headers).contains("dapr-app-id")) {
            // a path no route matches, with a dapr-app-id header, is an invocation of that app, as in daprd: 500 when
            // the app cannot be found
            problem = null;
        }
        if (problem != null) {
            violations.add(r.method() + " " + path + " body " + preview(body) + ": " + problem + " — got " + a);
        }
        return a;
    }

    private static void roundTrip(String key) {
        Answer save = http.send("POST", "/v1.0/state/statestore", ("[{\"key\":\"" + key + "\",\"value\":\"v\"}]").getBytes(StandardCharsets.UTF_8));
        assertThat(save.status()).as("save %s: %s", key, save).isEqualTo(204);
        Answer get = http.send("GET", "/v1.0/state/statestore/" + key, null);
        assertThat(get.body()).as("get %s", key).isEqualTo("\"v\"");
    }

    private static void roundTripIfEven(byte b) {
        if (b % 4 == 0) {
            roundTrip("during-trickle");
        }
    }

    private static void assertNoViolations() {
        List<String> found = List.copyOf(violations);
        violations.clear();
        assertThat(found).as("answers that are neither a success nor daprd's error").isEmpty();
    }

    private static int settledThreadCount() throws InterruptedException {
        Thread.sleep(2000);
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static final Set<String> NEVER = Set.of("ERROR", "ERR_INTERNAL", "");
}
