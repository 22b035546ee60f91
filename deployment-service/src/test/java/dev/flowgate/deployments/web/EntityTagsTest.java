package dev.flowgate.deployments.web;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.ExpectedRevision;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTest {

	@Test
	void expectsAnyRevisionWithoutIfMatchOrWithAWildcard() {
		assertThat(EntityTags.expected(null)).isEqualTo(ExpectedRevision.ANY);
		assertThat(EntityTags.expected("*")).isEqualTo(ExpectedRevision.ANY);
		assertThat(EntityTags.expected("\"3\", *")).isEqualTo(ExpectedRevision.ANY);
	}

	@Test
	void expectsEveryStrongTagListed() {
		ExpectedRevision expected = EntityTags.expected("\"3\" , \"5\"");

		assertThat(expected.matches(3)).isTrue();
		assertThat(expected.matches(5)).isTrue();
		assertThat(expected.matches(4)).isFalse();
	}

	@Test
	void matchesNoRevisionWithWeakOrForeignTags() {
		ExpectedRevision expected = EntityTags.expected("W/\"3\", \"abc\", 3, \"\", \"");

		assertThat(expected.any()).isFalse();
		assertThat(expected.revisions()).isEmpty();
	}

	@Test
	void tagsARevisionAsAStrongETag() {
		assertThat(EntityTags.of(12)).isEqualTo("\"12\"");
	}

}
