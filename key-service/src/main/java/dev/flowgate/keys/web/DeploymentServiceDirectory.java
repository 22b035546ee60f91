package dev.flowgate.keys.web;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.flowgate.internal.InternalApiProperties;
import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.internal.InternalHttp;
import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.key.DeploymentDirectory;
import dev.flowgate.keys.domain.key.DeploymentDirectoryUnavailableException;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Asks deployment-service, as the gateway would on the owner's behalf, for each
 * deployment: its own answer is the only one that knows a deployment made a moment ago.
 */
@Component
class DeploymentServiceDirectory implements DeploymentDirectory {

	private final RestClient client;

	private final Duration readTimeout;

	DeploymentServiceDirectory(FlowgateProperties properties, InternalApiProperties internalApi,
			ObservationRegistry observations) {
		FlowgateProperties.DeploymentService service = properties.deploymentService();
		this.readTimeout = service.readTimeout();
		String token = (internalApi.internalToken() != null) ? internalApi.internalToken() : "";
		this.client = InternalHttp.restClient(service.connectTimeout(), service.readTimeout(), observations)
			.baseUrl(service.url().toString())
			.defaultHeader(InternalHeaders.TOKEN, token)
			.build();
	}

	@Override
	public Set<String> unknownAmong(String ownerId, Set<String> deploymentIds) {
		// One read timeout for all the questions: a slow service must not hold
		// the caller for a timeout per id.
		long deadline = System.nanoTime() + this.readTimeout.toNanos();
		Set<String> unknown = new LinkedHashSet<>();
		for (String deploymentId : deploymentIds) {
			if (System.nanoTime() - deadline > 0) {
				throw new DeploymentDirectoryUnavailableException(
						"deployment-service did not answer for " + deploymentIds.size() + " deployments in time");
			}
			if (!exists(ownerId, deploymentId)) {
				unknown.add(deploymentId);
			}
		}
		return unknown;
	}

	private boolean exists(String ownerId, String deploymentId) {
		HttpStatusCode status;
		try {
			status = this.client.get()
				.uri("/v1/deployments/{deploymentId}", deploymentId)
				.header(InternalHeaders.OWNER_ID, ownerId)
				.exchange((request, response) -> response.getStatusCode());
		}
		catch (ResourceAccessException ex) {
			throw new DeploymentDirectoryUnavailableException("deployment-service is not reachable", ex);
		}
		if (status.is2xxSuccessful()) {
			return true;
		}
		// 400: not even a path segment deployment-service takes (Tomcat refuses an
		// encoded slash), so no deployment's id.
		if (status.isSameCodeAs(HttpStatus.NOT_FOUND) || status.isSameCodeAs(HttpStatus.BAD_REQUEST)) {
			return false;
		}
		throw new DeploymentDirectoryUnavailableException("deployment-service answered " + status.value());
	}

}
