package dev.flowgate.gateway.web.docs;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.internal.ProblemType;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A page for each {@link ProblemType}, where the {@code type} of a problem answer points
 * (RFC 9457: a type URI that is a locator should lead to documentation of the problem),
 * and their index; without authentication, as the API's other documents.
 */
@RestController
class ProblemTypesController {

	private static final String INDEX = "/problems";

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
			<body>
			%s
			</body></html>
			""";

	@GetMapping(path = INDEX, produces = MediaType.TEXT_HTML_VALUE)
	String index() {
		String items = Arrays.stream(ProblemType.values())
			.map((type) -> "<li><a href=\"%s\">%s</a> (%d): %s</li>".formatted(type.uri(), escape(type.title()),
					type.status().value(), html(type.description())))
			.collect(Collectors.joining("\n"));
		return PAGE.formatted("Flowgate problem types", """
				<h1>Flowgate problem types</h1>
				<p>The <code>type</code> of a problem answer (RFC 9457) whose status alone does not say what went \
				wrong. Any other problem is <code>about:blank</code>: its status says it all.</p>
				<ul>
				%s
				</ul>""".formatted(items));
	}

	@GetMapping(path = ProblemType.PATH + "{slug}", produces = MediaType.TEXT_HTML_VALUE)
	String type(@PathVariable String slug) {
		ProblemType type = ProblemType.ofSlug(slug)
			.orElseThrow(() -> Rejection.notFound("No problem type '%s'; see %s".formatted(slug, INDEX)));
		return PAGE.formatted(escape(type.title()), """
				<h1>%s</h1>
				<p><code>type</code>: <code>%s</code>, status %d</p>
				<p>%s</p>
				<p><a href="%s">All problem types</a></p>""".formatted(escape(type.title()), type.uri(),
				type.status().value(), html(type.description()), INDEX));
	}

	/** The description's {@code `code`} spans as HTML, the rest escaped. */
	private static String html(String description) {
		Matcher code = CODE.matcher(escape(description));
		return code.replaceAll((span) -> Matcher.quoteReplacement("<code>" + span.group(1) + "</code>"));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
