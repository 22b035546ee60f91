package dev.flowgate.internal;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as typed: Jackson's default would turn {@code 1.5} into the
 * whole number 1, {@code "30"} into 30 and {@code 5} into the name "5", and would keep
 * the last value of a field sent twice, and would skip a member it does not know (a typo,
 * or a read-only member like a key's {@code status}); the caller would never learn that
 * what is stored is not what was sent. (What a service stored itself it reads leniently:
 * an older version may have written members this one dropped.)
 */
final class StrictBodies {

	private StrictBodies() {
	}

	static JsonMapper.Builder apply(JsonMapper.Builder builder) {
		return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
