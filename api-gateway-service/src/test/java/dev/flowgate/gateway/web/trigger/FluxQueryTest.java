package dev.flowgate.gateway.web.trigger;

import dev.flowgate.gateway.domain.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FluxQueryTest {

	@Test
	void readsTheFlowIdAmongOtherParameters() {
		assertThat(FluxQuery.flowId("x=1&flowId=f%2D1&y")).isEqualTo("f-1");
		assertThat(FluxQuery.flowId("flowId")).isEmpty();
		assertThat(FluxQuery.flowId("x=1")).isNull();
		assertThat(FluxQuery.flowId(null)).isNull();
	}

	@Test
	void refusesAFlowIdGivenTwice() {
		assertThatExceptionOfType(Rejection.class).isThrownBy(() -> FluxQuery.flowId("flowId=a&flowId=b"))
			.satisfies((rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.BAD_REQUEST))
			.withMessageContaining("more than once");
		assertThatExceptionOfType(Rejection.class).isThrownBy(() -> FluxQuery.flowId("flowId=a&flow%49d=a"));
	}

	@Test
	void refusesAnEscapeThatIsNotOne() {
		assertThatExceptionOfType(Rejection.class).isThrownBy(() -> FluxQuery.flowId("flowId=%zz"))
			.withMessageContaining("not valid");
	}

	@Test
	void refusesEscapesThatAreNotUtf8() {
		assertThatExceptionOfType(Rejection.class).isThrownBy(() -> FluxQuery.flowId("flowId=%C0%AF"))
			.withMessageContaining("UTF-8");
	}

}
