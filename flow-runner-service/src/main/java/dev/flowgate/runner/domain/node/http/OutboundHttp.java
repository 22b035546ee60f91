package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.runner.domain.node.CancellationScope;
import dev.flowgate.runner.domain.node.NodeFailedException;

/**
 * The runner's asynchronous outbound HTTP: no thread waits on a response, exchanges are
 * aborted when their node is called off, and bodies are capped.
 */
public final class OutboundHttp {

	private static final Set<String> SCHEMES = Set.of("http", "https");

	private final HttpClient client;

	private final OutboundSettings settings;

	public OutboundHttp(HttpClient client, OutboundSettings settings) {
		this.client = client;
		this.settings = settings;
	}

	public long maxResponseBytes() {
		return this.settings.maxResponseBytes();
	}

	/** Parses an absolute http(s) URL that the settings allow. */
	public URI uri(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw NodeFailedException.permanent("'%s' is not a valid URL".formatted(url));
		}
		if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null) {
			throw NodeFailedException.permanent("'%s' is not an absolute http(s) URL".formatted(url));
		}
		if (!this.settings.allows(uri)) {
			throw NodeFailedException
				.permanent("the host '%s' is not in the runner's outbound allow-list".formatted(uri.getHost()));
		}
		return uri;
	}

	/**
	 * Sends the request; the exchange is registered with {@code cancellation} so calling
	 * the node off aborts it.
	 */
	public CompletableFuture<HttpReply> send(HttpRequest request, long maxBytes, CancellationScope cancellation) {
		CompletableFuture<HttpResponse<byte[]>> exchange = this.client.sendAsync(request,
				(info) -> new CappedBodySubscriber(maxBytes));
		cancellation.register(exchange);
		return exchange
			.thenApply((response) -> new HttpReply(response.statusCode(), response.headers(), response.body()));
	}

}
