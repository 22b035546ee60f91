package dev.flowgate.flowrules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flowgate.flowrules.Placeholders.Placeholder;
import dev.flowgate.flowrules.Placeholders.Template;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PlaceholdersTest {

	/** What templates meant before: the same placeholders must be found. */
	private static final Pattern REGEX = Pattern.compile("\\{\\{(.*?)}}");

	/**
	 * The same with escapes, tried in this order at each place: a backslash pair before
	 * opening braces, an escaped opening, a placeholder.
	 */
	private static final Pattern ESCAPING_REGEX = Pattern.compile("\\\\\\\\(?=\\{\\{)|\\\\\\{\\{|\\{\\{(.*?)}}");

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
	void anEscapedOpeningIsItsBracesAsText() {
		Template template = Placeholders.parse("Write \\{{input.name}} for {{input.name}}");

		assertThat(template.placeholders()).containsExactly(new Placeholder(26, 40, "input.name"));
		assertThat(template.literals()).containsExactly("Write {{input.name}} for ", "");
		assertThat(Placeholders.parse("\\{{input.name}}").literals()).containsExactly("{{input.name}}");
		assertThat(Placeholders.any("\\{{input.name}}")).isFalse();
		assertThat(Placeholders.parse("\\{{{a}}}").literals()).containsExactly("{{{a}}}");
		assertThat(Placeholders.parse("\\{{{{a}}").placeholders()).containsExactly(new Placeholder(3, 8, "a"));
	}

	@Test
	void anEscapedBackslashBeforeAPlaceholderIsOneBackslash() {
		Template template = Placeholders.parse("C:\\\\{{input.dir}}\\x");

		assertThat(template.placeholders()).containsExactly(new Placeholder(4, 17, "input.dir"));
		assertThat(template.literals()).containsExactly("C:\\", "\\x");
		assertThat(Placeholders.parse("\\\\\\{{a}}").literals()).containsExactly("\\\\", "");
	}

	@Test
	void backslashesElsewhereAreThemselves() {
		assertThat(Placeholders.parse("a\\b \\}} \\{ \\ {{x}}\\").literals()).containsExactly("a\\b \\}} \\{ \\ ",
				"\\");
		assertThat(Placeholders.parse("{{a\\{{b}}").placeholders()).containsExactly(new Placeholder(0, 9, "a\\{{b"));
	}

	@Test
	void escapesAtTheEndAreText() {
		assertThat(Placeholders.parse("left {{x}} \\{{").literals()).containsExactly("left ", " {{");
		assertThat(Placeholders.parse("open \\\\{{ x").literals()).containsExactly("open \\{{ x");
		assertThat(Placeholders.parse("end\\").literals()).containsExactly("end\\");
	}

	@Test
	void singleReferenceIsOnePlaceholderAndNoText() {
		assertThat(Placeholders.parse("{{ a.b }}").isSingleReference()).isTrue();
		assertThat(Placeholders.parse("\\{{a.b}}").isSingleReference()).isFalse();
		assertThat(Placeholders.parse("\\\\{{a.b}}").isSingleReference()).isFalse();
		assertThat(Placeholders.parse("{{a}}{{b}}").isSingleReference()).isFalse();
		assertThat(Placeholders.parse("{{a}} ").isSingleReference()).isFalse();
		assertThat(Placeholders.parse("a \\{{b}} {{c}}").literal()).isEqualTo("a {{b}} ");
	}

	@Test
	void escapesAsTheRegularExpressionWithEscapesFindsThemInAnyText() {
		Random random = new Random(7);
		String alphabet = "{{}}\\\\a\n";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int length = random.nextInt(24); length > 0; length--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(Placeholders.parse(text.toString())).as("in %s", text.toString().replace("\n", "\\n"))
				.isEqualTo(byEscapingRegex(text.toString()));
		}
	}

	@Test
	void doesNotHangOnAMegabyteOfOpeningBraces() {
		String braces = "{".repeat(1_000_000);
		String lines = "{{\n".repeat(300_000) + "}}";
		String escaped = "\\{{".repeat(300_000) + "}}";
		String pairs = "\\\\{{\n".repeat(200_000) + "}}";

		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			assertThat(Placeholders.in(braces)).isEmpty();
			assertThat(Placeholders.in(lines)).isEmpty();
			assertThat(Placeholders.in(escaped)).isEmpty();
			assertThat(Placeholders.in(pairs)).isEmpty();
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

	private static Template byEscapingRegex(String text) {
		List<String> literals = new ArrayList<>();
		List<Placeholder> placeholders = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		Matcher matcher = ESCAPING_REGEX.matcher(text);
		int end = 0;
		while (matcher.find()) {
			literal.append(text, end, matcher.start());
			if (matcher.group(1) == null) {
				// A backslash pair is one backslash, an escaped opening its braces.
				literal.append(matcher.group().substring(1));
			}
			else {
				literals.add(literal.toString());
				literal.setLength(0);
				placeholders.add(new Placeholder(matcher.start(), matcher.end(), matcher.group(1)));
			}
			end = matcher.end();
		}
		literals.add(literal.append(text, end, text.length()).toString());
		return new Template(literals, placeholders);
	}

}
