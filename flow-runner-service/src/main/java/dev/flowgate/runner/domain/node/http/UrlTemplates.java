package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.runner.domain.template.TemplateScope;
import dev.flowgate.runner.domain.template.Templates;
import dev.flowgate.runner.domain.template.TracedText;

/**
 * URLs rendered from templates keep what the template fixes. Where the template names a
 * host, no value may change it or put a user before it
 * ({@code https://api.example.com{{input.path}}} with {@code @evil.example/}); a value
 * inside the host ({@code https://{{input.shop}}.myshopify.com}) may hold only letters,
 * digits, dots and hyphens. No value may add {@code .} or {@code ..} path segments
 * ({@code /orders/{{input.id}}} with {@code ../admin}, {@code ..;/admin} or
 * {@code ..%2Fadmin}), beside dots of the template's own either
 * ({@code /docs/{{input.name}}.{{input.ext}}} with {@code ../../admin/users}): see
 * {@link DotSegments}. Either would send the flow's headers, credentials included, where
 * its author did not mean them to go. A template whose host is one reference
 * ({@code {{input.url}}}, {@code https://{{input.host}}/}) leaves the host to the value:
 * the author's choice. An escape is the template's own text
 * ({@link dev.flowgate.flowrules.Placeholders}); it writes braces or a backslash, which
 * no URL holds, so a template with one renders no valid URL and fails the node.
 */
final class UrlTemplates {

	/** A template's literal scheme and the authority after it, up to the path. */
	private static final Pattern AUTHORITY = Pattern.compile("^\\s*[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)");

	/** What a value may put into a host the template names in part. */
	private static final String HOST_VALUE = "[A-Za-z0-9.-]*";

	private static final int HTTP_PORT = 80;

	private static final int HTTPS_PORT = 443;

	private UrlTemplates() {
	}

	static String render(Templates templates, String field, String template, TemplateScope scope) {
		TracedText traced = templates.traced(template, scope);
		String rendered = traced.text();
		URI actual = parse(rendered);
		if (actual == null) {
			// Refused later with its own message.
			return rendered;
		}
		URI fixed = parse(templates.literal(template));
		boolean namesHost = fixed != null && fixed.getHost() != null && !fixed.getHost().isEmpty();
		if (namesHost && !sameHost(fixed, actual)) {
			throw NodeFailedException
				.permanent("%s: a value changes the host the template names (%s)".formatted(field, fixed.getHost()));
		}
		// "https://api.example.com{{input.path}}" with ":8443/x": another service.
		if (namesHost && port(fixed) != port(actual)) {
			throw NodeFailedException
				.permanent("%s: a value changes the port the template names (%d)".formatted(field, port(fixed)));
		}
		Matcher authority = AUTHORITY.matcher(template);
		if (!namesHost && authority.find() && templates.hasReference(authority.group(1))) {
			// Its own text is no host without the values ("https://.example.com").
			requireHostValues(templates, field, authority.group(1), scope, actual);
		}
		// Also where the template is no URL in itself ("https://h/{{a}}%{{b}}").
		if (valueAddsDotSegment(traced, actual)) {
			throw NodeFailedException.permanent(field + ": a value adds a '.' or '..' segment to the path");
		}
		return rendered;
	}

	private static void requireHostValues(Templates templates, String field, String authority, TemplateScope scope,
			URI actual) {
		if (templates.literal(authority).isEmpty()) {
			return;
		}
		String rendered = templates.text(authority, scope);
		if (!templates.rendering(authority, HOST_VALUE).matcher(rendered).matches()
				|| !rendered.equalsIgnoreCase(actual.getRawAuthority())) {
			throw NodeFailedException
				.permanent("%s: a value changes the host the template names (%s)".formatted(field, authority));
		}
	}

	private static boolean sameHost(URI fixed, URI actual) {
		return fixed.getScheme() != null && fixed.getScheme().equalsIgnoreCase(actual.getScheme())
				&& fixed.getHost().equalsIgnoreCase(actual.getHost())
				&& (actual.getRawUserInfo() == null || actual.getRawUserInfo().equals(fixed.getRawUserInfo()));
	}

	/** The port a request to the URL goes to: as written, or its scheme's. */
	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		return "https".equalsIgnoreCase(url.getScheme()) ? HTTPS_PORT : HTTP_PORT;
	}

	/**
	 * Whether a value made a dot segment in the path. The path is found in the rendered
	 * text from its end: the URL, the text stripped, ends with its path, query and
	 * fragment as written.
	 */
	private static boolean valueAddsDotSegment(TracedText rendered, URI actual) {
		String path = actual.getRawPath();
		if (path == null || path.isEmpty()) {
			return false;
		}
		String tail = path + ((actual.getRawQuery() != null) ? "?" + actual.getRawQuery() : "")
				+ ((actual.getRawFragment() != null) ? "#" + actual.getRawFragment() : "");
		String text = rendered.text();
		int end = text.stripTrailing().length() - tail.length() + path.length();
		return DotSegments.madeByValue(rendered, end - path.length(), end);
	}

	private static URI parse(String text) {
		try {
			return new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
