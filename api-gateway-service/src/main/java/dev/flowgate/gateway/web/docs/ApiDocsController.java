package dev.flowgate.gateway.web.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document of the whole public API, in YAML and JSON, without authentication.
 * It is written by hand ({@value #LOCATION}): most routes are proxied to other services,
 * so no controller here describes them.
 */
@RestController
class ApiDocsController {

	static final String LOCATION = "openapi/flowgate.yaml";

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

	private final String yaml;

	private final String json;

	ApiDocsController() {
		this.yaml = read(LOCATION);
		Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(this.yaml);
		this.json = JsonMapper.builder().build().writeValueAsString(document);
	}

	@GetMapping("/openapi.yaml")
	ResponseEntity<String> yaml() {
		return ResponseEntity.ok().contentType(YAML).body(this.yaml);
	}

	@GetMapping("/openapi.json")
	ResponseEntity<String> json() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.json);
	}

	private static String read(String location) {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The OpenAPI document " + location + " is missing", ex);
		}
	}

}
