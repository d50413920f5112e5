/**
 * @module
 * HTML escaping for the report page. Everything user- or sim-provided passes through `h()`.
 */

export function h(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A DOM-id-safe slug for a scenario id (ids contain `/`). */
export function slug(id: string): string {
  return `s-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function badge(verdict: string, extra = ''): string {
  return `<span class="badge v-${h(verdict)}${extra ? ` ${extra}` : ''}">${h(verdict)}</span>`;
}
