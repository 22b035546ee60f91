package dev.flowgate.gateway.web.proxy;

import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.flowgate.internal.InternalApiProperties;
import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.route.Upstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls key-, deployment- and delivery-service with the internal headers, and hands back
 * status, headers and body as the service sent them.
 */
@Component
class UpstreamClient {

	private static final Logger log = LoggerFactory.getLogger(UpstreamClient.class);

	private static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);

	// Hop-by-hop headers, and those the servlet container sets itself.
	private static final Set<String> NOT_PASSED_BACK = Set.of("connection", "keep-alive", "transfer-encoding", "te",
			"trailer", "upgrade", "proxy-authenticate", "proxy-authorization", "content-length", "date");

	private final RestClient restClient;

	private final Map<Upstream, URI> baseUrls;

	private final String internalToken;

	UpstreamClient(RestClient upstreamRestClient, GatewayProperties gateway, InternalApiProperties internalApi) {
		this.restClient = upstreamRestClient;
		GatewayProperties.Upstreams upstreams = gateway.upstreams();
		this.baseUrls = Map.of(Upstream.KEY_SERVICE, upstreams.keyService(), Upstream.DEPLOYMENT_SERVICE,
				upstreams.deploymentService(), Upstream.DELIVERY_SERVICE, upstreams.deliveryService());
		// Unset: warned about at start (InternalCallerConfiguration); the services refuse
		// the calls.
		this.internalToken = (internalApi.internalToken() != null) ? internalApi.internalToken() : "";
	}

	/**
	 * A caller's call passed on, as {@link #exchange} does it.
	 * @throws Rejection 502 when the service refused the gateway itself (401: its
	 * internal token): the caller's credentials were checked here, so that is no answer
	 * for the caller
	 */
	ResponseEntity<byte[]> forward(Upstream upstream, HttpMethod method, String pathAndQuery, HttpHeaders headers,
			byte[] body, ForwardedIdentity identity) {
		ResponseEntity<byte[]> answer = exchange(upstream, method, pathAndQuery, headers, body, identity);
		if (answer.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
			throw Rejection.of(Rejection.Reason.UPSTREAM_REFUSED, serviceName(upstream)
					+ " refused the gateway's call: a fault of the installation, not of this request");
		}
		return answer;
	}

	/**
	 * The service's answer as it sent it; a 401, the service refusing the gateway's
	 * internal token, is logged as the misconfiguration it is.
	 * @param pathAndQuery the raw (still encoded) path and query, starting with {@code /}
	 * @throws Rejection 503 when the service cannot be reached, 504 when it does not
	 * answer in time
	 */
	ResponseEntity<byte[]> exchange(Upstream upstream, HttpMethod method, String pathAndQuery, HttpHeaders headers,
			byte[] body, ForwardedIdentity identity) {
		URI uri = URI.create(stripTrailingSlash(this.baseUrls.get(upstream).toString()) + pathAndQuery);
		RestClient.RequestBodySpec request = this.restClient.method(method).uri(uri).headers((outgoing) -> {
			outgoing.addAll(headers);
			outgoing.set(InternalHeaders.TOKEN, this.internalToken);
			setIfPresent(outgoing, InternalHeaders.OWNER_ID, identity.ownerId());
			setIfPresent(outgoing, InternalHeaders.KEY_ID, identity.keyId());
			if (identity.admin()) {
				outgoing.set(InternalHeaders.ADMIN, "true");
			}
			if (identity.previousSecret()) {
				outgoing.set(InternalHeaders.KEY_SECRET, InternalHeaders.PREVIOUS_SECRET);
			}
		});
		if (body != null && body.length > 0) {
			request.body(body);
		}
		ResponseEntity<byte[]> answer;
		try {
			answer = request.exchange(
					(clientRequest, response) -> new ResponseEntity<>(bodyOrNull(response.getBody().readAllBytes()),
							passedBack(response.getHeaders()), response.getStatusCode()));
		}
		catch (ResourceAccessException ex) {
			throw unreachable(upstream, ex);
		}
		if (answer.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
			// Path only: a query may carry a caller's cursor or filter, and no token is
			// named.
			log.error(
					"{} refused the gateway's internal token (401) on {} {}: flowgate.internal-token "
							+ "(FLOWGATE_INTERNAL_TOKEN) must be the same for the gateway and for {}",
					serviceName(upstream), method, uri.getRawPath(), serviceName(upstream));
		}
		return answer;
	}

	private static String serviceName(Upstream upstream) {
		return upstream.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static Rejection unreachable(Upstream upstream, ResourceAccessException ex) {
		String service = serviceName(upstream);
		Throwable cause = ex.getCause();
		if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
			return Rejection.of(Rejection.Reason.UPSTREAM_TIMEOUT, service + " did not answer in time");
		}
		return Rejection.unavailable(service + " is not reachable", UNAVAILABLE_RETRY_AFTER);
	}

	private static HttpHeaders passedBack(HttpHeaders received) {
		HttpHeaders headers = new HttpHeaders();
		received.forEach((name, values) -> {
			if (!NOT_PASSED_BACK.contains(name.toLowerCase(Locale.ROOT))) {
				headers.addAll(name, values);
			}
		});
		return headers;
	}

	/** None for an empty body: written, even empty, it would get a content type. */
	private static byte[] bodyOrNull(byte[] body) {
		return (body.length > 0) ? body : null;
	}

	private static void setIfPresent(HttpHeaders headers, String name, String value) {
		if (value != null) {
			headers.set(name, value);
		}
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
