package dev.flowgate.system.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML files (one or more documents each) as plain maps and lists. */
final class YamlDocuments {

	private YamlDocuments() {
	}

	static List<Object> read(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			return readAll(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Object> parse(String yaml) {
		return readAll(new StringReader(yaml));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> readMap(Path file) {
		List<Object> documents = read(file);
		if (documents.size() != 1 || !(documents.get(0) instanceof Map)) {
			throw new IllegalStateException(file + " must hold exactly one YAML mapping");
		}
		return (Map<String, Object>) documents.get(0);
	}

	private static List<Object> readAll(Reader reader) {
		List<Object> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
			if (document != null) {
				documents.add(document);
			}
		}
		return documents;
	}

}
