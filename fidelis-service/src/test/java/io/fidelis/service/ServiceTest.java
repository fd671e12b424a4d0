package io.fidelis.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running service on the shared test workspace (one Spring context for every test class), and a client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ServiceTest {

    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        registry.add("fidelis.workspace", () -> TestWorkspace.folder().toString());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A call as {@code user} (null for nobody) with HTTP Basic; {@code body} null for a GET. */
    HttpResponse<String> call(String user, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + TestWorkspace.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request, method, body);
    }

    HttpResponse<String> bearer(String token, String method, String path, String body) {
        return send(
                HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token),
                method,
                body);
    }

    HttpResponse<String> get(String user, String path) {
        return call(user, "GET", path, null);
    }

    HttpResponse<String> post(String user, String path, String body) {
        return call(user, "POST", path, body);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String method, String body) {
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
