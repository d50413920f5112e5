/**
 * @module
 * ews-javascript-api 0.15.3 answers an HTTP 500 whose body is empty, plain text or not a SOAP fault with a promise
 * that never settles, and the TypeError its parser hits escapes as an `unhandledRejection` (client-probe §3.6) —
 * which kills a Node 20 process by default. Two defences, both owned by the engine (not only the CLI):
 *
 * 1. `soapFaultFor500`: the engine's XHR dispatcher replaces such a body by a SOAP fault (ErrorInternalServerError,
 *    naming the status and the start of the body) BEFORE the library parses it, so the call rejects at once with a
 *    clear error instead of hanging, and the stray rejection never happens.
 * 2. `installStrayRejectionGuard`: installed once per process, it swallows ONLY the library's known stray TypeErrors
 *    (should another path produce them); the hung call itself is ended by callEws's own per-call timeout. Any other
 *    unhandled rejection is left alone — and rethrown when this guard is the only listener, because merely listening
 *    turns off Node's default crash.
 */
import { redactString } from '#util/redact.ts';

/** The messages of client-probe §3.6, thrown inside the library's XML parsing. */
const KNOWN_STRAY_MESSAGES = [
  "Cannot read properties of undefined (reading 'documentElement')",
  "Cannot read properties of null (reading 'nodeType')",
  "Cannot read properties of null (reading 'Header')",
];

export function isKnownEwsStrayRejection(reason: unknown): boolean {
  if (!(reason instanceof TypeError)) return false;
  if (!KNOWN_STRAY_MESSAGES.includes(reason.message)) return false;
  // Only when the library (or the xmldom parser it uses) is on the stack: the same TypeError from our code is a bug.
  return /ews-javascript-api|xmldom/.test(reason.stack ?? '');
}

let installed = false;
let swallowed = 0;

/** How many stray rejections the guard swallowed in this process (for tests and diagnostics). */
export function strayRejectionsSwallowed(): number {
  return swallowed;
}

export function onUnhandledRejection(reason: unknown): void {
  if (isKnownEwsStrayRejection(reason)) {
    swallowed++;
    return;
  }
  if (process.listenerCount('unhandledRejection') <= 1) throw reason;
}

/** Idempotent: one listener per process however many engines are created. */
export function installStrayRejectionGuard(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', onUnhandledRejection);
}

const SOAP_FAULT = /<([\w-]+:)?Envelope[\s>][\s\S]*<([\w-]+:)?Fault[\s>]/;

/**
 * For a failed EWS exchange: undefined when the library can parse it, else a SOAP fault body to parse instead. Only
 * HTTP 500 goes through the library's SOAP-fault parser (other statuses become SoapFaultDetails without parsing).
 */
export function soapFaultFor500(status: number | undefined, body: unknown, url: string): string | undefined {
  if (status !== 500) return undefined;
  const text = typeof body === 'string' ? body : '';
  if (SOAP_FAULT.test(text)) return undefined;
  const snippet = redactString(text.replace(/\s+/g, ' ').trim().slice(0, 160));
  const message = `HTTP 500 from ${url} without a SOAP fault (${snippet ? `body: "${snippet}"` : 'empty body'}); the server failed outside EWS (a proxy, load balancer or crashed handler?)`;
  return (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
    '<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorInternalServerError</faultcode>' +
    `<faultstring xml:lang="en-US">${escapeXml(message)}</faultstring><detail>` +
    '<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInternalServerError</e:ResponseCode>' +
    `<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${escapeXml(message)}</e:Message>` +
    '</detail></s:Fault></s:Body></s:Envelope>'
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
