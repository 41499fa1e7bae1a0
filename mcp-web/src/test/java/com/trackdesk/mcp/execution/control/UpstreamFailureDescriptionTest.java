package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.tenant.entity.Tenant;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Network failures reach the assistant as plain words, never as exception text (which may quote URLs or headers). */
class UpstreamFailureDescriptionTest {

    static final String KEY = "tok-describe-8812";
    final UpstreamRequest request = new UpstreamRequest(new Tenant("acme"), "GET", "/api/node/tags/v1",
            Optional.empty(), KEY, true);

    UpstreamFailure describe(Throwable cause) {
        return (UpstreamFailure) UpstreamCaller.describe(new ProcessingException("wrapped " + KEY, cause), request);
    }

    @Test
    void connectionRefused() {
        UpstreamFailure failure = describe(new ConnectException("Connection refused to https://acme.trackdesk.com"));
        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.CONNECTION_REFUSED);
        assertThat(failure.getMessage()).contains("connection refused").contains("acme").doesNotContain("https://");
    }

    @Test
    void readTimeout() {
        assertThat(describe(new SocketTimeoutException("Read timed out")).kind()).isEqualTo(UpstreamFailure.Kind.TIMEOUT);
    }

    @Test
    void tlsHandshake() {
        UpstreamFailure failure = describe(new IOException(new SSLHandshakeException("PKIX path building failed")));
        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.TLS);
        assertThat(failure.getMessage()).contains("TLS").doesNotContain("PKIX");
    }

    @Test
    void unknownHostNamesTheSubdomain() {
        UpstreamFailure failure = describe(new UnknownHostException("nosuch.trackdesk.com"));
        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.UNKNOWN_HOST);
        assertThat(failure.getMessage()).contains("subdomain");
    }

    @Test
    void anythingElseIsANetworkFailureWithoutDetails() {
        UpstreamFailure failure = describe(new IllegalStateException("odd " + KEY));
        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.NETWORK);
        assertThat(failure.getMessage()).doesNotContain(KEY).doesNotContain("odd");
        assertThat(failure.getStackTrace()).isEmpty();
    }
}
