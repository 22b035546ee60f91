package dev.flowgate.system.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the features
 * Flowgate's manifests use, so the tests need no kustomize binary (Debian's kubectl 1.20
 * bundles one too old for these overlays). Anything else fails loudly instead of being
 * skipped. Generated ConfigMaps keep their plain name (no content hash);
 * {@link KustomizeFidelityTest} compares this renderer with a real kustomize where one is
 * installed.
 */
final class Kustomize {

	private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources",
			"configMapGenerator", "generatorOptions", "replicas", "images", "patches");

	private Kustomize() {
	}

	static List<Manifest> build(Path directory) {
		Manifest kustomization = new Manifest(YamlDocuments.readMap(directory.resolve("kustomization.yaml")));
		List<String> unsupported = kustomization.content()
			.keySet()
			.stream()
			.filter((key) -> !SUPPORTED.contains(key))
			.toList();
		if (!unsupported.isEmpty()) {
			throw new IllegalStateException("Kustomize (test renderer) does not support " + unsupported + " in "
					+ directory + "; extend it or check the overlay with deploy/validate.sh");
		}
		List<Manifest> resources = new ArrayList<>();
		for (String entry : kustomization.strings("resources")) {
			resources.addAll(load(directory.resolve(entry).normalize()));
		}
		generateConfigMaps(kustomization, resources);
		for (Manifest patch : kustomization.maps("patches")) {
			KustomizePatch.apply(patch, directory, resources);
		}
		setReplicas(kustomization, resources);
		setImages(kustomization, resources);
		String namespace = kustomization.string("namespace");
		if (namespace != null) {
			resources.stream()
				.filter((resource) -> !"Namespace".equals(resource.kind()))
				.forEach((resource) -> metadata(resource).put("namespace", namespace));
		}
		return resources;
	}

	private static List<Manifest> load(Path resource) {
		if (Files.isDirectory(resource)) {
			return build(resource);
		}
		return YamlDocuments.read(resource).stream().map(Kustomize::copy).toList();
	}

	private static void generateConfigMaps(Manifest kustomization, List<Manifest> resources) {
		Map<String, Object> labels = kustomization.map("generatorOptions.labels").content();
		for (Manifest generator : kustomization.maps("configMapGenerator")) {
			if (generator.has("envs") || generator.has("files")) {
				throw new IllegalStateException("configMapGenerator " + generator.string("name")
						+ ": only literals are supported by the test renderer");
			}
			Map<String, Object> data = new LinkedHashMap<>();
			for (String literal : generator.strings("literals")) {
				int separator = literal.indexOf('=');
				data.put(literal.substring(0, separator), literal.substring(separator + 1));
			}
			String name = generator.string("name");
			String behavior = (generator.string("behavior") != null) ? generator.string("behavior") : "create";
			if ("create".equals(behavior)) {
				Map<String, Object> metadata = new LinkedHashMap<>(Map.of("name", name));
				if (!labels.isEmpty()) {
					metadata.put("labels", new LinkedHashMap<>(labels));
				}
				resources.add(new Manifest(new LinkedHashMap<>(
						Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", metadata, "data", data))));
			}
			else if ("merge".equals(behavior)) {
				Manifest existing = resources.stream()
					.filter((resource) -> resource.is("ConfigMap", name))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("no ConfigMap " + name + " to merge into"));
				existing.content().computeIfAbsent("data", (key) -> new LinkedHashMap<String, Object>());
				existing.map("data").content().putAll(data);
			}
			else {
				throw new IllegalStateException("configMapGenerator behavior " + behavior + " is not supported");
			}
		}
	}

	private static void setReplicas(Manifest kustomization, List<Manifest> resources) {
		for (Manifest replicas : kustomization.maps("replicas")) {
			Manifest deployment = resources.stream()
				.filter((resource) -> resource.is("Deployment", replicas.string("name")))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("replicas: no Deployment " + replicas.string("name")));
			deployment.map("spec").content().put("replicas", replicas.content().get("count"));
		}
	}

	private static void setImages(Manifest kustomization, List<Manifest> resources) {
		for (Manifest image : kustomization.maps("images")) {
			for (Manifest resource : resources) {
				for (Manifest container : resource.maps("spec.template.spec.containers")) {
					String current = container.string("image");
					int tag = current.lastIndexOf(':');
					String name = (tag > current.lastIndexOf('/')) ? current.substring(0, tag) : current;
					if (name.equals(image.string("name"))) {
						String newName = (image.string("newName") != null) ? image.string("newName") : name;
						String newTag = (image.string("newTag") != null) ? image.string("newTag")
								: current.substring(name.length() + 1);
						container.content().put("image", newName + ":" + newTag);
					}
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> metadata(Manifest resource) {
		return (Map<String, Object>) resource.content().computeIfAbsent("metadata", (key) -> new LinkedHashMap<>());
	}

	private static Manifest copy(Object document) {
		return new Manifest(KustomizePatch.deepCopyMap(document));
	}

}
