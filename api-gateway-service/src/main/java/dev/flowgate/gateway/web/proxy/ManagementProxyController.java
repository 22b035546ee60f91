package dev.flowgate.gateway.web.proxy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.key.AdminSecret;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.key.Gatekeeper;
import dev.flowgate.gateway.domain.limit.ManagementLimits;
import dev.flowgate.gateway.domain.route.Access;
import dev.flowgate.gateway.domain.route.ManagementRoutes;
import dev.flowgate.gateway.domain.route.Route;
import dev.flowgate.gateway.web.CallerHeaders;
import dev.flowgate.gateway.web.RateLimitHeaders;
import dev.flowgate.gateway.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The management API: authenticates the call, then forwards it to the service that owns
 * the route, passing status, headers and body back unchanged. A change of a key or a
 * deployment is answered once this replica's view has it ({@link ReadYourWrites}), the
 * call parked meanwhile without holding a thread.
 */
@RestController
class ManagementProxyController {

	private static final String ADMIN_SECRET = "X-Admin-Secret";

	/** In {@code /v1/executions/{id}[/cancel]}, split at each slash. */
	private static final int EXECUTION_ID_SEGMENT = 3;

	// What a caller may tell a service, besides its body's Content-Type; everything else
	// (X-Flowgate-* included) is dropped.
	private static final List<String> FORWARDED_HEADERS = List.of(HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH,
			HttpHeaders.IF_NONE_MATCH, "Idempotency-Key");

	private final Gatekeeper gatekeeper;

	private final AdminSecret adminSecret;

	private final RequestBodies bodies;

	private final UpstreamClient upstream;

	private final AllowListedExecutions executions;

	private final OwnerOnlyTraces traces;

	private final RateLimitHeaders rateLimitHeaders;

	private final ManagementLimits managementLimits;

	private final ReadYourWrites readYourWrites;

	ManagementProxyController(Gatekeeper gatekeeper, AdminSecret adminSecret, RequestBodies bodies,
			UpstreamClient upstream, AllowListedExecutions executions, OwnerOnlyTraces traces,
			RateLimitHeaders rateLimitHeaders, ManagementLimits managementLimits, ReadYourWrites readYourWrites) {
		this.gatekeeper = gatekeeper;
		this.adminSecret = adminSecret;
		this.bodies = bodies;
		this.upstream = upstream;
		this.executions = executions;
		this.traces = traces;
		this.rateLimitHeaders = rateLimitHeaders;
		this.managementLimits = managementLimits;
		this.readYourWrites = readYourWrites;
	}

	@RequestMapping("/v1/**")
	CompletableFuture<ResponseEntity<byte[]>> forward(HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		Route route = route(request);
		if (route.access() == Access.ADMIN) {
			// Not limited: the platform operator's few calls (creating owners and their
			// first keys), made with a secret no owner holds, and there is no owner to
			// count them for.
			this.adminSecret.verify(request.getHeader(ADMIN_SECRET));
			return onceViewsHaveIt(request, exchange(route, request, ForwardedIdentity.platformAdmin()));
		}
		KeyScope[] scopes = (route.access() == Access.RUN) ? new KeyScope[] { KeyScope.RUN, KeyScope.MANAGE }
				: new KeyScope[] { KeyScope.MANAGE };
		Caller caller = this.gatekeeper.admit(CallerHeaders.apiKey(request), scopes);
		this.managementLimits.acquire(caller.managementBudget());
		ResponseEntity<byte[]> answer;
		try {
			answer = forwardFor(caller, route, request);
		}
		catch (Rejection ex) {
			// Refused here after all (not allowed, or the service away): still
			// counted for the key's limit and the management budget.
			throw ex.takenFrom(this.rateLimitHeaders.managementQuotas(caller));
		}
		return onceViewsHaveIt(request,
				ResponseEntity.status(answer.getStatusCode())
					.headers(answer.getHeaders())
					.headers(this.rateLimitHeaders.forManagement(caller))
					.body(answer.getBody()));
	}

	/**
	 * The methods a path takes, in {@code Allow}: a route that forwards every method asks
	 * its service, which knows them (as the caller's key allows); the table answers for
	 * the others itself, as Spring MVC would for them.
	 */
	@RequestMapping(path = "/v1/**", method = RequestMethod.OPTIONS)
	CompletableFuture<ResponseEntity<byte[]>> options(HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		String path = request.getRequestURI();
		if (ManagementRoutes.resolve(HttpMethod.OPTIONS.name(), path).isPresent()) {
			return forward(request);
		}
		Set<String> allowed = new LinkedHashSet<>(ManagementRoutes.allowedMethods(path));
		if (allowed.isEmpty()) {
			throw Rejection.notFound("No resource at OPTIONS " + path);
		}
		allowed.add(HttpMethod.OPTIONS.name());
		return CompletableFuture
			.completedFuture(ResponseEntity.ok().header(HttpHeaders.ALLOW, String.join(",", allowed)).build());
	}

