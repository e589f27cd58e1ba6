package io.daprj.components.mail.bindings;

import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SMTP binding passes the bindings conformance suite (create, operations) against a local SMTP receiver. */
class SmtpBindingConformanceTest extends BindingConformance {

    private static SmtpTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new SmtpTestServer(false);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected Binding newBinding() {
        SmtpOutputBinding binding = new SmtpOutputBinding();
        binding.init(ComponentMetadata.of("mail", "bindings.smtp", Map.of("host", "127.0.0.1",
                "port", Integer.toString(server.port()), "emailFrom", "dapr@example.com",
                "emailTo", "ops@example.com", "subject", "conformance")));
        return binding;
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("operations", "create");
    }
}
