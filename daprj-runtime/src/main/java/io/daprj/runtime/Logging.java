package io.daprj.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** {@code --log-level} and {@code --log-as-json}: one console appender, plain text or Dapr's JSON lines. */
public final class Logging {

    private Logging() {}

    public static void configure(String level, boolean json, String appId) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        Encoder<ILoggingEvent> encoder;
        if (json) {
            JsonLogEncoder e = new JsonLogEncoder(appId);
            e.setContext(ctx);
            encoder = e;
        } else {
            PatternLayoutEncoder e = new PatternLayoutEncoder();
            e.setContext(ctx);
            e.setPattern("time=\"%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}\" level=%level msg=\"%msg\" app_id=" + appId
                    + " scope=%logger{20}%n%ex{short}");
            encoder = e;
        }
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(toLevel(level));
        // the libraries' own chatter stays at warn unless debugging
        Level libraries = toLevel(level).isGreaterOrEqual(Level.INFO) ? Level.WARN : Level.DEBUG;
        ctx.getLogger("com.linecorp.armeria").setLevel(libraries);
        ctx.getLogger("io.netty").setLevel(libraries);
        ctx.getLogger("io.grpc").setLevel(libraries);
        for (String broker : new String[] {"org.apache.kafka", "io.nats", "com.rabbitmq", "org.eclipse.paho", "io.lettuce"}) {
            ctx.getLogger(broker).setLevel(libraries);
        }
        ctx.getLogger("io.micrometer").setLevel(Level.ERROR);
    }

    static Level toLevel(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.DEBUG;
            case "warn" -> Level.WARN;
            case "error", "fatal" -> Level.ERROR;
            default -> Level.INFO;
        };
    }
}
