package dev.flowgate.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.limit.ManagementLimits;
import dev.flowgate.gateway.domain.limit.Quota;
import dev.flowgate.gateway.domain.limit.RateLimits;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The rate limit fields of an answer, as the IETF draft "RateLimit Fields for HTTP"
 * (draft-ietf-httpapi-ratelimit-headers-06) has them and API gateways commonly send:
 * {@code RateLimit-Policy} lists every limit that applies, {@code RateLimit-Limit},
 * {@code -Remaining} and {@code -Reset} describe the one closest to running out.
 */
@Component
public class RateLimitHeaders {

	// Every limit is per minute.
	private static final long WINDOW_SECONDS = RateLimits.WINDOW.toSeconds();

	private final RateLimits limits;

	private final ManagementLimits managementLimits;

	RateLimitHeaders(RateLimits limits, ManagementLimits managementLimits) {
		this.limits = limits;
		this.managementLimits = managementLimits;
	}

	/** For a management call: its key's limit and its management budget's. */
	public HttpHeaders forManagement(Caller caller) {
		return of(managementQuotas(caller));
	}

	/** For a trigger: its key's limit and its deployment's. */
	public HttpHeaders forTrigger(Caller caller, Deployment deployment) {
		return of(triggerQuotas(caller, deployment));
	}

	/** What is left of the key's limit, if it has one. */
	public List<Quota> keyQuotas(Caller caller) {
		return this.limits.keyQuota(caller.keyId(), caller.rateLimitPerMinute()).stream().toList();
	}

	/**
	 * What is left of the key's limit, if it has one, and of the management budget its
	 * calls take from.
	 */
	public List<Quota> managementQuotas(Caller caller) {
		Optional<Quota> budgetQuota = this.managementLimits.quota(caller.managementBudget());
		return Stream.concat(keyQuotas(caller).stream(), budgetQuota.stream()).toList();
	}

	/** What is left of the key's limit and the deployment's, where they have one. */
	public List<Quota> triggerQuotas(Caller caller, Deployment deployment) {
		Optional<Quota> deploymentQuota = this.limits.deploymentQuota(deployment.id(),
				deployment.limits().requestsPerMinute());
		return Stream.concat(keyQuotas(caller).stream(), deploymentQuota.stream()).toList();
	}

	/** The fields for these limits; none for none. */
	public static HttpHeaders of(List<Quota> quotas) {
		HttpHeaders headers = new HttpHeaders();
		quotas.stream().reduce(Quota::tighter).ifPresent((tightest) -> {
			headers.set("RateLimit-Policy",
					quotas.stream()
						.map((quota) -> quota.perMinute() + ";w=" + WINDOW_SECONDS)
						.collect(Collectors.joining(", ")));
			headers.set("RateLimit-Limit", Integer.toString(tightest.perMinute()));
			headers.set("RateLimit-Remaining", Integer.toString(tightest.remaining()));
			headers.set("RateLimit-Reset", Long.toString(wholeSeconds(tightest.untilFull())));
		});
		return headers;
	}

	private static long wholeSeconds(Duration duration) {
		long seconds = duration.toSeconds();
		return (duration.toNanosPart() > 0) ? seconds + 1 : seconds;
	}

}
