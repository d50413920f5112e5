/**
 * @module
 * The page's only script (inline, no network): filters by verdict, family and rule over the matrix and the
 * scenarios, keeps "showing N of M" counts current for screen readers, and opens a scenario when a link to it is
 * followed. Everything is rendered server-side; without JS the page is complete, just unfiltered.
 */
export const CLIENT_SCRIPT = `
(function () {
  var state = { verdict: 'all', family: '', rule: '' };
  var rows = Array.prototype.slice.call(document.querySelectorAll('#matrix tbody tr'));
  var scenarios = Array.prototype.slice.call(document.querySelectorAll('details.scenario'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  function has(list, item) { return (' ' + (list || '') + ' ').indexOf(' ' + item + ' ') >= 0; }
  function ruleMatch(id) { return !state.rule || id.toUpperCase().indexOf(state.rule.toUpperCase()) === 0; }
  function rowVisible(tr) {
    var v = state.verdict, d = tr.dataset;
    var verdictOk = v === 'all' || (v === 'regression' ? d.regression === 'true' : v === 'known' ? d.known === 'true' : d.verdict === v);
    return verdictOk && (!state.family || d.family === state.family) && ruleMatch(d.rule);
  }
  function scenarioVisible(el) {
    var v = state.verdict, d = el.dataset;
    var verdictOk = v === 'all' || (v === 'regression' ? has(d.classes, 'regression') : v === 'known' ? has(d.classes, 'known-failure') : v === 'UNCOVERED' ? false : d.verdict === v || has(d.verdicts, v));
    var rules = (d.rules || '').split(' ');
    return verdictOk && (!state.family || has(d.families, state.family)) && (!state.rule || rules.some(ruleMatch));
  }
  function apply() {
    var shownRows = 0, shownScenarios = 0;
    rows.forEach(function (tr) { var ok = rowVisible(tr); tr.classList.toggle('hidden', !ok); if (ok) shownRows++; });
    scenarios.forEach(function (el) { var ok = scenarioVisible(el); el.classList.toggle('hidden', !ok); if (ok) shownScenarios++; });
    // A finding shows when its scenario passes the verdict filter and its own rule passes the rule/family filters.
    var shownIds = {};
    scenarios.forEach(function (el) { if (!el.classList.contains('hidden')) shownIds[el.dataset.scenario] = true; });
    var shownFindings = 0;
    findings.forEach(function (tr) {
      var ok = !!shownIds[tr.dataset.scenario] && (!state.family || tr.dataset.family === state.family) && ruleMatch(tr.dataset.rule);
      tr.classList.toggle('hidden', !ok);
      if (ok) shownFindings++;
    });
    var fc = document.getElementById('finding-count');
    if (fc) fc.textContent = 'Showing ' + shownFindings + ' of ' + findings.length + ' findings';
    document.getElementById('matrix-count').textContent = 'Showing ' + shownRows + ' of ' + rows.length + ' rules';
    document.getElementById('scenario-count').textContent = 'Showing ' + shownScenarios + ' of ' + scenarios.length + ' scenarios';
  }
  document.querySelectorAll('[data-filter-verdict]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.verdict = button.getAttribute('data-filter-verdict');
      document.querySelectorAll('[data-filter-verdict]').forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
      apply();
    });
  });
  document.getElementById('filter-family').addEventListener('change', function (e) { state.family = e.target.value; apply(); });
  document.getElementById('filter-rule').addEventListener('input', function (e) { state.rule = e.target.value.trim(); apply(); });
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('[data-open]');
    if (link) { var target = document.getElementById(link.getAttribute('data-open')); if (target) { target.classList.remove('hidden'); target.open = true; } }
  });
  if (location.hash) { var t = document.getElementById(location.hash.slice(1)); if (t && t.tagName === 'DETAILS') t.open = true; }
  apply();
})();
`;
