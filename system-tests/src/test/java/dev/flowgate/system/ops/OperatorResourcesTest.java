package dev.flowgate.system.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' custom resources (k8s/operators) against the contracts and the overlays
 * that use them: Strimzi topics as declared in {@link Topics}, the bootstrap address the
 * services get, and one MongoDB user per service, on that service's own database.
 */
class OperatorResourcesTest {

	private static final Path ROOT = RepositoryRoot.find();

	static Stream<Arguments> environments() {
		return Stream.of(Arguments.of("k8s/overlays/dev", "dev"),
				Arguments.of("k8s/overlays/production", "production"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("environments")
	void kafkaTopicsAreTheContractsTopics(String overlay, String variant) {
		List<Manifest> strimzi = Kustomize.build(ROOT.resolve("k8s/operators/strimzi/" + variant));
		String cluster = single(strimzi, "Kafka").name();
		List<Manifest> topics = strimzi.stream().filter((object) -> "KafkaTopic".equals(object.kind())).toList();
		assertThat(topics).allSatisfy((topic) -> assertThat(topic.map("metadata.labels").content())
			.containsEntry("strimzi.io/cluster", cluster));
		Map<String, Manifest> byName = topics.stream()
			.collect(Collectors.toMap(
					(topic) -> topic.has("spec.topicName") ? topic.string("spec.topicName") : topic.name(),
					(topic) -> topic));
		assertThat(byName.keySet())
			.containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
		for (TopicSpec spec : Topics.all()) {
			Manifest topic = byName.get(spec.name());
			assertThat(Integer.parseInt(topic.string("spec.partitions"))).as("%s partitions", spec.name())
				.isEqualTo(spec.partitions());
			Map<String, String> config = new LinkedHashMap<>();
			topic.map("spec.config").content().forEach((key, value) -> config.put(key, String.valueOf(value)));
			assertThat(config).as("%s config", spec.name()).containsExactlyInAnyOrderEntriesOf(spec.configs());
		}
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("environments")
	void servicesBootstrapFromTheStrimziClustersPlainListener(String overlay, String variant) {
		List<Manifest> strimzi = Kustomize.build(ROOT.resolve("k8s/operators/strimzi/" + variant));
		Manifest kafka = single(strimzi, "Kafka");
		Manifest plain = kafka.maps("spec.kafka.listeners")
			.stream()
			.filter((listener) -> "false".equals(listener.string("tls")) && "internal".equals(listener.string("type")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(variant + ": no internal plaintext listener"));
		KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
		for (String module : ConfigurationContract.SERVICES) {
			assertThat(deployment.environment(module).get("FLOWGATE_KAFKA_BOOTSTRAP").literal()).as(module)
				.isEqualTo(kafka.name() + "-kafka-bootstrap:" + plain.string("port"));
			Map<String, Object> labels = deployment.get("Deployment", module)
				.map("spec.template.metadata.labels")
				.content();
			assertThat(plain.maps("networkPolicyPeers")).as("%s: Strimzi's network policy admits %s", variant, module)
				.anyMatch((peer) -> NetworkPolicies.selects(peer.map("podSelector"), labels));
		}
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("environments")
	void eachServiceConnectsAsItsOwnMongoUserToItsOwnDatabase(String overlay, String variant) {
		List<Manifest> mongo = Kustomize.build(ROOT.resolve("k8s/operators/mongodb/" + variant));
		List<Manifest> users = single(mongo, "MongoDBCommunity").maps("spec.users");
		KubernetesDeployment deployment = KubernetesDeployment.render(ROOT, overlay);
		for (String module : ConfigurationContract.SERVICES) {
			ServiceSettings settings = ServiceSettings.of(ROOT, module);
			Manifest uri = deployment.container(module)
				.maps("env")
				.stream()
				.filter((variable) -> "FLOWGATE_MONGODB_URI".equals(variable.string("name")))
				.findFirst()
				.orElse(null);
			if (settings.mongoDatabase().isEmpty()) {
				assertThat(uri).as("%s has no database and gets no MongoDB URI", module).isNull();
				continue;
			}
			assertThat(uri).as("%s gets FLOWGATE_MONGODB_URI", module).isNotNull();
			String secret = uri.string("valueFrom.secretKeyRef.name");
			assertThat(uri.string("valueFrom.secretKeyRef.key")).isEqualTo("connectionString.standard");
			Manifest user = users.stream()
				.filter((candidate) -> secret.equals(candidate.string("connectionStringSecretName")))
				.findFirst()
				.orElseThrow(() -> new AssertionError(variant + ": no MongoDB user writes secret " + secret));
			assertThat(user.maps("roles")).as("%s's MongoDB user roles", module).singleElement().satisfies((role) -> {
				assertThat(role.string("name")).isEqualTo("readWrite");
				assertThat(role.string("db")).isEqualTo(settings.mongoDatabase().get());
			});
		}
	}

	private static Manifest single(List<Manifest> objects, String kind) {
		List<Manifest> matching = objects.stream().filter((object) -> kind.equals(object.kind())).toList();
		assertThat(matching).as("one %s", kind).hasSize(1);
		return matching.get(0);
	}

}
