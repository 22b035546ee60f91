package dev.flowgate.flowrules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flowgate.flowrules.Placeholders.Placeholder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PlaceholdersTest {

	/** What templates meant before: the same placeholders must be found. */
	private static final Pattern REGEX = Pattern.compile("\\{\\{(.*?)}}");

	@Test
	void findsEachReferenceUpToTheFirstClosingBraces() {
		assertThat(Placeholders.in("Hello {{input.name}}, {{ greet.text }}!"))
			.containsExactly(new Placeholder(6, 20, "input.name"), new Placeholder(22, 38, " greet.text "));
		assertThat(Placeholders.in("{{{a}}}")).containsExactly(new Placeholder(0, 6, "{a"));
		assertThat(Placeholders.in("{{a\nb}} {{c}}")).extracting(Placeholder::reference).containsExactly("c");
		assertThat(Placeholders.in("no references {{ here")).isEmpty();
	}

	@Test
	void findsWhatTheRegularExpressionFindsInAnyText() {
		Random random = new Random(42);
		String alphabet = "{{}}a.\n\r";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int length = random.nextInt(24); length > 0; length--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(Placeholders.in(text.toString())).as("in %s", text.toString().replace("\n", "\\n"))
				.isEqualTo(byRegex(text.toString()));
		}
	}

	@Test
	void doesNotHangOnAMegabyteOfOpeningBraces() {
		String braces = "{".repeat(1_000_000);
		String lines = "{{\n".repeat(300_000) + "}}";

		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			assertThat(Placeholders.in(braces)).isEmpty();
			assertThat(Placeholders.in(lines)).isEmpty();
		});
	}

	private static List<Placeholder> byRegex(String text) {
		List<Placeholder> found = new ArrayList<>();
		Matcher matcher = REGEX.matcher(text);
		while (matcher.find()) {
			found.add(new Placeholder(matcher.start(), matcher.end(), matcher.group(1)));
		}
		return found;
	}

}
