// Practice pages: checks typed answers offline, with the same rules as
// `review diagnose` (Sources/ReviewKit/Practice/StudentNumber.swift):
// forgiving input, a tolerance that follows the typed digits, and the
// contract's slips named with the step to reread. No network, no framework.
(function () {
  "use strict";
  var words = JSON.parse(document.getElementById("practice-words").textContent);

  function normalize(text) {
    var out = "";
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (c >= 0xFF10 && c <= 0xFF19) out += String.fromCharCode(c - 0xFF10 + 48);
      else if (c === 0xFF0E || c === 0x3002) out += ".";
      else if (c === 0x2212 || c === 0xFF0D || c === 0x2013) out += "-";
      else if (c === 0xFF0B) out += "+";
      else if (c === 0xFF0F) out += "/";
      else if (c === 0xFF45) out += "e";
      else if (c === 0xFF25) out += "E";
      else if (c === 0xFF0C || c === 0x2C || c === 0x2009 || c === 0x202F || c === 0x5F) out += ",";
      else if (c === 0x20 || c === 0x09 || c === 0x3000) continue;
      else out += ch;
    }
    if (out.indexOf(",") < 0) return out;
    var end = out.search(/[.eE\/]/);
    if (end < 0) end = out.length;
    if (out.slice(end).indexOf(",") >= 0) return null;
    var groups = out.slice(0, end).split(",");
    var first = groups[0].replace(/^[+-]/, "");
    if (first.length < 1 || first.length > 3) return null;
    for (var i = 1; i < groups.length; i++) if (groups[i].length !== 3) return null;
    return groups.join("") + out.slice(end);
  }

  function decimal(text) {
    var m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return null;
    var exponent = m[4] === undefined ? 0 : parseInt(m[4], 10);
    if (Math.abs(exponent) >= 400) return null;
    var decimals = m[3] === undefined ? 0 : m[3].length;
    var value = parseFloat(m[1] + (m[2] || "0") + "." + (m[3] || "0")) * Math.pow(10, exponent);
    return { value: value, half: 0.5 * Math.pow(10, exponent - decimals) };
  }

  // {value, half} or null, as StudentNumber reads it.
  function read(typed) {
    var text = normalize(typed);
    if (!text) return null;
    var slash = text.indexOf("/");
    var number;
    if (slash >= 0) {
      var a = decimal(text.slice(0, slash)), b = decimal(text.slice(slash + 1));
      if (!a || !b || b.value === 0) return null;
      number = { value: a.value / b.value, half: 0 };
    } else {
      number = decimal(text);
    }
    return number && isFinite(number.value) ? number : null;
  }

  function isRight(number, expected) {
    var hair = 1e-9 * Math.max(1, Math.abs(expected));
    var difference = Math.abs(number.value - expected);
    if (difference <= hair) return true;
    if (difference > number.half + hair) return false;
    return number.half <= 0.05 * Math.abs(expected) + hair;
  }

  function slipFor(data, path, number, expected) {
    for (var i = 0; i < data.slips.length; i++) {
      var values = data.slips[i].values[path] || [];
      for (var j = 0; j < values.length; j++) if (isRight(number, values[j])) return data.slips[i];
    }
    return null;
  }

  function solutionOf(form) {
    var section = form.closest("section") || form.parentElement;
    return section.querySelector("details.solution");
  }

  function stepsOf(details) {
    return Array.prototype.filter.call(details.children, function (el) { return el.tagName !== "SUMMARY"; });
  }

  function showNotes(fieldset, notes) {
    var feedback = fieldset.querySelector(".feedback");
    if (!feedback) {
      feedback = document.createElement("p");
      feedback.className = "feedback";
      feedback.setAttribute("aria-live", "polite");
      fieldset.appendChild(feedback);
    }
    feedback.textContent = "";
    notes.forEach(function (note) {
      var line = document.createElement("span");
      line.className = "note";
      line.textContent = note;
      feedback.appendChild(line);
    });
  }

  // A multiple-choice question (concepts): right or not, and the reason
  // for the option picked, wrong options included.
  function checkChoice(fieldset, data) {
    var info = (data.choices || {})[fieldset.getAttribute("data-path")];
    var picked = fieldset.querySelector("input:checked");
    fieldset.classList.remove("is-right", "is-wrong");
    if (!info || !picked) { showNotes(fieldset, []); return false; }
    var isRight = picked.value === info.right;
    fieldset.classList.add(isRight ? "is-right" : "is-wrong");
    showNotes(fieldset, [picked.value + " — " + (isRight ? words.rightOption : words.wrongOption) + " " +
      (info.why[picked.value] || "")]);
    return isRight;
  }

  function check(form, data) {
    var right = 0, total = 0;
    form.querySelectorAll("fieldset.choice").forEach(function (fieldset) {
      total += 1;
      if (checkChoice(fieldset, data)) right += 1;
    });
    form.querySelectorAll("fieldset.answer:not(.choice)").forEach(function (fieldset) {
      var notes = [];
      fieldset.querySelectorAll("input").forEach(function (input) {
        total += 1;
        var path = input.name, expected = data.answers[path];
        input.classList.remove("is-right", "is-wrong");
        input.removeAttribute("aria-invalid");
        if (input.value.trim() === "") return;
        var number = read(input.value);
        if (!number) {
          input.classList.add("is-wrong");
          input.setAttribute("aria-invalid", "true");
          notes.push(path + ": " + words.notNumber);
          return;
        }
        if (isRight(number, expected)) { right += 1; input.classList.add("is-right"); return; }
        input.classList.add("is-wrong");
        input.setAttribute("aria-invalid", "true");
        var slip = slipFor(data, path, number, expected);
        if (slip) {
          var step = slip.steps[path] || slip.step;
          notes.push(path + ": " + words.slip + " " + slip.text + " (" + slip.id + ")" +
            (step ? ". " + words.reread + " " + step : ""));
        } else {
          notes.push(path + ": " + words.wrong);
        }
      });
      showNotes(fieldset, notes);
    });
    form.querySelector(".score").textContent =
      words.score.replace("{right}", String(right)).replace("{total}", String(total));
  }

  document.querySelectorAll("form.practice").forEach(function (form) {
    var data = JSON.parse(form.querySelector(".practice-data").textContent);
    var shown = -1;
    form.addEventListener("submit", function (event) { event.preventDefault(); check(form, data); });
    form.querySelector(".next").addEventListener("click", function () {
      var details = solutionOf(form);
      if (!details) return;
      var steps = stepsOf(details);
      if (shown < 0) steps.forEach(function (el) { el.hidden = true; });
      details.open = true;
      shown = Math.min(shown + 1, steps.length - 1);
      if (steps[shown]) { steps[shown].hidden = false; steps[shown].scrollIntoView({ block: "nearest" }); }
    });
    form.querySelector(".all").addEventListener("click", function () {
      var details = solutionOf(form);
      if (!details) return;
      stepsOf(details).forEach(function (el) { el.hidden = false; });
      shown = stepsOf(details).length - 1;
      details.open = true;
    });
  });
})();
