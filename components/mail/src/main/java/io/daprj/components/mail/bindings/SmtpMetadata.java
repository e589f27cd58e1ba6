package io.daprj.components.mail.bindings;

import io.daprj.spi.DefaultValue;
import java.util.Map;
import java.util.Optional;

/**
 * The component metadata of {@code bindings.smtp}, with Dapr's names. The mail fields are defaults that request
 * metadata of the same names overrides ({@link #withRequest}).
 *
 * @param host the SMTP server, required
 * @param port its port, required; 465 means TLS from the start, any other port upgrades with STARTTLS when the
 *     server offers it
 * @param user the login, given together with {@code password} or not at all
 * @param password the password
 * @param skipTLSVerify accept any server certificate (tests only)
 * @param emailFrom the sender
 * @param emailTo the recipients, separated by {@code ;}
 * @param emailCC the copy recipients, separated by {@code ;}
 * @param emailBCC the blind-copy recipients, separated by {@code ;}
 * @param subject the subject
 * @param priority the {@code X-priority} header, 1 (highest) to 5 (lowest); 3 by default
 */
record SmtpMetadata(
        Optional<String> host,
        @DefaultValue("0") int port,
        Optional<String> user,
        Optional<String> password,
        @DefaultValue("false") boolean skipTLSVerify,
        Optional<String> emailFrom,
        Optional<String> emailTo,
        Optional<String> emailCC,
        Optional<String> emailBCC,
        Optional<String> subject,
        Optional<String> priority) {

    SmtpMetadata {
        if (host.isEmpty() || port == 0) {
            throw new IllegalArgumentException("smtp binding error: host and port fields are required in metadata");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException(
                    "smtp binding error: both user and password fields are required in metadata");
        }
        priorityValue(priority);
    }

    /** These settings with the mail fields the request metadata sets (non-empty values) in place of the defaults. */
    SmtpMetadata withRequest(Map<String, String> request) {
        return new SmtpMetadata(host, port, user, password, skipTLSVerify,
                field(request, "emailFrom").or(() -> emailFrom), field(request, "emailTo").or(() -> emailTo),
                field(request, "emailCC").or(() -> emailCC), field(request, "emailBCC").or(() -> emailBCC),
                field(request, "subject").or(() -> subject), field(request, "priority").or(() -> priority));
    }

    /** The priority, 3 when none is set. */
    int priorityValue() {
        return priorityValue(priority);
    }

    private static int priorityValue(Optional<String> priority) {
        if (priority.isEmpty()) {
            return 3;
        }
        int value;
        try {
            value = Integer.parseInt(priority.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("smtp binding error: priority value '" + priority.get()
                    + "' is not a number");
        }
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("smtp binding error: priority value must be between 1 (highest) and 5"
                    + " (lowest)");
        }
        return value;
    }

    private static Optional<String> field(Map<String, String> request, String name) {
        return Optional.ofNullable(request.get(name)).filter(v -> !v.isEmpty());
    }
}