	/**
	 * @throws HttpRequestMethodNotSupportedException (405, with {@code Allow}) when other
	 * methods have a route at the path
	 * @throws Rejection (404) when none has
	 */
	private static Route route(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		String path = request.getRequestURI();
		Route route = ManagementRoutes.resolve(request.getMethod(), path).orElse(null);
		if (route != null) {
			return route;
		}
		Set<String> allowed = ManagementRoutes.allowedMethods(path);
		if (allowed.isEmpty()) {
			throw Rejection.notFound("No resource at " + request.getMethod() + " " + path);
		}
		throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
	}

	/**
	 * The answer, once this replica's views have the change it reports: the caller's next
	 * call here (a trigger with the key just created, say) then sees it.
	 */
	private CompletableFuture<ResponseEntity<byte[]>> onceViewsHaveIt(HttpServletRequest request,
			ResponseEntity<byte[]> answer) {
		return this.readYourWrites.applied(request.getMethod(), request.getRequestURI(), answer)
			.thenApply((applied) -> answer);
	}

	private ResponseEntity<byte[]> forwardFor(Caller caller, Route route, HttpServletRequest request) {
		String path = request.getRequestURI();
		ForwardedIdentity identity = ForwardedIdentity.of(caller);
		if (route.access() != Access.RUN) {
			return exchange(route, request, identity);
		}
		// Scope run opens two routes: polling an execution and cancelling it, each only
		// within the key's deployments, and answered without the trace unless the key
		// has scope manage too.
		String executionId = path.split("/")[EXECUTION_ID_SEGMENT];
		return this.traces.forCaller(caller, forwardRun(caller, route, request, identity, executionId));
	}

	private ResponseEntity<byte[]> forwardRun(Caller caller, Route route, HttpServletRequest request,
			ForwardedIdentity identity, String executionId) {
		if (HttpMethod.GET.equals(forwardedMethod(request))) {
			return this.executions.visibleTo(caller, executionId, exchange(route, request, identity));
		}
		return this.executions
			.refusal(caller, executionId,
					() -> this.upstream.forward(route.upstream(), HttpMethod.GET, "/v1/executions/" + executionId,
							new HttpHeaders(), null, identity))
			.orElseGet(() -> exchange(route, request, identity));
	}

	private ResponseEntity<byte[]> exchange(Route route, HttpServletRequest request, ForwardedIdentity identity) {
		String path = request.getRequestURI();
		// Checked first, as for triggers: a refused body is not read.
		MediaType type = this.bodies.forwardedType(request);
		byte[] body = this.bodies.read(request);
		HttpHeaders headers = forwardedHeaders(request);
		if (body.length > 0) {
			headers.setContentType(type);
		}
		String query = request.getQueryString();
		return withOwnMethods(path, this.upstream.forward(route.upstream(), forwardedMethod(request),
				(query != null) ? path + "?" + query : path, headers, body, identity));
	}

	/**
	 * A service's {@code Allow} (of a 405 or an OPTIONS) with the methods the gateway
	 * serves itself at the path: the service does not know them.
	 */
	private static ResponseEntity<byte[]> withOwnMethods(String path, ResponseEntity<byte[]> answer) {
		Set<String> own = ManagementRoutes.ownMethods(path);
		if (own.isEmpty() || answer.getHeaders().getAllow().isEmpty()) {
			return answer;
		}
		Set<HttpMethod> allowed = new LinkedHashSet<>(answer.getHeaders().getAllow());
		own.forEach((method) -> allowed.add(HttpMethod.valueOf(method)));
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(answer.getHeaders());
		headers.setAllow(allowed);
		return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
	}

	/**
	 * HEAD goes on as GET: the checks on what the service answers (a key's deployments)
	 * need the body, which the servlet container leaves out of the answer to a HEAD.
	 */
	private static HttpMethod forwardedMethod(HttpServletRequest request) {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		return HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
	}

	private static HttpHeaders forwardedHeaders(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : FORWARDED_HEADERS) {
			String value = request.getHeader(name);
			if (value != null) {
				headers.set(name, value);
			}
		}
		return headers;
	}

}
