package dev.flowgate.gateway.web;

import dev.flowgate.gateway.domain.FieldViolation;
import dev.flowgate.gateway.domain.Rejection;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerHeadersTest {

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/deployments/d/executions");

	@Test
	void takesTheKeyFromAnyOfItsHeaders() {
		this.request.addHeader("api-key", "sk-a");

		assertThat(CallerHeaders.apiKey(this.request)).isEqualTo("sk-a");
	}

	@Test
	void acceptsOneKeySentInSeveralHeaders() {
		this.request.addHeader("Authorization", "Bearer sk-a");
		this.request.addHeader("X-API-Key", "sk-a");
		this.request.addHeader("X-API-Key", " sk-a ");

		assertThat(CallerHeaders.apiKey(this.request)).isEqualTo("sk-a");
	}

	@Test
	void tellsAKeySentWithAnotherSchemeWhereItGoes() {
		this.request.addHeader("Authorization", "Token sk-a");

		assertThatThrownBy(() -> CallerHeaders.apiKey(this.request))
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAUTHENTICATED))
			.hasMessageContaining("'Bearer <API key>'");
	}

	@Test
	void takesTheKeyFromXApiKeyBesideAnotherScheme() {
		this.request.addHeader("Authorization", "Basic dXNlcjpwYXNz");
		this.request.addHeader("X-API-Key", "sk-a");

		assertThat(CallerHeaders.apiKey(this.request)).isEqualTo("sk-a");
	}

	@Test
	void rejectsARepeatedHeaderWithAnotherKey() {
		this.request.addHeader("X-API-Key", "sk-a");
		this.request.addHeader("X-API-Key", "sk-b");

		assertThatThrownBy(() -> CallerHeaders.apiKey(this.request)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.getMessage()).contains("different API keys"));
	}

	@Test
	void rejectsASecondAuthorizationWithAnotherKey() {
		this.request.addHeader("Authorization", "Bearer sk-a");
		this.request.addHeader("Authorization", "Bearer sk-b");

		assertThatThrownBy(() -> CallerHeaders.apiKey(this.request)).isInstanceOf(Rejection.class);
	}

	@Test
	void takesTheIdempotencyKeyTrimmedOrNoneWhenAbsent() {
		assertThat(CallerHeaders.idempotencyKey(this.request)).isNull();

		this.request.addHeader("idempotency-key", " order-1 ");

		assertThat(CallerHeaders.idempotencyKey(this.request)).isEqualTo("order-1");
	}

	@Test
	void rejectsABlankIdempotencyKeyNamingTheHeader() {
		this.request.addHeader("Idempotency-Key", " ");

		assertThatThrownBy(() -> CallerHeaders.idempotencyKey(this.request)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.fieldViolations())
					.containsExactly(new FieldViolation("Idempotency-Key", "must not be blank")));
	}

	@Test
	void rejectsAnIdempotencyKeyLongerThan255Characters() {
		this.request.addHeader("Idempotency-Key", "k".repeat(256));

		assertThatThrownBy(() -> CallerHeaders.idempotencyKey(this.request)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.fieldViolations())
					.containsExactly(new FieldViolation("Idempotency-Key", "must be at most 255 bytes")));
	}

}
