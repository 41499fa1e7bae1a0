package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads an upstream answer as text, at most {@code MCP_MAX_UPSTREAM_BYTES} of it. An answer is read whole before it
 * is shaped for the conversation (a list is cut to {@code MCP_MAX_RESPONSE_CHARS} only once parsed), so without a
 * bound a single answer — of a broken upstream, or of an ask for ten thousand items — could fill the heap. With it,
 * what one call holds is bounded; {@link AnswerBytes} bounds what all calls hold together, so the heap can be sized
 * for that bound.
 */
@ApplicationScoped
public class AnswerReader {

    /** The longest array the JDK allocates: {@link InputStream#readNBytes(int)} reads into one. */
    static final long LARGEST_BOUND = Integer.MAX_VALUE - 8L;

    @Inject
    @ConfigProperty(name = "MCP_MAX_UPSTREAM_BYTES", defaultValue = "1048576")
    long maxBytes;

    /** Room for the answers of all calls together ({@code MCP_INSTANCE_ANSWER_BYTES}). */
    @Inject
    AnswerBytes room;

    @PostConstruct
    void checkSettings() {
        SettingRules.positive("MCP_MAX_UPSTREAM_BYTES", maxBytes, "bytes");
        if (maxBytes > LARGEST_BOUND) {
            throw SettingRules.refused("MCP_MAX_UPSTREAM_BYTES must be at most " + LARGEST_BOUND + " bytes, was " + maxBytes);
        }
        if (maxBytes > room.boundBytes()) {
            // an answer of the largest size would wait for room that never comes
            throw SettingRules.refused("MCP_INSTANCE_ANSWER_BYTES (" + room.boundBytes() + " bytes, all calls together)"
                    + " must be at least MCP_MAX_UPSTREAM_BYTES (" + maxBytes + " bytes, one answer)");
        }
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /** The bound, for the message that names it. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The bound of the answers of all calls together, for the message that names it. */
    public long roomForAllAnswers() {
        return room.boundBytes();
    }

    /**
     * Reads the answer once there is room for it among the answers of all calls ({@link AnswerBytes}): as many bytes
     * as its Content-Length says, or the most one answer may have when it says none. What the answer turns out not to
     * need is given back at once; the rest stays reserved until the call has used the answer.
     *
     * @param deadlineNanos until when the call may wait for room (on {@link System#nanoTime()})
     * @return the answer's text (empty when it has no body), or nothing when it is larger than the bound; then the
     * rest of it is still unread
     * @throws NoRoom when no room came before the deadline; the answer is then unread
     * @throws ProcessingException when reading fails (a read timeout, a broken connection), as Jersey reports it
     */
    public Optional<String> read(Response response, long deadlineNanos) {
        if (!response.hasEntity()) {
            return Optional.of("");
        }
        long declaredLength = response.getLength();
        if (declaredLength > maxBytes) {
            return Optional.empty();
        }
        long waitStarted = System.nanoTime();
        if (!room.reserve(declaredLength >= 0 ? declaredLength : maxBytes, deadlineNanos)) {
            throw new NoRoom(Duration.ofNanos(System.nanoTime() - waitStarted));
        }
        try {
            Optional<byte[]> bytes = readAtMost(() -> response.readEntity(InputStream.class), declaredLength, maxBytes);
            room.keepOnly(bytes.map(b -> b.length).orElse(0));
            return bytes.map(b -> new String(b, charsetOf(response.getMediaType())));
        } catch (IOException e) {
            throw new ProcessingException(e);
        }
    }

    /** No room for the answer among those of all calls came in time: it was left unread. */
    public static final class NoRoom extends RuntimeException {
        private final Duration waited;

        NoRoom(Duration waited) {
            super("no room to read the answer in time", null, false, false);
            this.waited = waited;
        }

        /** How long the call waited for room. */
        public Duration waited() {
            return waited;
        }
    }

    /** Opens the body only when it is needed: an answer declared too long is never read at all. */
    interface Body {
        InputStream open() throws IOException;
    }

    /**
     * @param declaredLength the Content-Length, or −1 when the upstream sent none (chunked)
     * @return the bytes, or nothing when there are more than {@code max}: then at most {@code max + 1} were read
     */
    static Optional<byte[]> readAtMost(Body body, long declaredLength, long max) throws IOException {
        if (declaredLength > max) {
            return Optional.empty();
        }
        byte[] bytes = body.open().readNBytes((int) max + 1);
        return bytes.length > max ? Optional.empty() : Optional.of(bytes);
    }

    /** The answer's charset; UTF-8 when it names none (as Jersey reads JSON) or one this JVM does not know. */
    static Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
