#!/usr/bin/env python3
"""Renders one sheet per topic in every format and checks each the way a
reader would meet it:

- HTML in headless Chromium (Debian's `chromium`, driven by Playwright) with
  the network cut off: fails on any request that is not the page itself, on
  console errors and page errors, on formulas the MathML converter could not
  read (<merror>), on a sheet without math (but concepts, whose questions
  are words only), and writes a screenshot. Then the page is laid out for
  print (print media, an A4 line): every block — table, figure, code,
  formula, paragraph — must fit the line, wrapped or scaled rather than
  cut. The same print layout is checked for every topic × difficulty ×
  3 seeds (PRINT_SEEDS) in one reused Chromium page.
- Markdown through a GitHub-flavoured renderer (markdown-it-py with tables and
  dollar math): every formula must parse as math and every pipe table as a
  table.
- LaTeX: English sheets through pdflatex, Chinese ones — and English ones
  with a letter pdflatex lacks, as `--format pdf` decides (a concepts
  item's Chinese note section) — through xelatex (the
  one preamble serves both engines): the document must compile without
  errors and, under xelatex, without a "Missing character" (a glyph no font
  has). Then the example roster handout (handout-roster-example.json: names
  in Chinese, Vietnamese, Korean …) is built and its answer key and the
  question and solution sheets of a sample of students — the first, and
  every one whose name is not plain ASCII — go through xelatex; a sample,
  not the whole roster, because each compile takes a second or two.
- Moodle XML (`--format moodle`, and `"moodle"` in a handout), read back by
  a reader written here from Moodle's documented formats (the Moodle XML
  question format and the Embedded Answers (Cloze) syntax), with Python's
  xml.etree, not with our writer's code: a handout of 3 students × every
  topic (and a fixed section) in each language, and `review gen` of every
  topic; every Cloze field {1:NUMERICAL:=value:tolerance} must match the
  build's answer-key.json (or `--format json`) within its tolerance, the
  tolerance must be half a unit of the 4th significant figure (0 for
  integers), every @@PLUGINFILE@@ picture must travel as a <file> holding
  SVG, and math must be MathJax's \\(…\\), not MathML.
- QTI packages (`--format qti -o FILE.zip`, and `"qti"` in a handout), read
  back with Python's zipfile and xml.etree and qti2latex's QTI 1.2 reader
  (a PyPI package that reads Canvas QTI zips: its group, metadata, question
  type and stem readers), not with our writer's code: the same class of 3
  students × every topic, and `review gen --format qti` of every topic; the
  manifest must name the assessment and every picture, every item must be a
  numerical_question whose correct range (<varequal>, or <vargte>/<varlte>
  around it) matches answer-key.json (or `--format json`) within the same
  tolerance as the Moodle fields, every <img> must be an SVG in the zip, and
  math must be \\(…\\), not MathML.
- Paper exams (issue 16): the final review's answer key for 30 students
  (final answers only), printed to PDF from Chromium in en and zh, must fit
  on 3 A4 pages, and a student's printed question sheet must ask for a name
  and student number and leave working space under every problem.

Every language with a folder under templates/ is checked, or those named in
REVIEW_CHECK_LANGS (e.g. "en zh").

Usage: scripts/check-sheets.py REVIEW_BINARY OUT_DIR
Tools that are missing are reported and skipped, unless CI is set, in which
case a missing tool is a failure (CI installs them: scripts/ensure-deps --sheets).
"""
import json
import os
import re
import shutil
import subprocess
import sys

REVIEW, OUT = sys.argv[1], sys.argv[2]
IN_CI = bool(os.environ.get("CI"))
# Every language with a folder of templates unless REVIEW_CHECK_LANGS names some.
LANGS = os.environ.get("REVIEW_CHECK_LANGS", "").split() or sorted(
    d for d in os.listdir("templates") if d != "shared" and os.path.isdir(os.path.join("templates", d)))

failures = []


