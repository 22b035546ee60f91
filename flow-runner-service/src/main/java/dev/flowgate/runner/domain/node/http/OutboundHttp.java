package dev.flowgate.runner.domain.node.http;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import dev.flowgate.egress.GuardedLookups;
import dev.flowgate.egress.TargetRefusedException;
import dev.flowgate.runner.domain.node.CancellationScope;
import dev.flowgate.runner.domain.node.NodeFailedException;

/**
 * The runner's asynchronous outbound HTTP: no thread waits on a response, exchanges are
 * aborted when their node is called off, and bodies are capped. URLs a flow supplies pass
 * the host allow-list and the address guard (no private, loopback, link-local or metadata
 * address unless an operator allows its range), and the connection goes to the addresses
 * the guard checked.
 */
public final class OutboundHttp {

	private static final Set<String> SCHEMES = Set.of("http", "https");

	private static final String UNREACHABLE_NAME = "the host '%s' resolves to no address flows may reach "
			+ "(an unknown name, or a range an operator has not allowed with flowgate.runner.http.allowed-cidrs)";

	/** The scheme and the user info after it, in a URL as written. */
	private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

	private final HttpTransport transport;

	private final OutboundSettings settings;

	private final GuardedLookups lookups;

	public OutboundHttp(HttpTransport transport, OutboundSettings settings, GuardedLookups lookups) {
		this.transport = transport;
		this.settings = settings;
		this.lookups = lookups;
	}

	public long maxResponseBytes() {
		return this.settings.maxResponseBytes();
	}

	/**
	 * Parses an absolute http(s) URL from a flow, refused unless its host is in the
	 * allow-list; {@link #sendGuarded} checks its addresses.
	 */
	public URI flowUri(String url) {
		URI uri = configuredUri(url);
		if (!this.settings.allows(uri)) {
			throw NodeFailedException
				.permanent("the host '%s' is not in the runner's outbound allow-list".formatted(uri.getHost()));
		}
		return uri;
	}

	/**
	 * Sends a request to a URI from {@link #flowUri} once the address guard has passed
	 * its host, looked up off the caller's thread; the connection goes to the addresses
	 * it checked, never to those of a second lookup.
	 */
	public CompletableFuture<HttpReply> sendGuarded(OutboundRequest request, long maxBytes,
			CancellationScope cancellation) {
		URI uri = request.uri();
		return cancellation.register(this.lookups.resolve(uri.getHost()))
			.handle((addresses, failure) -> (failure == null) ? addresses : refused(uri, failure))
			.thenCompose((checked) -> exchange(request, checked, maxBytes, cancellation));
	}

	/** Sends a request to a URI from {@link #configuredUri}, looked up by the client. */
	public CompletableFuture<HttpReply> send(OutboundRequest request, long maxBytes, CancellationScope cancellation) {
		return exchange(request, List.of(), maxBytes, cancellation);
	}

	/**
	 * The exchange is registered with {@code cancellation}: calling the node off aborts
	 * it.
	 */
	private CompletableFuture<HttpReply> exchange(OutboundRequest request, List<InetAddress> addresses, long maxBytes,
			CancellationScope cancellation) {
		return cancellation.register(this.transport.send(request, addresses, maxBytes))
			.exceptionallyCompose((failure) -> CompletableFuture.failedFuture(explained(failure, request.uri())));
	}

	private static List<InetAddress> refused(URI uri, Throwable failure) {
		Throwable cause = causeOf(failure);
		if (cause instanceof TargetRefusedException refusal && !refusal.isName()) {
			// An address the flow wrote itself: saying why tells it nothing new.
			throw NodeFailedException.permanent(
					refusal.getMessage() + "; an operator can allow the range with flowgate.runner.http.allowed-cidrs");
		}
		if (cause instanceof UnknownHostException) {
			// A refused name fails as an unknown one, in the same words and as often, so
			// that a flow cannot map which internal names exist.
			throw new NodeFailedException(UNREACHABLE_NAME.formatted(uri.getHost()));
		}
		throw (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
	}

	/** Parses an absolute http(s) URL the operator configured, trusted as it is. */
	public URI configuredUri(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw NodeFailedException
				.permanent("'%s' is not a valid URL (%s)".formatted(forDisplay(url), ex.getReason()));
		}
		if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null) {
			throw NodeFailedException.permanent("'%s' is not an absolute http(s) URL".formatted(forDisplay(url)));
		}
		return uri;
	}

	/**
	 * The URL as errors show it: without user info or query, which is where flows put
	 * tokens, since errors go into traces, emails and callbacks.
	 */
	static String forDisplay(URI uri) {
		return uri.getScheme() + "://" + hostAndPort(uri) + ((uri.getRawPath() != null) ? uri.getRawPath() : "");
	}

	/** The same for a URL as written, which may not even parse. */
	static String forDisplay(String url) {
		String shown = USER_INFO.matcher(url.trim()).replaceFirst("$1");
		int query = shown.indexOf('?');
		int fragment = shown.indexOf('#');
		int end = (query < 0) ? fragment : ((fragment < 0) ? query : Math.min(query, fragment));
		return (end < 0) ? shown : shown.substring(0, end);
	}

	private static String hostAndPort(URI uri) {
		return uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

	/** Says where a connection failed, and why: the innermost reason known. */
	private static Throwable explained(Throwable failure, URI uri) {
		Throwable cause = causeOf(failure);
		if (!(cause instanceof ConnectException)) {
			return failure;
		}
		String reason = null;
		for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
			reason = (inner.getMessage() != null) ? inner.getMessage() : reason;
		}
		String target = hostAndPort(uri);
		return new NodeFailedException("could not connect to " + target + ((reason != null) ? ": " + reason : ""));
	}

	private static Throwable causeOf(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

}
