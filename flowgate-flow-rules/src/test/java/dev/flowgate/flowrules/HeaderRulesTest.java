package dev.flowgate.flowrules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderRulesTest {

	@Test
	void takesAsATokenOnlyTheCharactersItsMessageNames() {
		assertThat(HeaderRules.isToken("X-Trace_Id.v2")).isTrue();
		assertThat(HeaderRules.isToken("X Trace")).isFalse();
		assertThat(HeaderRules.isToken("X-Tr\u00e4ce")).isFalse();
		String allowedMarks = HeaderRules.TOKEN_CHARACTERS.substring(HeaderRules.TOKEN_CHARACTERS.lastIndexOf(' ') + 1);
		assertThat(HeaderRules.isToken(allowedMarks)).isTrue();
	}

	@Test
	void leavesTheMessageFramingHeadersToTheClientInAnyCase() {
		assertThat(HeaderRules.isRestricted("Content-Length")).isTrue();
		assertThat(HeaderRules.isRestricted("HOST")).isTrue();
		assertThat(HeaderRules.isRestricted("Content-Type")).isFalse();
	}

	@Test
	void findsCharactersThatWouldSplitAHeader() {
		assertThat(HeaderRules.breaksLine("a\r\nX-Injected: 1")).isTrue();
		assertThat(HeaderRules.breaksLine("a\u0000")).isTrue();
		assertThat(HeaderRules.breaksLine("Bearer abc")).isFalse();
	}

}
