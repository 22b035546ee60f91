package dev.flowgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks the answers of the native and management API against the OpenAPI document: each
 * answer's status must be documented for its path template and method, and its JSON body
 * must match the documented schema, read with its objects closed ({@link ClosedSchemas}:
 * a member the document does not describe is a mismatch). Collects what does not, for one
 * assertion at the end of a test, and which documented operations no answer met. The
 * compatible APIs ({@code /node/...}, {@code /flux/...}), the documents themselves and
 * actuator are not checked: they answer in shapes of their own.
 */
public final class OpenApiContract implements Api.AnswerListener {

	/** The document the gateway serves at {@code /openapi.yaml}. */
	public static final Path GATEWAY_DOCUMENT = Path.of("..", "api-gateway-service", "src", "main", "resources",
			"openapi", "flowgate.yaml");

	/** The methods an OpenAPI path item may describe an operation of. */
	static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

	private static final List<String> UNCHECKED = List.of("/node/", "/flux/", "/openapi.", "/docs", "/actuator");

	// Never fetched: the registry holds the document under this id, $refs resolve in it.
	private static final String DOCUMENT_ID = "https://flowgate.invalid/openapi.json";

	private final JsonNode document;

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	// A poll repeats the same answer: each violation is listed once.
	private final Set<Violation> violations = Collections.synchronizedSet(new LinkedHashSet<>());

	private final AtomicInteger checked = new AtomicInteger();

	private final Set<String> met = ConcurrentHashMap.newKeySet();

	private OpenApiContract(JsonNode document) {
		this.document = document;
		String json = Api.JSON.writeValueAsString(ClosedSchemas.close(document));
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
				(builder) -> builder.schemaRegistryConfig(config).schemas(Map.of(DOCUMENT_ID, json)));
	}

	public static OpenApiContract load(Path file) {
		try {
			return parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static OpenApiContract parse(String yaml) {
		return new OpenApiContract(YAMLMapper.builder().build().readTree(yaml));
	}

	@Override
	public void answered(String method, String path, Api.Response response) {
		template(path).filter((template) -> this.document.at(operationPointer(template, method)).isObject())
			.ifPresent((template) -> this.met.add(method.toUpperCase(Locale.ROOT) + " " + template));
		if (UNCHECKED.stream().noneMatch(path::startsWith)) {
			this.checked.incrementAndGet();
			problems(method.toLowerCase(Locale.ROOT), path, response)
				.forEach((problem) -> this.violations.add(new Violation(method, path, response.status(), problem)));
		}
	}

	/**
	 * How many answers were checked, to tell an empty list of violations from no check.
	 */
	public int checked() {
		return this.checked.get();
	}

	/**
	 * The documented operations ({@code GET /v1/keys/{keyId}}) that no answer met so far,
	 * whatever its status, the compatible APIs' and the documents' included.
	 */
	public List<String> operationsNeverMet() {
		List<String> neverMet = new ArrayList<>();
		this.document.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.stream()
				.filter(METHODS::contains)
				.map((method) -> method.toUpperCase(Locale.ROOT) + " " + path.getKey())
				.filter((operation) -> !this.met.contains(operation))
				.forEach(neverMet::add));
		return neverMet.stream().sorted().toList();
	}

	/** What broke so far, in the order the answers came. */
	public List<Violation> violations() {
		synchronized (this.violations) {
			return List.copyOf(this.violations);
		}
	}

	private List<String> problems(String method, String path, Api.Response response) {
		Optional<String> template = template(path);
		if (template.isEmpty()) {
			return List.of("no such path in the document");
		}
		String operation = operationPointer(template.get(), method);
		JsonNode responses = this.document.at(operation + "/responses");
		if (responses.isMissingNode()) {
			return List.of(template.get() + ": method not documented");
		}
		Optional<String> status = statusKey(responses, response.status());
		if (status.isEmpty()) {
			return List.of(template.get() + ": status not documented (documented: "
					+ String.join(", ", responses.propertyNames()) + ")");
		}
		return bodyProblems(template.get(), resolve(operation + "/responses/" + status.get()), response);
	}

	private List<String> bodyProblems(String template, String responsePointer, Api.Response response) {
		JsonNode content = this.document.at(responsePointer + "/content");
		if (response.body().isBlank()) {
			return content.isMissingNode() || content.isEmpty() ? List.of()
					: List.of(template + ": no body, documented: " + content.propertyNames());
		}
		String mediaType = response.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
		if (!content.has(mediaType)) {
			return List.of(template + ": answers " + mediaType + ", documented: "
					+ (content.isMissingNode() ? "no body" : content.propertyNames()));
		}
		String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
		if (!mediaType.endsWith("json") || this.document.at(schemaPointer).isMissingNode()) {
			return List.of();
		}
		return schemaProblems(template, schemaPointer, response.body());
	}

	private List<String> schemaProblems(String template, String schemaPointer, String body) {
		JsonNode answer;
		try {
			answer = Api.JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return List.of(template + ": not JSON: " + ex.getOriginalMessage());
		}
		List<String> problems = new ArrayList<>();
		for (Error error : schema(schemaPointer).validate(answer)) {
			problems.add(template + ": " + error.getInstanceLocation() + " " + error.getMessage());
		}
		return problems;
	}

	private Schema schema(String pointer) {
		return this.schemas.computeIfAbsent(pointer,
				(key) -> this.registry.getSchema(SchemaLocation.of(DOCUMENT_ID + "#" + key)));
	}

	/** The path template the path matches, the one with the most literal segments. */
	private Optional<String> template(String path) {
		return this.document.get("paths")
			.propertyNames()
			.stream()
			.filter((template) -> matches(template, path))
			.max(Comparator.comparingLong((template) -> literalSegments(template)));
	}

	private static boolean matches(String template, String path) {
		String[] expected = template.split("/", -1);
		String[] actual = path.split("/", -1);
		if (expected.length != actual.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			boolean parameter = expected[i].startsWith("{") && !actual[i].isEmpty();
			if (!parameter && !expected[i].equals(actual[i])) {
				return false;
			}
		}
		return true;
	}

	private static String operationPointer(String template, String method) {
		return "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
	}

	private static long literalSegments(String template) {
		return List.of(template.split("/")).stream().filter((segment) -> !segment.startsWith("{")).count();
	}

	/** The exact status, else its range ({@code 4XX}), else {@code default}. */
	private static Optional<String> statusKey(JsonNode responses, int status) {
		return List.of(String.valueOf(status), (status / 100) + "XX", "default")
			.stream()
			.filter(responses::has)
			.findFirst();
	}

	/** Follows a response's {@code $ref} within the document. */
	private String resolve(String pointer) {
		JsonNode ref = this.document.at(pointer + "/$ref");
		return ref.isString() ? resolve(ref.asString().substring(1)) : pointer;
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	/** One answer that broke the document. */
	public record Violation(String method, String path, int status, String problem) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " " + this.status + ": " + this.problem;
		}

	}

}
