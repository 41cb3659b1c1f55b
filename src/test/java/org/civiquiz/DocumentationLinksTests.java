package org.civiquiz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and {@code docs/} as a reader follows them: every relative link and image
 * points at a file of the repository, every {@code #fragment} into a Markdown file names
 * one of its headings (GitHub's anchors), and the README stays a front door of at most
 * 200 lines. Links to other sites ({@code http:}, {@code https:}, {@code mailto:}) are
 * not followed: the build has no network.
 */
class DocumentationLinksTests {

	static final int README_MAX_LINES = 200;

	private static final Path ROOT = Path.of("").toAbsolutePath();

	/**
	 * Inline links and images; the text may hold one level of brackets and line breaks.
	 */
	private static final Pattern INLINE = Pattern
		.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^()\\s<>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");

	private static final Pattern HTML = Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]+)\"");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*?(?:id|name)=\"([^\"]+)\"");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

	private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	@Test
	void readmeIsAFrontDoor() throws IOException {
		assertThat(Files.readAllLines(ROOT.resolve("README.md")))
			.as("README.md: a front door of at most %d lines; the rest goes to docs/", README_MAX_LINES)
			.hasSizeLessThanOrEqualTo(README_MAX_LINES);
	}

	@Test
	void everyLinkInTheReadmeAndDocsResolves() {
		List<Path> pages = pages(ROOT);
		assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("frontend/README.md"),
				ROOT.resolve("docs/api.md"), ROOT.resolve("docs/vi/README.md"));
		assertThat(pages.stream().flatMap((page) -> brokenLinks(ROOT, page).stream()).toList())
			.as("broken links (file:line: target: why)")
			.isEmpty();
	}

	@Test
	void aMissingFileOrHeadingIsReported(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("docs/images"));
		Files.writeString(root.resolve("docs/guide.md"), """
				# Hướng dẫn

				## Dữ liệu cá nhân / Personal data

				## Notes
				## Notes
				""");
		Files.writeString(root.resolve("docs/images/shown.png"), "png");
		Files.writeString(root.resolve("README.md"),
				"""
						# Title

						[fine](docs/guide.md#dữ-liệu-cá-nhân--personal-data), [encoded](docs/guide.md#h%C6%B0%E1%BB%9Bng-d%E1%BA%ABn),
						[second of two](docs/guide.md#notes-1), [here](#title), ![shown](docs/images/shown.png),
						[site](https://example.org/nowhere), [folder](docs/)

						[gone](docs/gone.md) and ![missing](docs/images/missing.png) and [no such
						heading](docs/guide.md#personal-data) and [not here](#nothing) and [outside](../elsewhere.md)

						`[in code](docs/also-gone.md)`

						```sh
						echo "[in a block](docs/still-gone.md)"
						```

						[ref]: docs/gone-too.md
						""");
		assertThat(brokenLinks(root, root.resolve("README.md"))).containsExactly(
				"README.md:7: docs/gone.md: no such file", "README.md:7: docs/images/missing.png: no such file",
				"README.md:7: docs/guide.md#personal-data: no such heading", "README.md:8: #nothing: no such heading",
				"README.md:8: ../elsewhere.md: outside the repository", "README.md:16: docs/gone-too.md: no such file");
	}

	@Test
	void anchorsAreGitHubs() {
		assertThat(slug("Dữ liệu cá nhân / Personal data")).isEqualTo("dữ-liệu-cá-nhân--personal-data");
		assertThat(slug("2026-11-26 — replay of the reference campaign"))
			.isEqualTo("2026-11-26--replay-of-the-reference-campaign");
		assertThat(slug("Organizers (session or HTTP Basic)")).isEqualTo("organizers-session-or-http-basic");
		assertThat(slug("Two replicas: profile `scale-out`")).isEqualTo("two-replicas-profile-scale-out");
		assertThat(slug("See [the API](api.md) *now*")).isEqualTo("see-the-api-now");
		assertThat(slug("CIVIQUIZ_RETENTION_DAYS")).isEqualTo("civiquiz_retention_days");
	}

	/** README.md, frontend/README.md and every Markdown file under docs/. */
	static List<Path> pages(Path root) {
		List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("frontend/README.md")));
		try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pages;
	}

	/**
	 * The links of a page that lead nowhere.
	 * @param root the repository
	 * @param page a Markdown file in it
	 * @return one line per broken link: file, line, target and why
	 */
	static List<String> brokenLinks(Path root, Path page) {
		String text = withoutCode(read(page));
		String name = root.relativize(page).toString().replace('\\', '/');
		List<Link> links = new ArrayList<>();
		for (Pattern pattern : List.of(INLINE, DEFINITION, HTML)) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				int line = 1 + (int) text.substring(0, matcher.start()).chars().filter((c) -> c == '\n').count();
				links.add(new Link(line, matcher.start(), matcher.group(1)));
			}
		}
		links.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
		List<String> broken = new ArrayList<>();
		for (Link link : links) {
			String problem = problem(root, page, link.target());
			if (problem != null) {
				broken.add(name + ":" + link.line() + ": " + link.target() + ": " + problem);
			}
		}
		return broken;
	}

	private static String problem(Path root, Path page, String target) {
		if (SCHEME.matcher(target).find()) {
			return null;
		}
		int hash = target.indexOf('#');
		String path = decode((hash < 0) ? target : target.substring(0, hash));
		String fragment = (hash < 0) ? null : decode(target.substring(hash + 1));
		Path file = path.isEmpty() ? page
				: (path.startsWith("/") ? root.resolve(path.substring(1)) : page.getParent().resolve(path)).normalize();
		if (!file.startsWith(root)) {
			return "outside the repository";
		}
		if (!Files.exists(file)) {
			return "no such file";
		}
		if (fragment != null && file.toString().endsWith(".md") && !anchors(file).contains(fragment)) {
			return "no such heading";
		}
		return null;
	}

	/** GitHub's anchors of a Markdown file: its headings' slugs, and HTML ids. */
	static Set<String> anchors(Path file) {
		Set<String> anchors = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : withoutCode(read(file)).split("\n", -1)) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String slug = slug(heading.group(1));
				int times = seen.merge(slug, 1, Integer::sum);
				anchors.add((times == 1) ? slug : slug + "-" + (times - 1));
			}
			Matcher html = HTML_ANCHOR.matcher(line);
			while (html.find()) {
				anchors.add(html.group(1));
			}
		}
		return anchors;
	}

	/**
	 * A heading's anchor as GitHub makes it: the text as shown, in lower case, without
	 * punctuation but hyphens and underscores, each space a hyphen.
	 */
	static String slug(String heading) {
		String shown = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
		return shown.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
	}

	/**
	 * The text with fenced blocks blanked and code spans replaced by {@code code}, so
	 * that nothing shown as code counts as a link; line breaks stay where they were.
	 */
	private static String withoutCode(String text) {
		StringBuilder out = new StringBuilder();
		String fence = null;
		for (String line : text.split("\n", -1)) {
			Matcher opening = FENCE.matcher(line);
			if (fence == null && opening.find()) {
				fence = opening.group(1);
				out.append('\n');
				continue;
			}
			if (fence != null) {
				if (line.strip().startsWith(fence)) {
					fence = null;
				}
				out.append('\n');
				continue;
			}
			out.append(CODE_SPAN.matcher(line).replaceAll("code")).append('\n');
		}
		return out.toString();
	}

	private static String decode(String text) {
		return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Link(int line, int offset, String target) {
	}

}
