package io.daprj.components.mail.bindings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.OutputBinding;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code bindings.smtp}: Dapr's SMTP output binding. {@code create} sends one HTML mail whose body is the request
 * data (a JSON string is unquoted, as Dapr does for data that came over HTTP), with sender, recipients
 * ({@code ;}-separated), subject and {@code X-priority} from the component metadata, each overridable by request
 * metadata of the same name. Each call opens its own SMTP session.
 *
 * <p>Thread safe. A refused or failed send is a {@link BindingInvokeException}
 * {@code error from smtp binding, sending email failed: …}.
 */
public final class SmtpOutputBinding implements OutputBinding {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMEOUT_MILLIS = "30000";

    private SmtpMetadata metadata;
    private Session session;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(SmtpMetadata.class);
        session = Session.getInstance(sessionProperties(metadata));
    }

    @Override
    public List<String> operations() {
        return List.of("create");
    }

    @Override
    public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> requestMetadata) {
        SmtpMetadata mail;
        try {
            mail = metadata.withRequest(requestMetadata);
            mail.priorityValue();
        } catch (IllegalArgumentException e) {
            throw new BindingInvokeException(e.getMessage(), Map.of());
        }
        require(mail.emailFrom(), "emailFrom");
        require(mail.emailTo(), "emailTo");
        require(mail.subject(), "subject");
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(mail.emailFrom().orElseThrow()));
            message.setRecipients(Message.RecipientType.TO, addresses(mail.emailTo()));
            message.setRecipients(Message.RecipientType.CC, addresses(mail.emailCC()));
            message.setRecipients(Message.RecipientType.BCC, addresses(mail.emailBCC()));
            message.setSubject(mail.subject().orElseThrow(), StandardCharsets.UTF_8.name());
            message.setHeader("X-priority", Integer.toString(mail.priorityValue()));
            message.setText(body(data), StandardCharsets.UTF_8.name(), "html");
            if (mail.user().isPresent()) {
                Transport.send(message, mail.user().get(), mail.password().orElseThrow());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new BindingInvokeException("error from smtp binding, sending email failed: " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    private static void require(Optional<String> field, String name) {
        if (field.isEmpty()) {
            throw new BindingInvokeException("smtp binding error: " + name
                    + " property not supplied in configuration- or request-metadata", Map.of());
        }
    }

    /** Dapr's {@code ;}-separated list; null when there is none. */
    private static InternetAddress[] addresses(Optional<String> list) throws AddressException {
        if (list.isEmpty()) {
            return null;
        }
        String[] parts = list.get().split(";");
        InternetAddress[] out = new InternetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = new InternetAddress(parts[i].trim());
        }
        return out;
    }

    /** The data unquoted when it is a JSON string (data sent over HTTP is JSON-encoded), else as it came. */
    static String body(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            try {
                return JSON.readValue(text, String.class);
            } catch (IOException e) {
                // not a JSON string: sent as it came, as Dapr does when unquoting fails
            }
        }
        return text;
    }

    private static Properties sessionProperties(SmtpMetadata metadata) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", metadata.host().orElseThrow());
        p.setProperty("mail.smtp.port", Integer.toString(metadata.port()));
        p.setProperty("mail.smtp.auth", Boolean.toString(metadata.user().isPresent()));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        // as Go's gomail: TLS from the start on 465, else STARTTLS whenever the server offers it
        p.setProperty("mail.smtp.ssl.enable", Boolean.toString(metadata.port() == 465));
        p.setProperty("mail.smtp.starttls.enable", "true");
        if (metadata.skipTLSVerify()) {
            p.setProperty("mail.smtp.ssl.trust", "*");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        } else {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
