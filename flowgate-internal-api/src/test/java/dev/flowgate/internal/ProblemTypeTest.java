package dev.flowgate.internal;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {

	@Test
	void makesProblemsOfItsTypeStatusAndTitle() {
		ProblemDetail problem = ProblemType.LIMIT_REACHED
			.problem("The owner has 100 deployments, the most one may have");

		assertThat(problem.getType()).hasToString("/problems/limit-reached");
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getTitle()).isEqualTo("Limit reached");
		assertThat(problem.getDetail()).isEqualTo("The owner has 100 deployments, the most one may have");
	}

	@Test
	void namesEachTypeByAPathOfItsOwn() {
		assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates()
			.allSatisfy((uri) -> assertThat(uri.getPath()).matches("/problems/[a-z]+(-[a-z]+)*"));
	}

	@Test
	void findsATypeByItsLastSegmentOnly() {
		assertThat(ProblemType.ofSlug("in-use")).contains(ProblemType.IN_USE);
		assertThat(ProblemType.ofSlug("IN_USE")).isEmpty();
		assertThat(ProblemType.ofSlug("")).isEmpty();
	}

}
