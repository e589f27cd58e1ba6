package io.daprj.components.mail.bindings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingInvokeException;
import jakarta.mail.Address;
import jakarta.mail.Message;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bindings.smtp} sending to a local SMTP receiver, which the assertions read back. */
class SmtpOutputBindingTest {

    private SmtpTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SmtpTestServer(true);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private SmtpOutputBinding binding(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("host", "127.0.0.1",
                "port", Integer.toString(server.port()), "emailFrom", "dapr@example.com",
                "emailTo", "a@example.com;b@example.com", "subject", "Hello"));
        properties.putAll(extra);
        SmtpOutputBinding binding = new SmtpOutputBinding();
        binding.init(ComponentMetadata.of("mail", "bindings.smtp", properties));
        return binding;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    @Test
    void createSendsAnHtmlMailWithTheComponentsFieldsAndTheUnquotedData() throws Exception {
        assertThat(binding(Map.of("emailCC", "c@example.com", "emailBCC", "hidden@example.com"))
                .invoke("create", "\"<b>hi</b> there\"".getBytes(UTF_8), Map.of())).isEmpty();
        SmtpTestServer.Mail mail = server.next();
        assertThat(mail.from()).isEqualTo("dapr@example.com");
        assertThat(mail.recipients()).containsExactlyInAnyOrder("a@example.com", "b@example.com", "c@example.com",
                "hidden@example.com");
        assertThat(addresses(mail.message().getRecipients(Message.RecipientType.TO)))
                .containsExactly("a@example.com", "b@example.com");
        assertThat(addresses(mail.message().getRecipients(Message.RecipientType.CC))).containsExactly("c@example.com");
        assertThat(mail.message().getHeader("Bcc")).as("Bcc stays off the message").isNull();
        assertThat(mail.message().getSubject()).isEqualTo("Hello");
        assertThat(mail.message().getHeader("X-priority")).containsExactly("3");
        assertThat(mail.message().getContentType()).startsWith("text/html");
        assertThat(((String) mail.message().getContent()).trim()).isEqualTo("<b>hi</b> there");
        assertThat(mail.login()).isEmpty();
    }

    @Test
    void requestMetadataOverridesTheComponentsMailFields() throws Exception {
        binding(Map.of()).invoke("create", "plain body, not JSON".getBytes(UTF_8), Map.of("emailFrom", "other@example.com",
                "emailTo", "z@example.com", "subject", "Überblick", "priority", "1", "emailCC", ""));
        SmtpTestServer.Mail mail = server.next();
        assertThat(mail.from()).isEqualTo("other@example.com");
        assertThat(mail.recipients()).containsExactly("z@example.com");
        assertThat(mail.message().getSubject()).isEqualTo("Überblick");
        assertThat(mail.message().getHeader("X-priority")).containsExactly("1");
        assertThat(((String) mail.message().getContent()).trim()).isEqualTo("plain body, not JSON");
    }

    @Test
    void userAndPasswordLogIn() throws Exception {
        binding(Map.of("user", "dapr", "password", "s3cret")).invoke("create", "\"x\"".getBytes(UTF_8), Map.of());
        assertThat(server.next().login()).isEqualTo("dapr:s3cret");
    }

    @Test
    void missingMailFieldsOrABadPriorityAreRefusedBeforeSending() {
        SmtpOutputBinding binding = binding(Map.of("emailFrom", "", "subject", ""));
        assertThatThrownBy(() -> binding.invoke("create", new byte[0], Map.of()))
                .isInstanceOf(BindingInvokeException.class)
                .hasMessage("smtp binding error: emailFrom property not supplied in configuration- or request-metadata");
        assertThatThrownBy(() -> binding.invoke("create", new byte[0], Map.of("emailFrom", "f@example.com")))
                .hasMessage("smtp binding error: subject property not supplied in configuration- or request-metadata");
        assertThatThrownBy(() -> binding(Map.of()).invoke("create", new byte[0], Map.of("priority", "9")))
                .hasMessage("smtp binding error: priority value must be between 1 (highest) and 5 (lowest)");
        assertThat(server.nothingReceived()).isTrue();
    }

    @Test
    void initNeedsHostPortAndBothOrNeitherOfUserAndPassword() {
        assertThatThrownBy(() -> new SmtpOutputBinding().init(ComponentMetadata.of("mail", "bindings.smtp",
                Map.of("host", "127.0.0.1")))).hasMessage("smtp binding error: host and port fields are required in metadata");
        assertThatThrownBy(() -> binding(Map.of("user", "dapr")))
                .hasMessage("smtp binding error: both user and password fields are required in metadata");
    }

    @Test
    void aServerThatCannotBeReachedFailsTheSend() {
        SmtpOutputBinding binding = binding(Map.of("port", "1"));
        assertThatThrownBy(() -> binding.invoke("create", "\"x\"".getBytes(UTF_8), Map.of()))
                .isInstanceOf(BindingInvokeException.class)
                .hasMessageStartingWith("error from smtp binding, sending email failed: ");
    }
}
