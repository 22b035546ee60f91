package dev.flowgate.keys.domain.key;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deployments by owner, kept in memory; counts the questions, can be made to fail, and
 * can let another request run while it is asked.
 */
class InMemoryDeploymentDirectory implements DeploymentDirectory {

	private final Set<String> deployments = new HashSet<>();

	private final List<Set<String>> asked = new ArrayList<>();

	private boolean unavailable;

	private Runnable whileAsked = () -> {
	};

	void add(String ownerId, String deploymentId) {
		this.deployments.add(ownerId + "/" + deploymentId);
	}

	void makeUnavailable() {
		this.unavailable = true;
	}

	/** Runs {@code other} during the next question, as a request at the same time. */
	void whileNextAsked(Runnable other) {
		this.whileAsked = () -> {
			this.whileAsked = () -> {
			};
			other.run();
		};
	}

	List<Set<String>> asked() {
		return this.asked;
	}

	@Override
	public Set<String> unknownAmong(String ownerId, Set<String> deploymentIds) {
		this.asked.add(deploymentIds);
		this.whileAsked.run();
		if (this.unavailable) {
			throw new DeploymentDirectoryUnavailableException("deployment-service is not reachable");
		}
		Set<String> unknown = new LinkedHashSet<>(deploymentIds);
		unknown.removeIf((id) -> this.deployments.contains(ownerId + "/" + id));
		return unknown;
	}

}
