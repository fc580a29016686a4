package org.sibmodel.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report as headless Chromium renders it at 1,024 px wide: the DOM after the page's load script
 * ran (it records on the body what rendered and how wide the page is), and the text a person
 * reads. Tests that need it are skipped where Debian's chromium is not installed (.ci/run
 * installs it).
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern BODY = Pattern.compile("<body([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("data-([a-z-]+)=\"(\\d+)\"");

  /** The rendered page. */
  public record Page(String dom, Map<String, Integer> body) {
    /**
     * The text a person reads: the body without scripts, styles and code (file paths, SHA-256
     * sums and commands, which are for machines), tags removed and entities decoded.
     */
    public String text() {
      String t = dom.replaceAll("(?s)<(script|style|code)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]+>", " ");
      return t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ").replace("&amp;", "&");
    }
  }

  private Browser() {}

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM);
  }

  /** Renders {@code html} in a 1,024 x 900 window and returns the DOM once the page has loaded. */
  public static Page render(Path html, Path profile) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--window-size=1024,900", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
        html.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "chromium finished");
    Matcher body = BODY.matcher(dom);
    assertTrue(body.find(), "a body: " + dom.substring(0, Math.min(300, dom.length())));
    Map<String, Integer> attributes = new TreeMap<>();
    Matcher a = ATTRIBUTE.matcher(body.group(1));
    while (a.find()) {
      attributes.put(a.group(1), Integer.parseInt(a.group(2)));
    }
    assertTrue(attributes.containsKey("scroll-width"), "the page's load script ran: " + body.group());
    return new Page(dom, attributes);
  }
}
