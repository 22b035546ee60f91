package dev.flowgate.system.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered overlay: the Flowgate objects it creates and what each service's container
 * gets.
 */
final class KubernetesDeployment {

	private final String overlay;

	private final List<Manifest> objects;

	private KubernetesDeployment(String overlay, List<Manifest> objects) {
		this.overlay = overlay;
		this.objects = objects;
	}

	static KubernetesDeployment render(Path root, String overlay) {
		return new KubernetesDeployment(overlay, Kustomize.build(root.resolve(overlay)));
	}

	List<Manifest> all(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.kind())).toList();
	}

	Manifest get(String kind, String name) {
		return this.objects.stream()
			.filter((object) -> object.is(kind, name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.overlay + " has no " + kind + " " + name));
	}

	/** The service's container (named after the module, as every Deployment here is). */
	Manifest container(String module) {
		return get("Deployment", module).maps("spec.template.spec.containers")
			.stream()
			.filter((container) -> module.equals(container.string("name")))
			.findFirst()
			.orElseThrow(
					() -> new AssertionError(this.overlay + ": Deployment " + module + " has no container " + module));
	}

	int containerPort(String module, String portName) {
		return this.container(module)
			.maps("ports")
			.stream()
			.filter((port) -> portName.equals(port.string("name")))
			.map((port) -> Integer.parseInt(port.string("containerPort")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.overlay + ": " + module + " has no port named " + portName));
	}

	/** Every variable the container gets, from env and from the ConfigMaps in envFrom. */
	Map<String, EnvValue> environment(String module) {
		Manifest container = container(module);
		Map<String, EnvValue> environment = new LinkedHashMap<>();
		for (Manifest source : container.maps("envFrom")) {
			if (source.has("secretRef")) {
				throw new AssertionError(this.overlay + ": " + module
						+ " takes a whole Secret (envFrom.secretRef); use secretKeyRef so each variable is visible");
			}
			configMap(source.string("configMapRef.name")).map("data")
				.content()
				.forEach((name, value) -> environment.put(name, EnvValue.literal(Objects.toString(value, ""))));
		}
		for (Manifest variable : container.maps("env")) {
			environment.put(variable.string("name"), value(variable));
		}
		return environment;
	}

	/**
	 * Host name and port to the module whose pods a Service with that name sends them to.
	 */
	Map<String, Map<Integer, String>> routes() {
		Map<String, Map<Integer, String>> routes = new LinkedHashMap<>();
		for (Manifest service : all("Service")) {
			String module = service.map("spec.selector").content().get("app.kubernetes.io/name").toString();
			if (!ConfigurationContract.SERVICES.contains(module) || !hasDeployment(module)) {
				continue;
			}
			for (Manifest port : service.maps("spec.ports")) {
				String target = port.string("targetPort");
				int targetPort = target.matches("\\d+") ? Integer.parseInt(target) : containerPort(module, target);
				if (targetPort == containerPort(module, "http")) {
					routes.computeIfAbsent(service.name(), (name) -> new LinkedHashMap<>())
						.put(Integer.parseInt(port.string("port")), module);
				}
			}
		}
		return routes;
	}

	@Override
	public String toString() {
		return this.overlay;
	}

	private boolean hasDeployment(String module) {
		return this.objects.stream().anyMatch((object) -> object.is("Deployment", module));
	}

	private EnvValue value(Manifest variable) {
		if (variable.has("valueFrom.secretKeyRef")) {
			return EnvValue.reference("secret " + variable.string("valueFrom.secretKeyRef.name") + "/"
					+ variable.string("valueFrom.secretKeyRef.key"));
		}
		if (variable.has("valueFrom.fieldRef")) {
			return EnvValue.reference("pod field " + variable.string("valueFrom.fieldRef.fieldPath"));
		}
		if (variable.has("valueFrom.configMapKeyRef")) {
			Object value = configMap(variable.string("valueFrom.configMapKeyRef.name")).map("data")
				.content()
				.get(variable.string("valueFrom.configMapKeyRef.key"));
			return EnvValue.literal(Objects.toString(value, ""));
		}
		return EnvValue.literal(Objects.toString(variable.content().get("value"), ""));
	}

	private Manifest configMap(String name) {
		return get("ConfigMap", name);
	}

}
