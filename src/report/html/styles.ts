/**
 * @module
 * Inline CSS of index.html. Light and dark via prefers-color-scheme; verdict colours also carry a text label so
 * colour is never the only signal (WCAG 1.4.1).
 */
export const STYLES = `
:root{--bg:#fbfbfc;--fg:#1b1f24;--muted:#5b6570;--line:#d9dee4;--card:#fff;--pass:#1a7f37;--fail:#cf222e;--error:#9a3412;--skip:#6e7781;--unc:#8c959f;--known:#8250df;--accent:#0969da;--hl:#fff8c5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--card:#161b22;--pass:#3fb950;--fail:#f85149;--error:#f0883e;--skip:#8b949e;--unc:#6e7681;--known:#bc8cff;--accent:#4493f8;--hl:#3b2e00}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header,main{max-width:1200px;margin:0 auto;padding:16px 20px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:15px;margin:16px 0 6px}
.meta{color:var(--muted);font-size:13px}
.banner{padding:10px 14px;border-radius:8px;margin:12px 0;font-weight:600;border:1px solid var(--line)}
.banner.ok{border-left:6px solid var(--pass)}.banner.bad{border-left:6px solid var(--fail)}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:140px}
.card b{display:block;font-size:22px}
.badge{display:inline-block;min-width:64px;text-align:center;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:700;color:#fff}
.v-PASS{background:var(--pass)}.v-FAIL{background:var(--fail)}.v-ERROR{background:var(--error)}.v-SKIP{background:var(--skip)}.v-UNCOVERED{background:var(--unc)}
.badge.known{background:var(--known)}
.tag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 6px;font-size:12px;color:var(--muted);margin-right:4px}
.filters{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:10px 0;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.filters button{font:inherit;border:1px solid var(--line);background:var(--card);color:var(--fg);border-radius:6px;padding:4px 10px;cursor:pointer}
.filters button[aria-pressed=true]{border-color:var(--accent);box-shadow:inset 0 0 0 1px var(--accent);font-weight:600}
.filters select,.filters input{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg)}
button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line)}
th[scope=row],td:first-child code{white-space:nowrap}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.finding-row td,li.t-finding{background:var(--hl)}
details.scenario{scroll-margin-top:64px;background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0}
details.scenario>summary{padding:8px 12px;cursor:pointer;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
details.scenario>div{padding:0 14px 14px}
.timeline{list-style:none;margin:0;padding:0;border-left:2px solid var(--line)}
.timeline li{margin:0 0 4px 0;padding:3px 8px 3px 12px;position:relative}
.timeline li::before{content:"";position:absolute;left:-6px;top:9px;width:10px;height:10px;border-radius:50%;background:var(--line)}
.timeline .t-cycle::before{background:var(--accent)}.timeline .t-fault::before{background:var(--error)}.timeline .t-finding::before{background:var(--known)}.timeline .t-error::before{background:var(--fail)}
.timeline time{font-family:ui-monospace,monospace;color:var(--muted);margin-right:8px}
code{white-space:nowrap}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
pre{white-space:pre-wrap;word-break:break-word;margin:2px 0}
.msg{color:var(--muted)}
.hidden{display:none!important}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.count-line{color:var(--muted);margin:4px 0}
a{color:var(--accent)}
`;
