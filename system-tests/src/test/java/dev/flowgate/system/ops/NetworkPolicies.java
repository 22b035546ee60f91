package dev.flowgate.system.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an overlay's NetworkPolicies for one pod: who may open a connection to it.
 */
final class NetworkPolicies {

	/** The kinds of source a Flowgate policy may admit. */
	enum Peer {

		GATEWAY, KEY_SERVICE, PROMETHEUS, INGRESS_CONTROLLER, ANYONE, OTHER

	}

	/** The Flowgate services a policy may name as a source, by module. */
	private static final Map<String, Peer> SERVICE_PEERS = Map.of(ConfigurationContract.GATEWAY, Peer.GATEWAY,
			"key-service", Peer.KEY_SERVICE);

	private final List<Manifest> policies;

	NetworkPolicies(List<Manifest> policies) {
		this.policies = policies;
	}

	/**
	 * Policies that isolate the pod for ingress (without one, every source is admitted).
	 */
	List<Manifest> isolating(Map<String, Object> podLabels) {
		return this.policies.stream()
			.filter((policy) -> selects(policy.map("spec.podSelector"), podLabels))
			.filter((policy) -> policy.strings("spec.policyTypes").contains("Ingress")
					|| (!policy.has("spec.policyTypes") && policy.has("spec.ingress")))
			.toList();
	}

	/**
	 * The sources admitted to the pod, with the ports of each rule.
	 * @param servicePods the pod labels of each Flowgate service, by module
	 */
	List<Admission> admissions(Map<String, Object> podLabels, Map<String, Map<String, Object>> servicePods) {
		List<Admission> admissions = new ArrayList<>();
		for (Manifest policy : isolating(podLabels)) {
			for (Manifest rule : policy.maps("spec.ingress")) {
				List<String> ports = rule.maps("ports").stream().map((port) -> port.string("port")).toList();
				if (!rule.has("from")) {
					admissions.add(new Admission(policy.name(), Peer.ANYONE, ports));
				}
				for (Manifest peer : rule.maps("from")) {
					admissions.add(new Admission(policy.name(), classify(peer, servicePods), ports));
				}
			}
		}
		return admissions;
	}

	static boolean selects(Manifest selector, Map<String, Object> labels) {
		for (Map.Entry<String, Object> label : selector.map("matchLabels").content().entrySet()) {
			if (!String.valueOf(label.getValue()).equals(String.valueOf(labels.get(label.getKey())))) {
				return false;
			}
		}
		for (Manifest expression : selector.maps("matchExpressions")) {
			Object value = labels.get(expression.string("key"));
			List<String> values = expression.strings("values");
			boolean matches = switch (expression.string("operator")) {
				case "In" -> value != null && values.contains(value.toString());
				case "NotIn" -> value == null || !values.contains(value.toString());
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new IllegalStateException("unknown operator in " + expression.content());
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	private static Peer classify(Manifest peer, Map<String, Map<String, Object>> servicePods) {
		boolean pods = peer.has("podSelector");
		boolean namespaces = peer.has("namespaceSelector");
		// Only a selector naming the service: "part-of: flowgate" selects it
		// too, and every other pod.
		if (pods && !namespaces) {
			Object named = peer.map("podSelector.matchLabels").content().get("app.kubernetes.io/name");
			Peer service = SERVICE_PEERS.get(String.valueOf(named));
			if (service != null && selects(peer.map("podSelector"), servicePods.get(String.valueOf(named)))) {
				return service;
			}
		}
		if (pods && namespaces
				&& "prometheus".equals(peer.map("podSelector.matchLabels").content().get("app.kubernetes.io/name"))) {
			return Peer.PROMETHEUS;
		}
		if (!pods && namespaces
				&& String
					.valueOf(peer.map("namespaceSelector.matchLabels").content().get("kubernetes.io/metadata.name"))
					.contains("ingress")) {
			return Peer.INGRESS_CONTROLLER;
		}
		return Peer.OTHER;
	}

	/** One admitted source of one policy rule. */
	record Admission(String policy, Peer peer, List<String> ports) {

	}

}
