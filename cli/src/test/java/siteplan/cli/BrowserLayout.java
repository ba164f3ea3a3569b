package siteplan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a self-contained HTML page in headless Chromium (Debian's package, installed by {@code .ci/install-chromium})
 * and reports what a reader would see wrong with its layout at one viewport width: content wider than the viewport
 * (the page scrolls sideways) and boxes of text or pictures drawn over one another.
 *
 * <p>Headless Chromium will not make a window narrower than 500 px: {@code --window-size=375,1000} lays the page out
 * at 500 px, whatever the headless mode or scale factor. So the page is always rendered in an {@code <iframe>} exactly
 * {@code width} px wide (and 1000 px high) inside a wrapper page: the frame is a real viewport of that width, for
 * layout, media queries, {@code vw} units and fixed positioning alike. Scrollbars are hidden
 * ({@code --hide-scrollbars}), as a phone's overlay scrollbars take no room.
 *
 * <p>A script added at the end of the page's copy measures it once it has loaded, and posts what it found to the
 * wrapper, which writes it into {@code <pre id="siteplan-layout-result">}; {@code --dump-dom} prints the wrapper.
 */
public final class BrowserLayout {
    private BrowserLayout() {}

    static final String RESULT_ID = "siteplan-layout-result";
    private static final int HEIGHT = 1000;
    private static final int SHOT_MARGIN = 300;
    private static final long TIMEOUT_SECONDS = 60;
    private static final Path DEBIAN_CHROMIUM = Paths.get("/usr/bin/chromium");

    /**
     * What one check found.
     *
     * @param width the viewport width the page was laid out at, in CSS px
     * @param documentScrollWidth the page's {@code document.documentElement.scrollWidth}: more than {@code width} when it scrolls sideways
     * @param overflows the outermost elements (or runs of text) reaching past the right edge, widest first
     * @param overlaps pairs of text-bearing elements or pictures (img, svg, form controls) that neither contain the other and are drawn over each other
     */
    public record Result(int width, int documentScrollWidth, List<String> overflows, List<String> overlaps) {
        public Result {
            overflows = List.copyOf(overflows);
            overlaps = List.copyOf(overlaps);
        }

        public boolean ok() {
            return documentScrollWidth <= width && overflows.isEmpty() && overlaps.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("layout at ").append(width).append(" px (viewportWidth ").append(width)
                    .append("): document scrollWidth ").append(documentScrollWidth).append(ok() ? ", ok" : ", NOT ok");
            if (documentScrollWidth > width) {
                s.append(" (the page scrolls sideways by ").append(documentScrollWidth - width).append(" px)");
            }
            overflows.forEach(o -> s.append("\n  overflow: ").append(o));
            overlaps.forEach(o -> s.append("\n  overlap: ").append(o));
            return s.toString();
        }
    }

    /** Whether Chromium is here: {@code /usr/bin/chromium}, or {@code chromium} on the PATH. */
    public static boolean available() {
        return executable() != null;
    }

    /** Lays out {@code html} (a self-contained page) at {@code widthPx} CSS px in headless Chromium and measures it. */
    public static Result check(Path html, int widthPx) {
        if (widthPx < 1 || widthPx > 10_000) {
            throw new IllegalArgumentException("width " + widthPx + " px is out of range");
        }
        Path dir = tempDir();
        try {
            Files.writeString(dir.resolve("page.html"), withScript(Files.readString(html, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            Path frame = dir.resolve("frame.html");
            Files.writeString(frame, wrapper("page.html", widthPx, HEIGHT, true), StandardCharsets.UTF_8);
            Output out = run(dir, List.of("--window-size=" + Math.max(widthPx, 500) + "," + (HEIGHT + SHOT_MARGIN),
                    "--virtual-time-budget=5000", "--dump-dom", frame.toUri().toString()));
            return parse(out, widthPx, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /**
     * A PNG of the top {@code height} px of {@code html} laid out at {@code width} px (framed as for {@link #check}, so
     * widths under 500 px are true), written to {@code png}; returns {@code png}.
     *
     * <p>New headless Chromium's viewport is some 140 px shorter than {@code --window-size}, and the strip of the
     * screenshot below it is painted late: on a busy machine it comes out partly blank. So the window is made
     * {@link #SHOT_MARGIN} px taller than asked, and the picture cut back to {@code width} x {@code height}.
     */
    public static Path screenshot(Path html, int width, int height, Path png) {
        if (width < 1 || width > 10_000 || height < 1 || height > 20_000) {
            throw new IllegalArgumentException("screenshot size " + width + "x" + height + " is out of range");
        }
        Path dir = tempDir();
        try {
            Files.copy(html, dir.resolve("page.html"));
            Path frame = dir.resolve("frame.html");
            Files.writeString(frame, wrapper("page.html", width, height, false), StandardCharsets.UTF_8);
            Path shot = dir.resolve("shot.png");
            run(dir, List.of("--window-size=" + width + "," + (height + SHOT_MARGIN), "--virtual-time-budget=5000",
                    "--screenshot=" + shot, frame.toUri().toString()));
            java.awt.image.BufferedImage image = Files.isRegularFile(shot) ? javax.imageio.ImageIO.read(shot.toFile()) : null;
            if (image == null || image.getWidth() < width || image.getHeight() < height) {
                throw new IllegalStateException("chromium wrote no " + width + "x" + height + " screenshot of " + html
                        + (image == null ? "" : " (it is " + image.getWidth() + "x" + image.getHeight() + ")"));
            }
            Path out = png.toAbsolutePath();
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            if (!javax.imageio.ImageIO.write(image.getSubimage(0, 0, width, height), "png", out.toFile())) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String executable() {
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            return DEBIAN_CHROMIUM.toString();
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Paths.get(d, "chromium"))) {
                    return Paths.get(d, "chromium").toString();
                }
            }
        }
        return null;
    }

    /** Runs chromium with a fresh profile in {@code dir}: what it printed, or IllegalStateException with its errors. */
    private static Output run(Path dir, List<String> args) throws IOException {
        String exe = executable();
        if (exe == null) {
            throw new IllegalStateException("chromium is not installed (run .ci/install-chromium)");
        }
        List<String> cmd = new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile"))));
        cmd.addAll(args);
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("HOME", dir.toString()); // crash reports and caches stay in the temporary folder
        Process p = pb.start();
        boolean done;
        try {
            done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium ran", e);
        }
        if (!done) {
            kill(p);
            throw new IllegalStateException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd)
                    + "\n" + tail(stderr));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + tail(stderr));
        }
        return new Output(Files.readString(stdout, StandardCharsets.UTF_8), tail(stderr));
    }

    private record Output(String stdout, String stderr) {}

    private static String tail(Path file) {
        try {
            String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            return s.length() > 4000 ? "…" + s.substring(s.length() - 4000) : s;
        } catch (IOException | RuntimeException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("siteplan-layout-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder left behind is not worth failing a check for
        }
    }

    private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");
    private static final Pattern CSP = Pattern.compile("(?is)<meta[^>]*http-equiv\\s*=\\s*[\"']?content-security-policy[^>]*>");

    /**
     * The page with the measuring script just before its last {@code </body>}, or at its end; a Content-Security-Policy
     * meta element, which could forbid inline scripts, is left out of the copy.
     */
    static String withScript(String page) {
        page = CSP.matcher(page).replaceAll("");
        String script = "<script>" + SCRIPT + "</script>";
        Matcher m = BODY_END.matcher(page);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        return at < 0 ? page + "\n" + script + "\n" : page.substring(0, at) + script + page.substring(at);
    }

    private static String wrapper(String src, int width, int height, boolean listen) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;padding:0;background:#fff}"
                + "iframe{display:block;border:0;margin:0;padding:0;width:" + width + "px;height:" + height + "px}</style></head>"
                + "<body><iframe src=\"" + src + "\"></iframe>"
                + (listen ? "<pre id=\"" + RESULT_ID + "\"></pre><script>addEventListener('message',function(e){"
                        + "if(typeof e.data==='string'&&e.data.indexOf('siteplan-layout\\n')===0)"
                        + "document.getElementById('" + RESULT_ID + "').textContent=e.data;});</script>" : "")
                + "</body></html>";
    }

    private static Result parse(Output out, int width, Path html) {
        String dom = out.stdout();
        String open = "<pre id=\"" + RESULT_ID + "\">";
        int from = dom.indexOf(open);
        int to = from < 0 ? -1 : dom.indexOf("</pre>", from);
        String text = from < 0 || to < 0 ? "" : unescape(dom.substring(from + open.length(), to));
        if (!text.startsWith("siteplan-layout\n")) {
            throw new IllegalStateException("the layout script reported nothing for " + html + " (did the page load? does it run"
                    + " within 5 s of virtual time?)\n" + out.stderr());
        }
        int viewport = -1;
        int scrollWidth = -1;
        boolean end = false;
        List<String> overflows = new ArrayList<>();
        List<String> overlaps = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", 2);
            String v = f.length > 1 ? f[1] : "";
            switch (f[0]) {
                case "viewport" -> viewport = Integer.parseInt(v.split("\t")[0]);
                case "scrollWidth" -> scrollWidth = Integer.parseInt(v);
                case "overflow" -> overflows.add(v);
                case "overlap" -> overlaps.add(v);
                case "error" -> throw new IllegalStateException("the layout script failed on " + html + ": " + v);
                case "end" -> end = true;
                default -> { }
            }
        }
        if (!end || scrollWidth < 0) {
            throw new IllegalStateException("the layout script's report on " + html + " is incomplete:\n" + text);
        }
        if (viewport != width) {
            throw new IllegalStateException("asked for a " + width + " px viewport, chromium laid " + html + " out at " + viewport + " px");
        }
        return new Result(width, scrollWidth, overflows, overlaps);
    }

    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|nbsp|#39|#[0-9]+|#x[0-9a-fA-F]+);");

    static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String e = m.group(1).toLowerCase(Locale.ROOT);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos", "#39" -> "'";
                case "nbsp" -> "\u00a0";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(b, Matcher.quoteReplacement(r));
        }
        m.appendTail(b);
        return b.toString();
    }

    /*
     * The measuring script. Overflow: every visible element, or run of an element's own text, whose right edge is more
     * than 1 px past the viewport's, unless an ancestor below <body> clips or scrolls it sideways (a scrollable table
     * wrapper is allowed); only the outermost such element is named. Overlap: the pieces a reader sees as separate
     * things, namely the line boxes of each element's own (non-blank) text, and the boxes of pictures and controls
     * (outermost svg, img, video, canvas, iframe, object, embed, input, select, textarea, button, progress, meter);
     * svg text elements by their box; each piece cut to what the ancestors that clip (overflow other than visible)
     * leave visible. Two elements overlap when neither contains the other and a piece of one meets a piece of the
     * other by more than 1 px both ways. Invisible elements (display none, visibility hidden, opacity 0, no size) are
     * left out. (Backslashes are doubled for the Java text block.)
     */
    private static final String SCRIPT = """
            (function () {
              var MAX = 40;
              function post(lines) {
                var text = 'siteplan-layout\\n' + lines.join('\\n') + '\\n';
                if (window.parent !== window) { window.parent.postMessage(text, '*'); return; }
                var pre = document.createElement('pre'); pre.id = 'siteplan-layout-result'; pre.textContent = text;
                document.body.appendChild(pre);
              }
              function clean(s) { return String(s).replace(/[\\t\\r\\n]+/g, ' '); }
              function n(v) { return Math.round(v * 10) / 10; }
              function rs(r) { return '[x=' + n(r.left) + ' y=' + n(r.top) + ' w=' + n(r.right - r.left) + ' h=' + n(r.bottom - r.top) + ']'; }
              function own(el) {
                var s = '';
                for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) s += c.data;
                return s.replace(/\\s+/g, ' ').trim();
              }
              function describe(el) {
                var d = el.localName;
                if (el.id) d += '#' + el.id;
                var cls = el.getAttribute('class');
                if (cls && cls.trim()) d += '.' + cls.trim().split(/\\s+/).join('.');
                var t = own(el) || el.getAttribute('aria-label') || el.getAttribute('alt') || (el.textContent || '').replace(/\\s+/g, ' ').trim();
                if (t) d += ' "' + (t.length > 40 ? t.substring(0, 40) + '…' : t) + '"';
                return clean(d);
              }
              var SKIP = {script: 1, style: 1, title: 1, desc: 1, head: 1, meta: 1, link: 1, noscript: 1, template: 1,
                option: 1, optgroup: 1, defs: 1, clippath: 1, mask: 1, symbol: 1, marker: 1, pattern: 1, lineargradient: 1,
                radialgradient: 1, filter: 1, metadata: 1};
              var BOX = {img: 1, video: 1, canvas: 1, iframe: 1, object: 1, embed: 1, input: 1, select: 1, textarea: 1,
                button: 1, progress: 1, meter: 1};
              function isSvg(el) { return typeof SVGElement !== 'undefined' && el instanceof SVGElement; }
              function visible(el) {
                var cs = getComputedStyle(el);
                return cs.display !== 'none' && cs.visibility === 'visible' && parseFloat(cs.opacity) !== 0;
              }
              function clips(a, sideways) {
                if (a === document.body || a === document.documentElement) return false;
                var cs = getComputedStyle(a);
                return sideways ? cs.overflowX !== 'visible' : (cs.overflowX !== 'visible' || cs.overflowY !== 'visible');
              }
              function clipBox(a) {
                var r = a.getBoundingClientRect();
                if (isSvg(a)) return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
                var l = r.left + a.clientLeft, t = r.top + a.clientTop;
                return {left: l, top: t, right: l + a.clientWidth, bottom: t + a.clientHeight};
              }
              function clippedBySideways(el) {
                for (var a = el.parentElement; a; a = a.parentElement) {
                  if (isSvg(a) && a.ownerSVGElement) continue;
                  if (clips(a, true)) return true;
                }
                return false;
              }
              function visibleRect(el, r) {
                var v = {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
                for (var a = el.parentElement; a; a = a.parentElement) {
                  if (isSvg(a) && a.ownerSVGElement) continue;
                  if (!clips(a, false)) continue;
                  var c = clipBox(a);
                  v.left = Math.max(v.left, c.left); v.top = Math.max(v.top, c.top);
                  v.right = Math.min(v.right, c.right); v.bottom = Math.min(v.bottom, c.bottom);
                }
                return v.right - v.left > 0.5 && v.bottom - v.top > 0.5 ? v : null;
              }
              function textRects(el) {
                var out = [];
                for (var c = el.firstChild; c; c = c.nextSibling) {
                  if (c.nodeType !== 3 || !/\\S/.test(c.data)) continue;
                  var range = document.createRange(); range.selectNodeContents(c);
                  var rl = range.getClientRects();
                  for (var i = 0; i < rl.length; i++) if (rl[i].width > 0 && rl[i].height > 0) out.push(rl[i]);
                }
                return out;
              }
              function measure() {
                var W = window.innerWidth, de = document.documentElement, body = document.body;
                var lines = ['viewport\\t' + W + '\\t' + window.innerHeight];
                var sw = Math.max(de.scrollWidth, body ? body.scrollWidth : 0);
                lines.push('scrollWidth\\t' + sw);
                var all = [body].concat(Array.prototype.slice.call(body.querySelectorAll('*')));
                // overflow
                var offending = new Set(), found = [];
                all.forEach(function (el) {
                  if (SKIP[el.localName] || (isSvg(el) && el.ownerSVGElement)) return;
                  if (!visible(el)) return;
                  var r = el.getBoundingClientRect();
                  var over = r.width > 0 && r.height > 0 && r.right > W + 1;
                  if (over && !clippedBySideways(el)) offending.add(el);
                  var texts = (over || isSvg(el)) ? [] : textRects(el).filter(function (t) { return t.right > W + 1; });
                  if (texts.length && !clippedBySideways(el)) {
                    var widest = texts.reduce(function (a, b) { return b.right > a.right ? b : a; });
                    found.push({el: el, right: widest.right, text: 'text of ' + describe(el) + ' ' + rs(widest) + ' reaches x=' + n(widest.right)});
                  }
                });
                offending.forEach(function (el) {
                  for (var a = el.parentElement; a; a = a.parentElement) if (offending.has(a)) return;
                  var r = el.getBoundingClientRect();
                  found.push({el: el, right: r.right, text: describe(el) + ' ' + rs(r) + ' reaches x=' + n(r.right)});
                });
                found = found.filter(function (f) {
                  for (var a = f.el.parentElement; a; a = a.parentElement) if (offending.has(a)) return false;
                  return true;
                });
                found.sort(function (a, b) { return b.right - a.right; });
                found.slice(0, MAX).forEach(function (f) { lines.push('overflow\\t' + f.text); });
                if (found.length > MAX) lines.push('overflow\\t… and ' + (found.length - MAX) + ' more');
                if (sw > W && !found.length) lines.push('overflow\\tthe page is ' + sw + ' px wide, but no element reaches past x=' + (W + 1) + ' (a margin, a pseudo-element or a transform?)');
                // overlap
                var pieces = [], cands = [];
                all.forEach(function (el) {
                  var name = el.localName;
                  if (SKIP[name]) return;
                  var svg = isSvg(el), box = BOX[name] || (name === 'svg' && !el.ownerSVGElement);
                  var hasText = !!own(el);
                  if (!box && !hasText) return;
                  if (!visible(el)) return;
                  var rects = box || svg ? [el.getBoundingClientRect()] : textRects(el);
                  var idx = cands.length, any = false;
                  rects.forEach(function (r) {
                    if (!(r.width > 0 && r.height > 0)) return;
                    var v = visibleRect(el, r);
                    if (v) { pieces.push({c: idx, r: v}); any = true; }
                  });
                  if (any) cands.push(el);
                });
                pieces.sort(function (a, b) { return a.r.top - b.r.top; });
                var seen = new Set(), overlaps = [];
                for (var i = 0; i < pieces.length; i++) {
                  var p = pieces[i];
                  for (var j = i + 1; j < pieces.length && pieces[j].r.top < p.r.bottom - 1; j++) {
                    var q = pieces[j];
                    if (q.c === p.c) continue;
                    var dx = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
                    var dy = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
                    if (dx <= 1 || dy <= 1) continue;
                    var a = Math.min(p.c, q.c), b = Math.max(p.c, q.c), key = a + ',' + b;
                    if (seen.has(key)) continue;
                    seen.add(key);
                    var ea = cands[p.c], eb = cands[q.c];
                    if (ea.contains(eb) || eb.contains(ea)) continue;
                    overlaps.push(describe(ea) + ' ' + rs(p.r) + ' overlaps ' + describe(eb) + ' ' + rs(q.r) + ' by ' + n(dx) + 'x' + n(dy));
                  }
                }
                overlaps.slice(0, MAX).forEach(function (o) { lines.push('overlap\\t' + o); });
                if (overlaps.length > MAX) lines.push('overlap\\t… and ' + (overlaps.length - MAX) + ' more');
                lines.push('end');
                return lines;
              }
              function run() {
                var lines;
                try { lines = measure(); } catch (e) { lines = ['error\\t' + clean(e && e.stack ? e.stack : e)]; }
                post(lines);
              }
              function later() {
                var fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
                fonts.then(function () { setTimeout(run, 0); }, function () { setTimeout(run, 0); });
              }
              if (document.readyState === 'complete') later(); else window.addEventListener('load', later);
            })();
            """;
}
