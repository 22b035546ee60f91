// Flowgate deployment "@@NAME@@": FluxPrompt-compatible API
// Run with Java 17 or newer: java FlowgateExample.java
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class FlowgateExample {

    public static void main(String[] args) throws Exception {
        String apiKey = System.getenv("FLOWGATE_API_KEY");
        String body = @@BODY@@;
        HttpRequest request = HttpRequest.newBuilder(URI.create(@@URL@@))
            .header("api-key", apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }

}
