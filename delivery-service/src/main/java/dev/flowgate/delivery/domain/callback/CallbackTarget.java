package dev.flowgate.delivery.domain.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.flowgate.egress.RequestTargets;

/**
 * Where a callback goes. The host is kept as written ({@code 127.1} included): resolving
 * and checking it is the destination guard's job, at connect time.
 *
 * @param host a name or an address literal, IPv6 without brackets
 * @param pathAndQuery the request target, at least {@code /}
 */
public record CallbackTarget(String scheme, String host, int port, String pathAndQuery) {

	private static final int HTTP_PORT = 80;

	private static final int HTTPS_PORT = 443;

	private static final int MAX_PORT = 65535;

	/**
	 * @throws InvalidCallbackUrlException when the URL is not an absolute http(s) URL
	 * with a host
	 */
	public static CallbackTarget parse(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidCallbackUrlException("Invalid callback URL: " + ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidCallbackUrlException("Callback URLs must use http or https");
		}
		String authority = uri.getRawAuthority();
		if (authority == null || authority.isEmpty()) {
			throw new InvalidCallbackUrlException("The callback URL has no host");
		}
		if (authority.contains("@")) {
			throw new InvalidCallbackUrlException("Credentials in callback URLs are not supported");
		}
		return fromAuthority(scheme, authority, RequestTargets.pathAndQuery(uri));
	}

	/** Scheme, host and port: what concurrency limits and circuit breakers count by. */
	public String origin() {
		String printedHost = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return this.scheme + "://" + printedHost + ":" + this.port;
	}

	private static CallbackTarget fromAuthority(String scheme, String authority, String pathAndQuery) {
		String host;
		String portText;
		if (authority.startsWith("[")) {
			int end = authority.indexOf(']');
			if (end < 0) {
				throw new InvalidCallbackUrlException("Invalid IPv6 host in the callback URL");
			}
			host = authority.substring(1, end);
			portText = authority.substring(end + 1);
		}
		else {
			int colon = authority.lastIndexOf(':');
			host = (colon < 0) ? authority : authority.substring(0, colon);
			portText = (colon < 0) ? "" : authority.substring(colon);
		}
		if (host.isEmpty()) {
			throw new InvalidCallbackUrlException("The callback URL has no host");
		}
		int defaultPort = scheme.equals("https") ? HTTPS_PORT : HTTP_PORT;
		return new CallbackTarget(scheme, host.toLowerCase(Locale.ROOT), port(portText, defaultPort), pathAndQuery);
	}

	private static int port(String portText, int defaultPort) {
		if (portText.isEmpty() || portText.equals(":")) {
			return defaultPort;
		}
		if (!portText.startsWith(":")) {
			throw new InvalidCallbackUrlException("Invalid port in the callback URL");
		}
		try {
			int port = Integer.parseInt(portText.substring(1));
			if (port < 1 || port > MAX_PORT) {
				throw new InvalidCallbackUrlException("Invalid port in the callback URL");
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new InvalidCallbackUrlException("Invalid port in the callback URL");
		}
	}

}
