#!/usr/bin/env python3
"""Renders one sheet per topic in every format and checks each the way a
reader would meet it:

- HTML in headless Chromium (Debian's `chromium`, driven by Playwright) with
  the network cut off: fails on any request that is not the page itself, on
  console errors and page errors, on formulas the MathML converter could not
  read (<merror>), on a sheet without math, and writes a screenshot.
- Markdown through a GitHub-flavoured renderer (markdown-it-py with tables and
  dollar math): every formula must parse as math and every pipe table as a
  table.
- LaTeX: English sheets through pdflatex, Chinese ones through xelatex (the
  one preamble serves both engines): the document must compile without
  errors and, under xelatex, without a "Missing character" (a glyph no font
  has). Then the example roster handout (handout-roster-example.json: names
  in Chinese, Vietnamese, Korean …) is built and its answer key and the
  question and solution sheets of a sample of students — the first, and
  every one whose name is not plain ASCII — go through xelatex; a sample,
  not the whole roster, because each compile takes a second or two.

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


def check_html(lang):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return missing("the Python package playwright")
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser_path:
        return missing("chromium")
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
            if counts["math"] == 0:
                problems.append("no formula on the page")
            if counts["merror"]:
                problems.append(f"formulas MathML could not render: {counts['merror'][:5]}")
            if counts["dollars"]:
                problems.append("unrendered $$ in the page text")
            if counts["lang"] != lang:
                problems.append(f"<html lang> is {counts['lang']!r}, expected {lang!r}")
            page.screenshot(path=os.path.join(OUT, f"{name}.png"), full_page=False)
            page.close()
            failures.extend(f"{name}.html: {p}" for p in problems)
        browser.close()


def check_practice(lang):
    """A practice page in headless Chromium, network cut: a right answer, a
    slipped one (450 for 456: the forgotten bias) and garbage, checked with
    Enter; then Next step and Show all reveal the folded solution."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return missing("the Python package playwright")
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser_path:
        return missing("chromium")
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


def check_latex(lang):
    engine = "pdflatex" if lang == "en" else "xelatex"
    if engine == "xelatex" and not xelatex_ready():
        return missing(XELATEX_NEEDS)
    if not shutil.which(engine):
        return missing(engine)
    for name, text in sheets("latex", lang):
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


os.makedirs(OUT, exist_ok=True)
for lang in LANGS:
    check_markdown(lang)
    check_html(lang)
    check_practice(lang)
    check_latex(lang)
check_roster_latex()

if failures:
    print("check-sheets: FAILED")
    for failure in failures:
        print("  " + failure)
    sys.exit(1)
print(f"check-sheets: every sheet renders (md, html, latex; {', '.join(LANGS)}); screenshots in {OUT}")
