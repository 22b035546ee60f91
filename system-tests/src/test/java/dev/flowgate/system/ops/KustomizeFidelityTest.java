package dev.flowgate.system.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tests' own renderer ({@link Kustomize}) against a real kustomize, object by object,
 * where one (kustomize, or kubectl with kustomize v4 or newer) is on the PATH; skipped,
 * saying so, elsewhere.
 */
class KustomizeFidelityTest {

	private static final Path ROOT = RepositoryRoot.find();

	private static final Optional<List<String>> KUSTOMIZE = findKustomize();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "k8s/base", "k8s/overlays/dev", "k8s/overlays/production", "k8s/operators/strimzi/dev",
			"k8s/operators/strimzi/production", "k8s/operators/mongodb/dev", "k8s/operators/mongodb/production" })
	void rendersLikeKustomize(String directory) throws Exception {
		assumeTrue(KUSTOMIZE.isPresent(), "no kustomize (or kubectl with kustomize v4+) on the PATH");
		Map<String, Object> ours = byIdentity(Kustomize.build(ROOT.resolve(directory)));
		Set<String> generated = ours.keySet()
			.stream()
			.filter((id) -> id.startsWith("ConfigMap/"))
			.map((id) -> id.substring(id.lastIndexOf('/') + 1))
			.collect(Collectors.toSet());
		List<Manifest> theirs = YamlDocuments.parse(run(directory))
			.stream()
			.map((document) -> new Manifest(KustomizePatch.deepCopyMap(withoutHashSuffix(document, generated))))
			.toList();
		assertThat(byIdentity(theirs)).isEqualTo(ours);
	}

	private static Map<String, Object> byIdentity(List<Manifest> objects) {
		Map<String, Object> byIdentity = new LinkedHashMap<>();
		objects.forEach((object) -> byIdentity
			.put(object.kind() + "/" + object.string("metadata.namespace") + "/" + object.name(), object.content()));
		return byIdentity;
	}

	/**
	 * kustomize names generated ConfigMaps name-hash and rewrites references to match.
	 */
	@SuppressWarnings("unchecked")
	private static Object withoutHashSuffix(Object value, Set<String> generated) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> {
				String name = (item instanceof String text && "name".equals(key)) ? text : null;
				if (name != null && name.matches(".*-[a-z0-9]{10}")
						&& generated.contains(name.substring(0, name.length() - 11))) {
					copy.put("name", name.substring(0, name.length() - 11));
				}
				else {
					copy.put(key.toString(), withoutHashSuffix(item, generated));
				}
			});
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map((item) -> withoutHashSuffix(item, generated)).toList();
		}
		return value;
	}

	private static String run(String directory) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(KUSTOMIZE.get());
		command.add(ROOT.resolve(directory).toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
			.isZero();
		return new String(output, StandardCharsets.UTF_8);
	}

	private static Optional<List<String>> findKustomize() {
		if (succeeds(List.of("kustomize", "version"))) {
			return Optional.of(List.of("kustomize", "build"));
		}
		String version = output(List.of("kubectl", "version", "--client"));
		if (version.matches("(?s).*Kustomize Version: v([4-9]|[1-9][0-9]).*")) {
			return Optional.of(List.of("kubectl", "kustomize"));
		}
		return Optional.empty();
	}

	private static boolean succeeds(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String output(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}
