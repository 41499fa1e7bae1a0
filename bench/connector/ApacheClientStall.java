import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5 as UpstreamClients sets it up: a 1.5 s socket timeout against an answer that stops half-way. */
public class ApacheClientStall {
    public static void main(String[] args) throws Exception {
        var connections = PoolingHttpClientConnectionManagerBuilder.create().setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(1500)).setSocketTimeout(Timeout.ofMilliseconds(1500)).build()).build();
        var client = HttpClientBuilder.create().setConnectionManager(connections).build();
        long start = System.nanoTime();
        try {
            String body = client.execute(new HttpGet(args[0]), response -> EntityUtils.toString(response.getEntity()));
            System.out.println("body of " + body.length() + " chars");
        } catch (Exception e) {
            System.out.println(e);
        }
        System.out.println("ended after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
