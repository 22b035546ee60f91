package dev.flowgate.gateway.domain.key;

import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.domain.limit.ManagementBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

	@Test
	void takesManagementCallsFromTheOwnersBudgetOnlyWithManageAccess() {
		assertThat(caller(KeyScope.MANAGE).managementBudget()).isEqualTo(ManagementBudget.ofOwner("owner-1"));
		assertThat(caller(KeyScope.RUN, KeyScope.MANAGE).managementBudget())
			.isEqualTo(ManagementBudget.ofOwner("owner-1"));
		assertThat(caller(KeyScope.RUN).managementBudget()).isEqualTo(ManagementBudget.ofKey("key-1"));
	}

	@Test
	void readsTracesOnlyWithManageAccess() {
		assertThat(caller(KeyScope.MANAGE).readsTraces()).isTrue();
		assertThat(caller(KeyScope.RUN, KeyScope.MANAGE).readsTraces()).isTrue();
		assertThat(caller(KeyScope.RUN).readsTraces()).isFalse();
	}

	private static Caller caller(KeyScope... scopes) {
		return new Caller("key-1", "owner-1", Set.of(scopes), Set.of(), null);
	}

}
