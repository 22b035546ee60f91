package dev.flowgate.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.input.JsonText;
import dev.flowgate.internal.InvalidField;
import dev.flowgate.internal.JsonSyntax;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads request bodies within the size limit and parses JSON ones, so every API can
 * answer 413, 415 and 400 in its own shape.
 */
@Component
public class RequestBodies {

	private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
	};

	private final ObjectReader reader;

	private final JsonMapper mapper;

	private final long maxBytes;

	RequestBodies(JsonMapper mapper, GatewayProperties properties) {
		this.mapper = mapper;
		// A field sent twice is refused: which value the flow would see is a guess.
		this.reader = mapper.readerFor(Object.class)
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
		this.maxBytes = properties.maxBodySize().toBytes();
	}

	/**
	 * The raw body.
	 * @throws Rejection (413) when it is larger than the limit
	 */
	public byte[] read(HttpServletRequest request) {
		if (request.getContentLengthLong() > this.maxBytes) {
			throw tooLarge();
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(Math.toIntExact(this.maxBytes + 1));
			if (bytes.length > this.maxBytes) {
				throw tooLarge();
			}
			return bytes;
		}
		catch (IOException ex) {
			throw Rejection.invalidBody("The request body could not be read");
		}
	}

	/**
	 * The body as a JSON object; an empty body is an empty object. A body sent without a
	 * type is read as JSON, as clients often send it so (Python's {@code requests} with
	 * {@code data=}).
	 * @throws Rejection 413 too large, 415 not JSON or not UTF-8, 400 malformed or not an
	 * object
	 */
	public JsonNode readJsonObject(HttpServletRequest request) {
		// Before reading: a form body is gone by then, parsed into request parameters.
		if (request.getContentType() != null) {
			requireJson(request.getContentType());
		}
		byte[] bytes = read(request);
		if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
			return this.mapper.createObjectNode();
		}
		JsonNode body;
		try {
			body = this.reader.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw Rejection.invalidBody("The request body is not valid JSON: " + JsonSyntax.describe(ex));
		}
		if (!body.isObject()) {
			throw Rejection.invalidBody("The request body must be a JSON object");
		}
		return body;
	}

	/**
	 * The type to forward a body with: as sent, or JSON when none was (as
	 * {@link #readJsonObject} reads such a body), so that the service does not take it
	 * for bytes of no type.
	 * @throws Rejection (415) when the type names a charset other than UTF-8, or is
	 * malformed
	 */
	public MediaType forwardedType(HttpServletRequest request) {
		if (request.getContentType() == null) {
			return MediaType.APPLICATION_JSON;
		}
		MediaType type = parse(request.getContentType());
		requireUtf8(type);
		return type;
	}

	/**
	 * Refuses a member the body does not take: a misspelt {@code input_data} would run
	 * the flow without its inputs.
	 * @throws Rejection (400) naming the first such member and those there are
	 */
	public void refuseOtherMembers(JsonNode body, Set<String> known) {
		for (String name : body.propertyNames()) {
			if (!known.contains(name)) {
				InvalidField unknown = InvalidField.unknown(name, known);
				throw Rejection.invalidField(unknown.field(), unknown.message());
			}
		}
	}

	/** A field that must be a JSON object when present, as plain Java values. */
	public Map<String, Object> objectField(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return Map.of();
		}
		if (!value.isObject()) {
			throw Rejection.invalidField(field, "must be a JSON object");
		}
		return this.mapper.convertValue(value, MAP_TYPE);
	}

	/** Parses JSON text into plain Java values, for FluxPrompt's JSON inputs. */
	public JsonText jsonText() {
		return (text) -> {
			try {
				return Optional.ofNullable(this.reader.readValue(text));
			}
			catch (JacksonException ex) {
				return Optional.empty();
			}
		};
	}

	/** JSON in UTF-8. */
	private static void requireJson(String contentType) {
		MediaType type = parse(contentType);
		boolean json = "application".equals(type.getType())
				&& ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
		if (!json) {
			throw unsupported("The request body must be application/json, not " + contentType);
		}
		requireUtf8(type);
	}

	private static MediaType parse(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			// Malformed, or naming a charset unknown here (which Spring refuses to
			// parse).
			throw unsupported("The request body must be UTF-8 encoded application/json, not " + contentType);
		}
	}

	/** UTF-8, the only encoding JSON between systems may use (RFC 8259). */
	private static void requireUtf8(MediaType type) {
		Charset charset = type.getCharset();
		if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
			throw unsupported("The request body must be UTF-8, not " + charset.name());
		}
	}

	private static Rejection unsupported(String message) {
		return Rejection.of(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE, message);
	}

	private Rejection tooLarge() {
		return Rejection.of(Rejection.Reason.PAYLOAD_TOO_LARGE,
				"The request body is larger than " + this.maxBytes + " bytes");
	}

}
