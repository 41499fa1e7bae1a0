import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** java.net.http as Jersey's jnh connector uses it: the request timeout (1.5 s) against an answer that stops half-way. */
public class JdkClientStall {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(URI.create(args[0]))
                    .timeout(Duration.ofMillis(1500)).build(), HttpResponse.BodyHandlers.ofInputStream());
            System.out.println("headers after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            System.out.println("body of " + response.body().readAllBytes().length + " bytes");
        } catch (Exception e) {
            System.out.println(e);
        }
        System.out.println("ended after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