def review(*args):
    result = subprocess.run([REVIEW, *args], capture_output=True, text=True)
    if result.returncode != 0:
        failures.append(f"review {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def missing(tool, optional=False):
    """Reports a missing tool: a failure in CI unless `optional`."""
    message = f"{tool} is not installed"
    if IN_CI and not optional:
        failures.append(message)
    else:
        hint = "" if optional else " (scripts/ensure-deps --sheets installs it)"
        print(f"check-sheets: skipped: {message}{hint}")


def topics():
    return [line.split()[0] for line in review("topics").splitlines() if line and not line.startswith(" ")]


def sheets(fmt, lang):
    """(name, text): one generated sheet per topic, plus every example problem."""
    result = []
    for topic in topics():
        for difficulty in ("easy", "hard"):
            text = review("gen", "--topic", topic, "--seed", "1", "--count", "2", "--difficulty", difficulty,
                          "--format", fmt, "--lang", lang)
            result.append((f"{lang}-{topic}-{difficulty}", text))
    problems = sorted(os.path.join("problems", f) for f in os.listdir("problems")
                      if f.endswith(".json") and not f.startswith("handout"))
    result.append((f"{lang}-examples", review("solve", *problems, "--format", fmt, "--lang", lang)))
    return result


def playwright_chromium():
    """(sync_playwright, chromium's path) for the checks that lay pages out
    in a browser, or None when either is missing (reported by `missing`)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return missing("the Python package playwright")
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser_path:
        return missing("chromium")
    return sync_playwright, browser_path


def check_html(lang):
    found = playwright_chromium()
    if not found:
        return
    sync_playwright, browser_path = found
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        for name, text in sheets("html", lang):
            path = os.path.abspath(os.path.join(OUT, f"{name}.html"))
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            problems = []
            page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

            page_url = "file://" + path

            def route(r, *_):
                if r.request.url != page_url:
                    problems.append(f"network request: {r.request.url}")
                    return r.abort()
                return r.continue_()

            page.route("**/*", route)
            page.goto("file://" + path)
            counts = page.evaluate("""() => ({
                math: document.querySelectorAll('math').length,
                merror: [...document.querySelectorAll('merror')].map(e => e.textContent),
                dollars: document.body.innerText.includes('$$'),
                lang: document.documentElement.lang })""")
            if counts["math"] == 0 and "-concepts-" not in name:  # concepts asks in words only
                problems.append("no formula on the page")
            if counts["merror"]:
                problems.append(f"formulas MathML could not render: {counts['merror'][:5]}")
            if counts["dollars"]:
                problems.append("unrendered $$ in the page text")
            if counts["lang"] != lang:
                problems.append(f"<html lang> is {counts['lang']!r}, expected {lang!r}")
            page.screenshot(path=os.path.join(OUT, f"{name}.png"), full_page=False)
            problems.extend(print_overflows(page))
            page.close()
            failures.extend(f"{name}.html: {p}" for p in problems)
        browser.close()


# The printable width of an A4 page with the sheet's @page margins (210 mm
# − 2 × 16 mm), in CSS pixels.
PRINT_WIDTH = round((210 - 2 * 16) / 25.4 * 96)


def print_overflows(page):
    """Lays the page out as Chromium prints it (print media, the A4 line's
    width) and names every block of the sheet — table, figure or picture,
    code, formula, paragraph — that runs past the line or is cut by its own
    box: printed, a wide block must wrap or shrink, never run off the page
    or print a scrollbar (issue 16: gcn's Z and zh softmax's "≈ 2.604" were
    cut; so was the last column of batchnorm's backward table). Only the
    outermost offender is named, with what it holds."""
    page.emulate_media(media="print")
    page.set_viewport_size({"width": PRINT_WIDTH, "height": 1400})
    bad = page.evaluate("""() => {
        const main = document.querySelector('main.sheet') || document.body;
        const line = main.getBoundingClientRect().right;
        const over = new Map();
        for (const el of main.querySelectorAll('*')) {
            // A picture and a formula are measured whole (an SVG's scrollWidth is in its own units).
            const outer = el.parentElement && el.parentElement.closest('svg, math');
            if (outer && main.contains(outer)) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const svg = el.tagName.toLowerCase() === 'svg';
            const right = r.left + (svg ? r.width : Math.max(el.scrollWidth || 0, r.width));
            const cut = !svg && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
                && getComputedStyle(el).overflowX !== 'visible';
            if (right > line + 1 || cut) over.set(el, {right, cut});
        }
        // Name the block that holds the innermost offenders: a table, a
        // figure, code, a formula, else the element itself.
        const blocks = new Map();
        for (const [el, o] of over) {
            if ([...over.keys()].some(d => d !== el && el.contains(d))) continue;
            const block = ['table', 'figure', 'pre', 'math'].map(s => el.closest(s)).find(b => b) || el;
            let cut = o.cut;
            for (let a = el.parentElement; a && a !== main; a = a.parentElement) cut = cut || (over.get(a) || {}).cut;
            const b = blocks.get(block) || {right: 0, cut: false};
            blocks.set(block, {right: Math.max(b.right, o.right), cut: b.cut || cut});
        }
        const kind = el => {
            const t = el.tagName.toLowerCase();
            if (t === 'math') return el.getAttribute('display') === 'block' ? 'formula' : 'inline formula';
            if (t === 'figure' || t === 'svg' || t === 'img') return 'figure';
            if (t === 'pre' || t === 'code') return 'code';
            return t;
        };
        const out = [];
        for (const [el, b] of blocks) {
            out.push(`printed ${kind(el)} runs off the page (${Math.round(b.right - line)}px over`
                + `${b.cut ? ', cut by its box' : ''}): ` + el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60));
        }
        const page = document.documentElement.scrollWidth - window.innerWidth;
        if (page > 1 && out.length === 0) out.push(`the printed page is ${page}px wider than the line`);
        return out;
    }""")
    page.emulate_media(media="screen")
    return bad[:5]


# Seeds of the print check: with --count 2, three seeds of every topic and
# difficulty in each language (issue 16: batchnorm hard's backward table ran
# off the page with seed 1 only in some variants).
PRINT_SEEDS = ("1", "2", "3")


def check_print(lang):
    """Every topic × difficulty × PRINT_SEEDS as HTML, laid out for print in
    one Chromium page reused for all (print_overflows): nothing may run off
    the A4 line. Sheets are written to OUT/print/ (kept for a look)."""
    found = playwright_chromium()
    if not found:
        return
    sync_playwright, browser_path = found
    folder = os.path.join(OUT, "print")
    os.makedirs(folder, exist_ok=True)
    checked = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": PRINT_WIDTH, "height": 1400})
        page.route("**/*", lambda r, *_: r.continue_() if r.request.url.startswith("file://") else r.abort())
        for topic in topics():
            for difficulty in ("easy", "standard", "hard"):
                for seed in PRINT_SEEDS:
                    name = f"{lang}-{topic}-{difficulty}-{seed}"
                    text = review("gen", "--topic", topic, "--seed", seed, "--count", "2", "--difficulty",
                                  difficulty, "--format", "html", "--lang", lang)
                    path = os.path.abspath(os.path.join(folder, f"{name}.html"))
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text)
                    page.goto("file://" + path)
                    failures.extend(f"{name}.html: {b}" for b in print_overflows(page))
                    checked += 1
        browser.close()
    print(f"check-sheets: print ({lang}): {checked} sheets laid out on the A4 line")


def check_practice(lang):
    """A practice page in headless Chromium, network cut: a right answer, a
    slipped one (450 for 456: the forgotten bias) and garbage, checked with
    Enter; then Next step and Show all reveal the folded solution."""
    found = playwright_chromium()
    if not found:
        return
    sync_playwright, browser_path = found
    text = review("solve", "problems/conv-notes-32x32.json", "--practice", "--format", "html", "--lang", lang)
    path = os.path.abspath(os.path.join(OUT, f"practice-{lang}.html"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.route("**/*", lambda r, *_: r.continue_() if r.request.url == "file://" + path
                   else (problems.append(f"network request: {r.request.url}"), r.abort()))
        page.goto("file://" + path)
        form = page.locator("form.practice").first
        form.locator('input[name="total_params"]').fill("450")
        form.locator('input[name="layers[0].weights"]').fill("4,50")
        form.locator('input[name="output[0]"]').fill("28")
        form.locator('input[name="output[0]"]').press("Enter")
        feedback = form.inner_text()
        state = page.evaluate("""() => ({
            right: [...document.querySelectorAll('input.is-right')].map(i => i.name),
            wrong: [...document.querySelectorAll('input.is-wrong')].map(i => i.name),
            unlabelled: [...document.querySelectorAll('form.practice input')].filter(i => !i.getAttribute('aria-label')).length,
            open: document.querySelector('details.solution').open })""")
        slip_words = {"en": "you forgot the bias: each of the 6 filters has one", "zh": "忘了偏置：6 个卷积核每个都有一个偏置"}
        if slip_words.get(lang, slip_words["en"]) not in feedback or "bias-forgotten" not in feedback:
            problems.append(f"450 for 456 is not named as the forgotten bias: {feedback[:300]!r}")
        if state["right"] != ["output[0]"]:
            problems.append(f"right boxes are {state['right']}, expected output[0]")
        if set(state["wrong"]) != {"total_params", "layers[0].weights"}:
            problems.append(f"wrong boxes are {state['wrong']}")
        if state["unlabelled"]:
            problems.append(f"{state['unlabelled']} boxes without a label")
        if state["open"]:
            problems.append("the solution opened before it was asked for")
        form.locator("button.next").click()
        shown = page.evaluate("""() => { const d = document.querySelector('details.solution');
            return {open: d.open, visible: [...d.children].filter(e => e.tagName !== 'SUMMARY' && !e.hidden).length,
                    all: [...d.children].filter(e => e.tagName !== 'SUMMARY').length}; }""")
        if not shown["open"] or shown["visible"] != 1 or shown["all"] < 2:
            problems.append(f"Next step should show the first step only: {shown}")
        form.locator("button.all").click()
        shown = page.evaluate("""() => { const d = document.querySelector('details.solution');
            return [...d.children].filter(e => e.tagName !== 'SUMMARY' && e.hidden).length; }""")
        if shown:
            problems.append(f"Show all left {shown} parts hidden")
        page.screenshot(path=os.path.join(OUT, f"practice-{lang}.png"), full_page=False)
        browser.close()
    failures.extend(f"practice-{lang}.html: {p}" for p in problems)


def check_markdown(lang):
    try:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.dollarmath import dollarmath_plugin
    except ImportError:
        return missing("the Python packages markdown-it-py and mdit-py-plugins")
    md = MarkdownIt("commonmark").enable("table").use(dollarmath_plugin, double_inline=True)
    for name, text in sheets("md", lang):
        with open(os.path.join(OUT, f"{name}.md"), "w", encoding="utf-8") as f:
            f.write(text)
        tokens = md.parse(text)
        tables = sum(1 for t in tokens if t.type == "table_open")
        expected = len(re.findall(r"^\| .*\n\|( :?-+:? \|)+$", text, flags=re.M))
        if tables != expected:
            failures.append(f"{name}.md: {expected} pipe tables written, {tables} parsed as tables")
        html = md.render(text)
        outside_math = re.sub(r'<(span|div|eqn|section) class="math[^"]*">.*?</\1>', "", html, flags=re.S)
        outside_math = re.sub(r"<code>.*?</code>", "", outside_math, flags=re.S)
        if "$" in outside_math:
            at = outside_math.index("$")
            failures.append(f"{name}.md: a $ was not parsed as math: …{outside_math[max(0, at - 60):at + 40]!r}…")


def kpsewhich(name):
    """True when TeX can find `name` (a class or package)."""
    try:
        return subprocess.run(["kpsewhich", name], capture_output=True, text=True).stdout.strip() != ""
    except FileNotFoundError:
        return False


XELATEX_NEEDS = "xelatex with xeCJK (apt-get install texlive-xetex texlive-lang-cjk texlive-lang-chinese fonts-noto-cjk)"


def xelatex_ready():
    return shutil.which("xelatex") and kpsewhich("xeCJK.sty") and kpsewhich("ctexhook.sty")


def compile_tex(engine, tex, label):
    """Compiles `tex` beside itself; a failure names `label`."""
    folder, name = os.path.split(tex)
    result = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", name],
                            cwd=folder or ".", capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        errors = [line for line in result.stdout.splitlines() if line.startswith("!")]
        failures.append(f"{label} does not compile with {engine}: {errors[:3]}")
        return
    with open(tex[:-4] + ".log", encoding="utf-8", errors="replace") as log:
        missing_glyphs = [line.strip() for line in log if "Missing character" in line]
    if missing_glyphs:
        failures.append(f"{label}: {engine} has no glyph: {missing_glyphs[:3]}")


def beyond_pdftex(text):
    """A letter pdflatex's T1 fonts lack (beyond Latin Extended-B, not Greek): the
    rule `--format pdf` follows (LaTeXToPDF.isBeyondPDFTeX) to pick xelatex for an
    English sheet, e.g. a concepts item's source, a Chinese note section (残差结构)."""
    return any(ord(c) > 0x24F and not 0x370 <= ord(c) <= 0x3FF and c.isalpha() for c in text)


def check_latex(lang):
    for name, text in sheets("latex", lang):
        engine = "pdflatex" if lang == "en" and not beyond_pdftex(text) else "xelatex"
        if engine == "xelatex" and not xelatex_ready():
            missing(XELATEX_NEEDS)
            continue
        if not shutil.which(engine):
            missing(engine)
            continue
        tex = os.path.join(OUT, f"{name}.tex")
        with open(tex, "w", encoding="utf-8") as f:
            f.write(text)
        compile_tex(engine, tex, f"{name}.tex")


def check_roster_latex():
    """The example roster's sheets and answer key, through xelatex."""
    if not xelatex_ready():
        return missing(XELATEX_NEEDS)
    folder = os.path.join(OUT, "roster-example")
    review("build", "problems/handout-roster-example.json", "--out", folder, "--force")
    manifest_path = os.path.join(folder, "manifest.json")
    if not os.path.exists(manifest_path):
        return failures.append("review build problems/handout-roster-example.json wrote no manifest")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    if "latex" not in manifest["formats"]:
        return failures.append("handout-roster-example.json should list the latex format")
    students = manifest["students"]
    sample = [s for i, s in enumerate(students) if i == 0 or not (s.get("name") or "").isascii()]
    compile_tex("xelatex", os.path.join(folder, "answer-key.tex"), "roster-example/answer-key.tex")
    for student in sample:
        for sheet in ("questions", "solutions"):
            label = f"roster-example/{student['folder']}/{sheet}.tex ({student.get('name')})"
            compile_tex("xelatex", os.path.join(folder, student["folder"], f"{sheet}.tex"), label)
    print(f"check-sheets: roster example: answer key and {len(sample)} of {len(students)} students through xelatex")


# --- Moodle XML ---------------------------------------------------------------

# Moodle's Cloze field, from the documented syntax ({weight:TYPE:alternatives});
# NUMERICAL alternatives are `=value:tolerance` (question/type/multianswer).
CLOZE_FIELD = re.compile(r"\{([0-9]*):(NUMERICAL|NM):([^}]*)\}")
MOODLE_NUMBER = r"-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?"
NUMERICAL_ANSWER = re.compile(rf"^=({MOODLE_NUMBER}):({MOODLE_NUMBER})$")
LABELLED_FIELD = re.compile(r"<code>([^<]*)</code></td>\s*<td[^>]*>(\{[^}]*\})")


def answer_leaves(value, path=""):
    """{path: number} of an `answers` object, paths as review writes them."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return {}
    if isinstance(value, (int, float)):
        return {path: float(value)}
    leaves = {}
    if isinstance(value, list):
        for i, item in enumerate(value):
            leaves.update(answer_leaves(item, f"{path}[{i}]"))
    else:
        for key, item in value.items():
            leaves.update(answer_leaves(item, f"{path}.{key}" if path else key))
    return leaves


def expected_tolerance(value):
    """Half a unit of the 4th significant figure (of the value rounded to 4 figures:
    0.09999999999999998 is 0.1000); 0 for integers; the practice hair near 0."""
    if value == int(value) and abs(value) < 1e15:
        return 0.0
    exponent = int(f"{abs(value):.3e}".split("e")[1])
    return max(0.5 * 10.0 ** (exponent - 3), 1e-9 * max(1, abs(value)))


def read_moodle(text, label):
    """[(category, name, {path: (value, tolerance)})] of a Moodle XML document, checked."""
    import base64
    import xml.etree.ElementTree as ET
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as error:
        failures.append(f"{label}: not well-formed XML: {error}")
        return []
    if root.tag != "quiz":
        failures.append(f"{label}: root element is <{root.tag}>, not <quiz>")
        return []
    questions, category = [], None
    for question in root:
        kind = question.get("type")
        if kind == "category":
            category = question.findtext("category/text")
            continue
        name = question.findtext("name/text") or ""
        where = f"{label}: {name}"
        if kind in ("multichoice", "essay"):
            questions.append(read_moodle_text_only(question, kind, category, name, where))
            continue
        if kind != "cloze":
            failures.append(f"{where}: question type {kind!r}, expected 'cloze'")
            continue
        text_node = question.find("questiontext")
        if text_node is None or text_node.get("format") != "html":
            failures.append(f"{where}: no <questiontext format=\"html\">")
            continue
        body = text_node.findtext("text") or ""
        feedback_node = question.find("generalfeedback")
        feedback = feedback_node.findtext("text") if feedback_node is not None else ""
        for part, node, html in (("question", text_node, body), ("feedback", feedback_node, feedback or "")):
            if "<math" in html:
                failures.append(f"{where}: {part} has MathML; Moodle's MathJax filter wants \\(…\\)")
            files = {f.get("name"): f for f in (node.findall("file") if node is not None else [])}
            for ref in re.findall(r"@@PLUGINFILE@@/([^\"]+)", html):
                file = files.get(ref)
                if file is None or file.get("encoding") != "base64":
                    failures.append(f"{where}: {part} shows {ref}, which is not attached as a base64 <file>")
                    continue
                try:
                    svg = ET.fromstring(base64.b64decode(file.text or ""))
                    if not svg.tag.endswith("svg"):
                        failures.append(f"{where}: {ref} is not SVG")
                except Exception as error:  # noqa: BLE001 - any failure to read the picture is a failure
                    failures.append(f"{where}: {ref} does not decode to SVG: {error}")
        choice_fields = CLOZE_CHOICE.findall(body)
        if choice_fields:
            # A concepts problem asking several questions: one MULTICHOICE field each, no numbers.
            letters = {}
            for k, field in enumerate(choice_fields):
                options = [o for o in split_cloze(field)]
                right = [i for i, o in enumerate(options) if o.startswith("=")]
                if len(right) != 1 or len(options) < 3 or not all("#" in o for o in options):
                    failures.append(f"{where}: field {k + 1}: {len(right)} right options of {len(options)}, "
                                    "each needs a #explanation")
                    continue
                letters[f"choice[{k}]"] = chr(65 + right[0])
            questions.append((category, name, {}, body, feedback, letters))
            continue
        if "\\(" not in body + (feedback or ""):
            failures.append(f"{where}: no \\(…\\) math in the question or its feedback")
        fields = CLOZE_FIELD.findall(body)
        labelled = LABELLED_FIELD.findall(body)
        if not fields or len(labelled) != len(fields):
            failures.append(f"{where}: {len(fields)} Cloze fields, {len(labelled)} labelled")
        answers = {}
        for path, field in labelled:
            match = CLOZE_FIELD.fullmatch(field)
            alternative = NUMERICAL_ANSWER.match(match.group(3)) if match else None
            if not alternative:
                failures.append(f"{where}: {path}: {field} is not a NUMERICAL field =value:tolerance")
                continue
            answers[path] = tuple(float(x.replace(",", ".")) for x in alternative.groups())
        questions.append((category, name, answers, body, feedback, {}))
    return questions


# A Cloze MULTICHOICE field (Moodle's Embedded Answers syntax): {weight:MULTICHOICE[_V|_H…]:~=right#why~wrong#why}.
CLOZE_CHOICE = re.compile(r"\{[0-9]*:(?:MULTICHOICE|MC)[A-Z_]*:((?:[^}\\]|\\.)*)\}")


def split_cloze(field):
    """A Cloze field's alternatives, split on unescaped ~ (backslash escapes kept)."""
    parts, current, escaped = [], "", False
    for character in field:
        if escaped:
            current, escaped = current + "\\" + character, False
        elif character == "\\":
            escaped = True
        elif character == "~":
            parts.append(current)
            current = ""
        else:
            current += character
    parts.append(current)
    return [p for p in parts if p]


def read_moodle_text_only(question, kind, category, name, where):
    """A concepts question: `multichoice` (its right answer's letter, ABCD in
    the written order, every option with feedback) or `essay` (a grader's
    guide). Text only: no \\(…\\) math is asked for."""
    body = question.findtext("questiontext/text") or ""
    feedback = question.findtext("generalfeedback/text") or ""
    letters = {}
    if kind == "multichoice":
        answers = question.findall("answer")
        right = [i for i, a in enumerate(answers) if float(a.get("fraction", "0")) == 100]
        if question.findtext("single") != "true" or question.findtext("shuffleanswers") not in ("false", "0"):
            failures.append(f"{where}: a multichoice must be single-answer and keep the sheet's order")
        if question.findtext("answernumbering") != "ABCD":
            failures.append(f"{where}: options are not lettered ABCD")
        if len(right) != 1 or len(answers) < 3:
            failures.append(f"{where}: {len(right)} right options of {len(answers)}")
        else:
            letters["choice"] = chr(65 + right[0])
        for answer in answers:
            if not (answer.findtext("feedback/text") or "").strip():
                failures.append(f"{where}: an option without its explanation")
    else:
        if not (question.findtext("graderinfo/text") or "").strip() and feedback:
            failures.append(f"{where}: an essay without grader information")
        letters["key_points"] = None
    return (category, name, {}, body, feedback, letters)


def compare_choices(where, got, key):
    """Letters read back (`choice`, `choice[k]`; `key_points` for an essay) against the key's answers."""
    expected = {}
    if isinstance(key.get("choice"), str):
        expected["choice"] = key["choice"]
    elif isinstance(key.get("choice"), list):
        expected.update({f"choice[{k}]": letter for k, letter in enumerate(key["choice"])})
    if "key_points" in key:
        expected["key_points"] = None
    if got != expected:
        failures.append(f"{where}: right options {got}, the key says {expected}")


def compare_answers(where, cloze, key):
    """The Cloze fields against the key's answers: same paths, values within tolerance."""
    key = answer_leaves(key)
    if set(cloze) != set(key):
        failures.append(f"{where}: fields {sorted(set(cloze) ^ set(key))} differ from the key's answers")
    for path, (value, tolerance) in cloze.items():
        if path not in key:
            continue
        expected = key[path]
        if abs(value - expected) > tolerance + 1e-12 * max(1, abs(expected)):
            failures.append(f"{where}: {path} = {value} ± {tolerance}, the key says {expected}")
        want = expected_tolerance(expected)
        if abs(tolerance - want) > 1e-9 * max(want, 1e-300):
            failures.append(f"{where}: {path}: tolerance {tolerance}, expected {want}")


def check_moodle(lang):
    """A class of 3 × every topic as moodle.xml against its answer key; `gen` against `--format json`."""
    folder = os.path.join(OUT, f"moodle-{lang}")
    handout = {"title": f"LMS check {lang}", "seed": 7, "students": 3, "lang": lang, "formats": ["json", "moodle"],
               "sections": [{"topic": t, "difficulty": d} for t in topics() for d in ("easy", "hard")]
               + [{"title": "Classics", "problems": os.path.abspath("problems/conv-notes-32x32.json")}]}
    path = os.path.join(OUT, f"moodle-{lang}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(handout, f, ensure_ascii=False)
    review("build", path, "--out", folder, "--force")
    try:
        with open(os.path.join(folder, "moodle.xml"), encoding="utf-8") as f:
            questions = read_moodle(f.read(), f"moodle-{lang}/moodle.xml")
        with open(os.path.join(folder, "answer-key.json"), encoding="utf-8") as f:
            key = json.load(f)
    except OSError as error:
        return failures.append(f"moodle-{lang}: {error}")
    by_id = {}
    for student in key["students"]:
        for result in student["results"]:
            by_id[(student["folder"][:3], result["id"])] = result["answers"]
            by_id.setdefault((None, result["id"]), result["answers"])
    categories = {q[0] for q in questions}
    if len(categories) != len(handout["sections"]):
        failures.append(f"moodle-{lang}: {len(categories)} categories for {len(handout['sections'])} sections")
    generated = len(handout["sections"]) - 1
    if len(questions) != 3 * generated + 1:
        failures.append(f"moodle-{lang}: {len(questions)} questions, expected {3 * generated + 1}")
    for category, name, answers, body, _, letters in questions:
        student, _, problem = name.rpartition(" · ")
        number = student[:3] if student[:3].isdigit() else None
        expected = by_id.get((number, problem if number else name))
        if expected is None:
            failures.append(f"moodle-{lang}: {name}: no such problem in answer-key.json")
            continue
        compare_answers(f"moodle-{lang}: {name}", answers, expected)
        compare_choices(f"moodle-{lang}: {name}", letters, expected)
        if lang == "zh" and not is_chinese(body, letters):
            failures.append(f"moodle-{lang}: {name}: the question is not in Chinese")
    for topic in topics():
        args = ("gen", "--topic", topic, "--seed", "3", "--count", "2", "--lang", lang)
        moodle = read_moodle(review(*args, "--format", "moodle"), f"gen {topic} {lang}")
        results = json.loads(review(*args, "--format", "json") or '{"results": []}')["results"]
        if len(moodle) != len(results):
            failures.append(f"gen --topic {topic} --format moodle: {len(moodle)} questions for {len(results)} problems")
        for (_, name, answers, _, _, letters), result in zip(moodle, results):
            compare_answers(f"gen --topic {topic} --format moodle: {name}", answers, result["answers"])
            compare_choices(f"gen --topic {topic} --format moodle: {name}", letters, result["answers"])
    print(f"check-sheets: moodle ({lang}): {len(questions)} class questions and every topic's gen read back")


# The 30-student key of final answers prints on this many A4 pages at most.
KEY_PAGES = 3


def check_answer_key_pages():
    """Issue 16: the answer key of the 30-student final review, printed from
    Chromium, fits on 3 pages (it was 46 as a table of JSON-like rows, 9 with
    every intermediate answer as math), in both languages; each student's
    question sheet asks for a name and a student number and prints working
    space under each problem."""
    found = playwright_chromium()
    if not found:
        return
    sync_playwright, browser_path = found
    with open("problems/handout-final-review.json", encoding="utf-8") as f:
        handout = json.load(f)
    for section in handout["sections"]:
        if "problems" in section:
            section["problems"] = os.path.abspath(os.path.join("problems", section["problems"]))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        for lang, words in (("en", "Student number"), ("zh", "学号")):
            handout["lang"], handout["formats"] = lang, ["html"]
            source = os.path.abspath(os.path.join(OUT, f"key-handout-{lang}.json"))
            with open(source, "w", encoding="utf-8") as f:
                json.dump(handout, f, ensure_ascii=False)
            built = os.path.abspath(os.path.join(OUT, f"key-build-{lang}"))
            shutil.rmtree(built, ignore_errors=True)
            review("build", source, "--out", built)
            key = os.path.join(built, "answer-key.html")
            if not os.path.exists(key):
                failures.append(f"answer key ({lang}): not built")
                continue
            page = browser.new_page()
            page.goto("file://" + key)
            pdf = page.pdf(format="A4", path=os.path.join(OUT, f"answer-key-{lang}.pdf"))
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            if pages > KEY_PAGES:
                failures.append(f"answer key ({lang}): {pages} printed pages for 30 students (at most {KEY_PAGES})")
            page.close()
            questions = os.path.join(built, sorted(d for d in os.listdir(built) if d[:3].isdigit())[0], "questions.html")
            page = browser.new_page()
            page.goto("file://" + questions)
            page.emulate_media(media="print")
            spaces = page.evaluate("""() => [...document.querySelectorAll('.working-space')]
                .filter(e => e.getBoundingClientRect().height > 100).length""")
            problems = page.evaluate("() => document.querySelectorAll('section.problem').length")
            if words not in page.inner_text("body"):
                failures.append(f"questions ({lang}): no name and student-number line")
            if spaces != problems:
                failures.append(f"questions ({lang}): {spaces} printed working spaces for {problems} problems")
            page.close()
            print(f"check-sheets: answer key ({lang}): {pages} printed pages for 30 students")
        browser.close()

def is_chinese(stem, letters):
    """A numeric question shows the Chinese answer-fields line; a concepts one (text only) a Chinese prompt."""
    if letters:
        return re.search(r"[\u4e00-\u9fff]", stem) is not None
    return "你的答案" in stem


def read_qti_choice(item, where, meta):
    """The right option's letter of a multiple_choice_question: the options
    read by qti2latex (idents A, B … in order), the right one the <varequal>
    of the condition that sets SCORE to 100 (qti2latex's get_correct_idents
    also counts the conditions that only show a wrong option's feedback);
    each wrong option's reason an <itemfeedback> its condition shows."""
    import qti2latex
    options = qti2latex.get_choices(item)
    idents = [ident for ident, _ in options]
    if idents != [chr(65 + k) for k in range(len(idents))] or len(idents) < 3:
        failures.append(f"{where}: options {idents}, expected A, B, C … in order")
    if meta.get("original_answer_ids", "") != ",".join(idents):
        failures.append(f"{where}: original_answer_ids {meta.get('original_answer_ids')!r} do not list the options")
    right, shown = None, {}
    for condition in qti2latex.findall_anyns(item, "respcondition"):
        equal = [n for n in condition.iter() if qti2latex.extract_tag(n) == "varequal"]
        setvars = qti2latex.findall_anyns(condition, "setvar")
        if setvars and (setvars[0].text or "").strip() == "100":
            right = (equal[0].text or "").strip() if len(equal) == 1 else None
        for display in qti2latex.findall_anyns(condition, "displayfeedback"):
            if len(equal) == 1:
                shown[(equal[0].text or "").strip()] = display.get("linkrefid")
    if right not in idents:
        failures.append(f"{where}: the right option {right!r} is not one of {idents}")
        return None
    feedbacks = {fb.get("ident"): " ".join(m.text or "" for m in qti2latex.findall_anyns(fb, "mattext"))
                 for fb in qti2latex.findall_anyns(item, "itemfeedback")}
    if "general_fb" in feedbacks:  # with solutions: every wrong option says why
        for ident in idents:
            if ident != right and not feedbacks.get(shown.get(ident, ""), "").strip():
                failures.append(f"{where}: option {ident} has no feedback of its own")
    return right


def read_qti(path, label):
    """[(group title, selection, item title, path, (value, tolerance), stem, feedback)] of a QTI zip, checked."""
    import zipfile
    import xml.etree.ElementTree as ET
    try:
        import qti2latex  # reads Canvas's QTI 1.2: groups, metadata, question types, stems
    except ImportError:
        missing("qti2latex (pip install qti2latex)")
        return []
    try:
        package = zipfile.ZipFile(path)
        names = set(package.namelist())
        manifest = ET.fromstring(package.read("imsmanifest.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError) as error:
        failures.append(f"{label}: not a content package with imsmanifest.xml: {error}")
        return []
    files = [f.get("href") for f in qti2latex.findall_anyns(manifest, "file")]
    resources = qti2latex.findall_anyns(manifest, "resource")
    assessments = [r for r in resources if r.get("type") == "imsqti_xmlv1p2"]
    if len(assessments) != 1:
        failures.append(f"{label}: {len(assessments)} imsqti_xmlv1p2 resources, expected 1")
        return []
    for href in files:
        if href not in names:
            failures.append(f"{label}: the manifest names {href}, which is not in the zip")
    if set(files) != names - {"imsmanifest.xml"}:
        failures.append(f"{label}: files not in the manifest: {sorted(names - set(files) - {'imsmanifest.xml'})}")
    root = ET.fromstring(package.read(assessments[0].get("href")))
    assessment = qti2latex.child_anyns(root, "assessment")
    top = qti2latex.child_anyns(assessment, "section") if assessment is not None else None
    if top is None:
        failures.append(f"{label}: no <assessment><section>")
        return []
    items = []
    for group in top:
        if qti2latex.extract_tag(group) != "section":
            failures.append(f"{label}: a {qti2latex.extract_tag(group)} outside a question group")
            continue
        select, points, members = qti2latex.get_group(group)
        if not members or select is None or not 1 <= select <= len(members) or points != 1:
            failures.append(f"{label}: group {group.get('title')}: selects {select} of {len(members)} items")
        for item in members:
            title = item.get("title") or ""
            where = f"{label}: {title}"
            meta = qti2latex.get_qti_metadata(item)
            kind = qti2latex.guess_type(meta, item)
            answer_path = meta.get("review_answer_path", "")
            if not title.endswith(" · " + answer_path):
                failures.append(f"{where}: the title does not end with its answer path {answer_path!r}")
            stem = qti2latex.get_item_stem(item)
            feedback = " ".join(m.text or "" for fb in qti2latex.findall_anyns(item, "itemfeedback")
                                for m in qti2latex.findall_anyns(fb, "mattext"))
            # concepts (text only, no math asked for): a multiple choice's right letter, or an essay.
            if kind == "multiple_choice_question":
                items.append((group.get("title"), select, title, answer_path,
                              read_qti_choice(item, where, meta), stem, feedback))
                continue
            if kind == "essay_question":
                if answer_path != "key_points" or not qti2latex.findall_anyns(item, "response_str"):
                    failures.append(f"{where}: an essay must take text and stand for key_points")
                items.append((group.get("title"), select, title, answer_path, None, stem, feedback))
                continue
            if kind != "numerical_question":
                failures.append(f"{where}: question type {kind!r}")
            # The correct answer as QTI 1.2 states it: <varequal>, or within <vargte>…<varlte>.
            value, low, high = None, None, None
            for condition in qti2latex.findall_anyns(item, "respcondition"):
                setvars = qti2latex.findall_anyns(condition, "setvar")
                if not setvars or (setvars[0].text or "").strip() != "100":
                    continue
                for node in condition.iter():
                    tag = qti2latex.extract_tag(node)
                    if tag == "varequal":
                        value = float(node.text)
                    elif tag == "vargte":
                        low = float(node.text)
                    elif tag == "varlte":
                        high = float(node.text)
            if value is None:
                failures.append(f"{where}: no correct answer")
                continue
            if (low is None) != (high is None) or (low is not None and not low <= value <= high):
                failures.append(f"{where}: the range {low}…{high} does not hold {value}")
            tolerance = 0.0 if low is None else (high - low) / 2
            for part, html in (("question", stem), ("feedback", feedback)):
                if "<math" in html:
                    failures.append(f"{where}: {part} has MathML; Canvas's MathJax wants \\(…\\)")
                for ref in re.findall(r'<img[^>]* src="([^"]+)"', html):
                    if ref not in names:
                        failures.append(f"{where}: {part} shows {ref}, which is not in the zip")
                    elif not ET.fromstring(package.read(ref)).tag.endswith("svg"):
                        failures.append(f"{where}: {ref} is not SVG")
            if "\\(" not in stem + feedback:
                failures.append(f"{where}: no \\(…\\) math in the question or its feedback")
            items.append((group.get("title"), select, title, answer_path, (value, tolerance), stem, feedback))
    return items


def compare_qti(where, items, key):
    """One problem's items against its key answers (paths, values, tolerances; letters)."""
    compare_answers(where, {path: answer for path, answer in items if isinstance(answer, tuple)}, key)
    letters = {path: answer for path, answer in items if not isinstance(answer, tuple)}
    if letters or "choice" in key or "key_points" in key:
        compare_choices(where, letters, key)
    if len(items) != len({path for path, _ in items}):
        failures.append(f"{where}: an answer path is asked twice")


def check_qti(lang):
    """A class of 3 × every topic as qti.zip against its answer key; `gen --format qti` against `--format json`."""
    folder = os.path.join(OUT, f"qti-{lang}")
    handout = {"title": f"QTI check {lang}", "seed": 7, "students": 3, "lang": lang, "formats": ["json", "qti"],
               "sections": [{"topic": t, "difficulty": d} for t in topics() for d in ("easy", "hard")]
               + [{"title": "Classics", "problems": os.path.abspath("problems/conv-notes-32x32.json")}]}
    path = os.path.join(OUT, f"qti-{lang}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(handout, f, ensure_ascii=False)
    review("build", path, "--out", folder, "--force")
    try:
        with open(os.path.join(folder, "answer-key.json"), encoding="utf-8") as f:
            key = json.load(f)
    except OSError as error:
        return failures.append(f"qti-{lang}: {error}")
    items = read_qti(os.path.join(folder, "qti.zip"), f"qti-{lang}/qti.zip")
    if not items:
        return
    by_problem = {}
    for group, select, title, answer_path, answer, stem, _ in items:
        parts = title.split(" · ")
        number = parts[0][:3] if parts[0][:3].isdigit() else None
        by_problem.setdefault((number, parts[-2]), []).append((answer_path, answer))
        if number and select != 1:
            failures.append(f"qti-{lang}: group {group} draws {select} items; a variant's answer is drawn once")
        if lang == "zh" and not is_chinese(stem, not isinstance(answer, tuple)):
            failures.append(f"qti-{lang}: {title}: the question is not in Chinese")
    expected = 0
    for student in key["students"]:
        for result in student["results"]:
            fixed = (None, result["id"]) in by_problem
            got = by_problem.get((None, result["id"]) if fixed else (student["folder"][:3], result["id"]))
            if got is None:
                failures.append(f"qti-{lang}: {student['folder']} {result['id']}: not in qti.zip")
                continue
            if not fixed:
                expected += 1
            compare_qti(f"qti-{lang}: {student['folder']} {result['id']}", got, result["answers"])
    if expected != 3 * (len(handout["sections"]) - 1):
        failures.append(f"qti-{lang}: {expected} students' problems found, expected {3 * (len(handout['sections']) - 1)}")
    for topic in topics():
        args = ("gen", "--topic", topic, "--seed", "3", "--count", "2", "--lang", lang)
        zip_path = os.path.join(OUT, f"qti-{lang}-{topic}.zip")
        review(*args, "--format", "qti", "-o", zip_path)
        results = json.loads(review(*args, "--format", "json") or '{"results": []}')["results"]
        gen_items = read_qti(zip_path, f"gen {topic} {lang} --format qti")
        for result in results:
            got = [(p, a) for _, _, title, p, a, _, _ in gen_items if title.split(" · ")[0] == result["id"]]
            compare_qti(f"gen --topic {topic} --format qti: {result['id']}", got, result["answers"])
    print(f"check-sheets: qti ({lang}): {len(items)} class items and every topic's gen read back")


os.makedirs(OUT, exist_ok=True)
for lang in LANGS:
    check_moodle(lang)
    check_qti(lang)
    check_markdown(lang)
    check_html(lang)
    check_print(lang)
    check_practice(lang)
    check_latex(lang)
check_roster_latex()
check_answer_key_pages()

if failures:
    print("check-sheets: FAILED")
    for failure in failures:
        print("  " + failure)
    sys.exit(1)
print(f"check-sheets: every sheet renders (md, html, latex, moodle, qti; {', '.join(LANGS)}); screenshots in {OUT}")
