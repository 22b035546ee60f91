package dev.flowgate.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A GET of one URL, for example a readiness endpoint, asked whether it answers 2xx. */
final class HttpProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final HttpRequest request;

	HttpProbe(URI url) {
		this.request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
	}

	/** Whether it answers 2xx now; {@code false} if it does not answer at all. */
	boolean answersOk() {
		try {
			int status = this.client.send(this.request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status >= 200 && status < 300;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.request.uri(), ex);
		}
	}

}
