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

		GATEWAY, PROMETHEUS, INGRESS_CONTROLLER, ANYONE, OTHER

	}

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

	/** The sources admitted to the pod, with the ports of each rule. */
	List<Admission> admissions(Map<String, Object> podLabels, Map<String, Object> gatewayLabels) {
		List<Admission> admissions = new ArrayList<>();
		for (Manifest policy : isolating(podLabels)) {
			for (Manifest rule : policy.maps("spec.ingress")) {
				List<String> ports = rule.maps("ports").stream().map((port) -> port.string("port")).toList();
				if (!rule.has("from")) {
					admissions.add(new Admission(policy.name(), Peer.ANYONE, ports));
				}
				for (Manifest peer : rule.maps("from")) {
					admissions.add(new Admission(policy.name(), classify(peer, gatewayLabels), ports));
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

	private static Peer classify(Manifest peer, Map<String, Object> gatewayLabels) {
		boolean pods = peer.has("podSelector");
		boolean namespaces = peer.has("namespaceSelector");
		// Only a selector naming the gateway: "part-of: flowgate" would select it too,
		// and every other pod.
		if (pods && !namespaces && selects(peer.map("podSelector"), gatewayLabels) && ConfigurationContract.GATEWAY
			.equals(peer.map("podSelector.matchLabels").content().get("app.kubernetes.io/name"))) {
			return Peer.GATEWAY;
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
