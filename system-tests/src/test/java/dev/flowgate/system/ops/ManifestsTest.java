package dev.flowgate.system.ops;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.flowgate.contracts.Topics;
import dev.flowgate.system.ops.NetworkPolicies.Admission;
import dev.flowgate.system.ops.NetworkPolicies.Peer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files (k8s overlays, docker-compose.yml) against the services' real
 * configuration, read at test time from each module's application.yml: ports, probes,
 * environment, and the security and network rules every Flowgate pod follows.
 * {@link OperatorResourcesTest} covers Kafka and MongoDB.
 */
class ManifestsTest {

	static final Path ROOT = RepositoryRoot.find();

	static final Map<String, ServiceSettings> SETTINGS = settings();

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String READINESS = "/actuator/health/readiness";

	static Stream<String> overlays() {
		return Stream.of("k8s/overlays/dev", "k8s/overlays/production");
	}

	private static Map<String, ServiceSettings> settings() {
		Map<String, ServiceSettings> settings = new LinkedHashMap<>();
		ConfigurationContract.SERVICES.forEach((module) -> settings.put(module, ServiceSettings.of(ROOT, module)));
		return settings;
	}

	@Nested
	class Kubernetes {

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void containerListensOnTheServersPort(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			SoftAssertions.assertSoftly((softly) -> SETTINGS.forEach((module, settings) -> {
				Map<String, String> literals = literals(deployment.environment(module));
				softly.assertThat(deployment.containerPort(module, "http"))
					.as("%s: %s containerPort vs server.port", overlay, module)
					.isEqualTo(settings.port(literals));
			}));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void probesAskTheActuatorHealthGroupsOnTheServersPort(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			SoftAssertions.assertSoftly((softly) -> SETTINGS.keySet().forEach((module) -> {
				Manifest container = deployment.container(module);
				Map<String, String> probes = Map.of("startupProbe", LIVENESS, "livenessProbe", LIVENESS,
						"readinessProbe", READINESS);
				probes.forEach((probe, path) -> {
					softly.assertThat(container.string(probe + ".httpGet.path"))
						.as("%s: %s %s path", overlay, module, probe)
						.isEqualTo(path);
					String port = String.valueOf(container.string(probe + ".httpGet.port"));
					softly
						.assertThat(
								port.matches("\\d+") ? Integer.parseInt(port) : deployment.containerPort(module, port))
						.as("%s: %s %s port", overlay, module, probe)
						.isEqualTo(deployment.containerPort(module, "http"));
				});
			}));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void environmentIsWhatEachServiceReads(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			Map<String, Map<Integer, String>> routes = deployment.routes();
			List<String> problems = SETTINGS.values()
				.stream()
				.flatMap((settings) -> EnvironmentRules
					.check(overlay, settings, deployment.environment(settings.module()), routes)
					.stream())
				.toList();
			assertThat(problems).isEmpty();
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void everyDeploymentRunsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			assertThat(deployment.all("Deployment")).isNotEmpty();
			SoftAssertions.assertSoftly((softly) -> deployment.all("Deployment").forEach((object) -> {
				Manifest pod = object.map("spec.template.spec");
				Set<String> emptyDirs = Set.copyOf(pod.maps("volumes")
					.stream()
					.filter((volume) -> volume.has("emptyDir"))
					.map((volume) -> volume.string("name"))
					.toList());
				for (Manifest container : pod.maps("containers")) {
					String name = overlay + ": " + object.name() + "/" + container.string("name");
					softly.assertThat(flag(container, pod, "runAsNonRoot")).as("%s runAsNonRoot", name).isTrue();
					softly.assertThat(container.string("securityContext.readOnlyRootFilesystem"))
						.as("%s readOnlyRootFilesystem", name)
						.isEqualTo("true");
					softly.assertThat(container.string("securityContext.allowPrivilegeEscalation"))
						.as("%s allowPrivilegeEscalation", name)
						.isEqualTo("false");
					softly.assertThat(container.strings("securityContext.capabilities.drop"))
						.as("%s capabilities.drop", name)
						.contains("ALL");
					String seccomp = container.has("securityContext.seccompProfile")
							? container.string("securityContext.seccompProfile.type")
							: pod.string("securityContext.seccompProfile.type");
					softly.assertThat(seccomp).as("%s seccomp profile", name).isEqualTo("RuntimeDefault");
					softly.assertThat(container.maps("volumeMounts"))
						.as("%s mounts an emptyDir on /tmp", name)
						.anyMatch((mount) -> "/tmp".equals(mount.string("mountPath"))
								&& emptyDirs.contains(mount.string("name")));
				}
			}));
		}

		/** Kubernetes path matching: Exact, or Prefix by whole path elements. */
		private static boolean routes(Manifest path, String request) {
			String rule = path.string("path");
			if ("Exact".equals(path.string("pathType"))) {
				return request.equals(rule);
			}
			String prefix = rule.endsWith("/") ? rule : rule + "/";
			return request.equals(rule) || request.startsWith(prefix) || "/".equals(rule);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void theIngressRoutesToTheGatewayOnly(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			List<Manifest> backends = deployment.all("Ingress")
				.stream()
				.flatMap((ingress) -> Stream.concat(
						ingress.maps("spec.rules").stream().flatMap((rule) -> rule.maps("http.paths").stream()),
						ingress.has("spec.defaultBackend") ? Stream.of(ingress.map("spec")) : Stream.empty()))
				.map((path) -> path.has("backend") ? path.map("backend") : path.map("defaultBackend"))
				.toList();
			assertThat(backends).isNotEmpty()
				.allSatisfy((backend) -> assertThat(backend.string("service.name"))
					.isEqualTo(ConfigurationContract.GATEWAY));
			List<String> gatewayPorts = deployment.get("Service", ConfigurationContract.GATEWAY)
				.maps("spec.ports")
				.stream()
				.flatMap((port) -> Stream.of(port.string("name"), port.string("port")))
				.toList();
			assertThat(backends)
				.allSatisfy((backend) -> assertThat(gatewayPorts).contains(backend.has("service.port.name")
						? backend.string("service.port.name") : backend.string("service.port.number")));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void theIngressRoutesThePublicApiButNotTheActuator(String overlay) {
			List<Manifest> paths = KubernetesDeployment.render(ROOT, overlay)
				.all("Ingress")
				.stream()
				.flatMap((ingress) -> ingress.maps("spec.rules").stream())
				.flatMap((rule) -> rule.maps("http.paths").stream())
				.toList();

			assertThat(List.of("/v1/deployments/d-1/executions", "/v1/executions/e-1", "/node/deployment-trigger/d-1/",
					"/flux/api-v2", "/docs/index.html", "/openapi.yaml"))
				.allSatisfy((request) -> assertThat(paths).as(request).anyMatch((path) -> routes(path, request)));
			assertThat(List.of("/actuator/prometheus", "/actuator/health", "/actuator"))
				.allSatisfy((request) -> assertThat(paths).as(request).noneMatch((path) -> routes(path, request)));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void networkPoliciesAdmitOnlyTheCallersEachServiceHas(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			NetworkPolicies policies = new NetworkPolicies(deployment.all("NetworkPolicy"));
			Map<String, Map<String, Object>> servicePods = new HashMap<>();
			ConfigurationContract.SERVICES.forEach((module) -> servicePods.put(module, podLabels(deployment, module)));
			// key-service asks deployment-service about a new key's deployments.
			Map<String, Set<Peer>> allowed = Map.of(ConfigurationContract.GATEWAY,
					Set.of(Peer.INGRESS_CONTROLLER, Peer.PROMETHEUS), "key-service",
					Set.of(Peer.GATEWAY, Peer.PROMETHEUS), "deployment-service",
					Set.of(Peer.GATEWAY, Peer.KEY_SERVICE, Peer.PROMETHEUS), "delivery-service",
					Set.of(Peer.GATEWAY, Peer.PROMETHEUS), "flow-runner-service", Set.of(Peer.PROMETHEUS));
			SoftAssertions.assertSoftly((softly) -> allowed.forEach((module, peers) -> {
				Map<String, Object> labels = podLabels(deployment, module);
				List<Admission> admissions = policies.admissions(labels, servicePods);
				softly.assertThat(policies.isolating(labels)).as("%s: %s is isolated", overlay, module).isNotEmpty();
				softly.assertThat(admissions.stream().map(Admission::peer).distinct())
					.as("%s: sources admitted to %s (%s)", overlay, module, admissions)
					.containsExactlyInAnyOrderElementsOf(peers);
				int port = deployment.containerPort(module, "http");
				softly.assertThat(admissions)
					.as("%s: %s admits only its http port", overlay, module)
					.allSatisfy((admission) -> assertThat(admission.ports()).isNotEmpty()
						.allMatch((p) -> p.equals("http") || p.equals(Integer.toString(port))));
			}));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void gatewayAndRunnerAutoscaleAndTheRunnerNoFurtherThanThePartitions(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			for (String module : List.of(ConfigurationContract.GATEWAY, "flow-runner-service")) {
				Manifest hpa = deployment.get("HorizontalPodAutoscaler", module);
				assertThat(hpa.string("spec.scaleTargetRef.kind")).isEqualTo("Deployment");
				assertThat(hpa.string("spec.scaleTargetRef.name")).isEqualTo(module);
				assertThat(Integer.parseInt(hpa.string("spec.minReplicas"))).isBetween(1,
						Integer.parseInt(hpa.string("spec.maxReplicas")));
				assertThat(deployment.get("Deployment", module).has("spec.replicas"))
					.as("%s: %s replicas belong to its autoscaler", overlay, module)
					.isFalse();
			}
			assertThat(Integer
				.parseInt(deployment.get("HorizontalPodAutoscaler", "flow-runner-service").string("spec.maxReplicas")))
				.as("runners beyond the partitions of %s would idle", Topics.EXECUTIONS_REQUESTED.name())
				.isLessThanOrEqualTo(Topics.EXECUTIONS_REQUESTED.partitions());
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.flowgate.system.ops.ManifestsTest#overlays")
		void everyServiceHasADisruptionBudget(String overlay) {
			KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
			SoftAssertions.assertSoftly((softly) -> SETTINGS.keySet()
				.forEach((module) -> softly.assertThat(deployment.all("PodDisruptionBudget"))
					.as("%s: a PodDisruptionBudget selecting %s", overlay, module)
					.anyMatch((pdb) -> NetworkPolicies.selects(pdb.map("spec.selector"),
							podLabels(deployment, module)))));
		}

		@Test
		void baseImagesAreTheOnesTheImagesProfileBuilds() {
			KubernetesDeployment base = KubernetesDeployment.render(ROOT, "k8s/base");
			SETTINGS.keySet()
				.forEach((module) -> assertThat(base.container(module).string("image"))
					.isEqualTo(ImageSettings.imageName(ROOT, module)));
		}

		private static Map<String, Object> podLabels(KubernetesDeployment deployment, String module) {
			return deployment.get("Deployment", module).map("spec.template.metadata.labels").content();
		}

		private static boolean flag(Manifest container, Manifest pod, String name) {
			String value = container.has("securityContext." + name) ? container.string("securityContext." + name)
					: pod.string("securityContext." + name);
			return "true".equals(value);
		}

	}

	@Nested
	class Compose {

		private final ComposeDeployment compose = ComposeDeployment.read(ROOT);

		@Test
		void healthChecksAskReadinessOnTheManagementPort() {
			SoftAssertions.assertSoftly((softly) -> SETTINGS.forEach((module, settings) -> {
				var url = this.compose.healthCheckUrl(module);
				softly.assertThat(url.getPath()).as("%s health check path", module).isEqualTo(READINESS);
				softly.assertThat(url.getPort())
					.as("%s health check port vs the management port", module)
					.isEqualTo(settings.managementPort(this.compose.literals(module)));
			}));
		}

		@Test
		void environmentIsWhatEachServiceReads() {
			Map<String, Map<Integer, String>> routes = this.compose.routes(SETTINGS);
			List<String> problems = SETTINGS.values()
				.stream()
				.flatMap((settings) -> EnvironmentRules
					.check(this.compose, settings, this.compose.environment(settings.module()), routes)
					.stream())
				.toList();
			assertThat(problems).isEmpty();
		}

		/**
		 * An unset .env entry must not replace a service's default with an empty string.
		 */
		@Test
		void emptyFallbacksOnlyWhereTheServiceDefaultIsEmpty() {
			SoftAssertions.assertSoftly((softly) -> SETTINGS
				.forEach((module, settings) -> this.compose.environment(module).forEach((variable, value) -> {
					boolean emptyFallback = !value.isLiteral() && value.reference().endsWith(":-}");
					if (emptyFallback && settings.reads(variable)) {
						softly.assertThat(settings.variables().get(variable).orElse(""))
							.as("%s: %s falls back to empty, but the service's default is", module, variable)
							.isEmpty();
					}
				})));
		}

		@Test
		void onlyTheGatewayIsPublished() {
			for (String service : List.of("kafka", "mongodb", "key-service", "deployment-service",
					"flow-runner-service", "delivery-service")) {
				assertThat(this.compose.service(service).has("ports")).as("%s publishes ports", service).isFalse();
			}
			int port = SETTINGS.get(ConfigurationContract.GATEWAY)
				.port(this.compose.literals(ConfigurationContract.GATEWAY));
			assertThat(this.compose.service(ConfigurationContract.GATEWAY).strings("ports")).singleElement()
				.satisfies((mapping) -> assertThat(mapping).endsWith(":" + port));
		}

		@Test
		void theGatewaysPublishedPortDoesNotServeTheActuator() {
			Map<String, String> literals = this.compose.literals(ConfigurationContract.GATEWAY);
			ServiceSettings gateway = SETTINGS.get(ConfigurationContract.GATEWAY);

			assertThat(gateway.managementPort(literals)).isNotEqualTo(gateway.port(literals));
			assertThat(this.compose.service(ConfigurationContract.GATEWAY).strings("ports"))
				.noneMatch((mapping) -> mapping.endsWith(":" + gateway.managementPort(literals)));
		}

		@Test
		void servicesRunOnAReadOnlyRootFilesystemWithoutCapabilities() {
			SoftAssertions.assertSoftly((softly) -> SETTINGS.keySet().forEach((module) -> {
				Manifest service = this.compose.service(module);
				softly.assertThat(service.string("read_only")).as("%s read_only", module).isEqualTo("true");
				softly.assertThat(service.strings("tmpfs")).as("%s tmpfs", module).contains("/tmp");
				softly.assertThat(service.strings("cap_drop")).as("%s cap_drop", module).contains("ALL");
				softly.assertThat(service.strings("security_opt"))
					.as("%s security_opt", module)
					.contains("no-new-privileges:true");
				softly.assertThat(service.string("image"))
					.as("%s image", module)
					.isEqualTo(ImageSettings.imageName(ROOT, module));
			}));
		}

		@Test
		void servicesStartOnceKafkaAndTheirReplicaSetAreReady() {
			SoftAssertions.assertSoftly((softly) -> SETTINGS.forEach((module, settings) -> {
				Manifest dependsOn = this.compose.service(module).map("depends_on");
				softly.assertThat(dependsOn.string("kafka.condition"))
					.as("%s waits for Kafka", module)
					.isEqualTo("service_healthy");
				if (settings.mongoDatabase().isPresent()) {
					softly.assertThat(dependsOn.string("mongodb-init.condition"))
						.as("%s waits for the replica set", module)
						.isEqualTo("service_completed_successfully");
				}
			}));
		}

	}

	private static Map<String, String> literals(Map<String, EnvValue> environment) {
		Map<String, String> literals = new LinkedHashMap<>();
		environment.forEach((key, value) -> {
			if (value.isLiteral()) {
				literals.put(key, value.literal());
			}
		});
		return literals;
	}

}
