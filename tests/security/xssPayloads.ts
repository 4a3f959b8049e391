/**
 * XSS payloads placed in every text that comes from outside or from other officials. Each one that
 * could execute tries to set `window.__pzXss` or open a dialog; the browser test checks neither
 * happens, that no foreign element appears, and that the text is shown as text.
 */
export const XSS_FLAG = '__pzXss';
const SET = `window.${XSS_FLAG}=1`;

const SCRIPT_TAGS = [
  `<script>${SET}</script>`,
  `<SCRIPT>${SET}</SCRIPT>`,
  `<script src="data:text/javascript,${SET}"></script>`,
  `"><script>${SET}</script>`,
  `'><script>${SET}</script>`,
  `</textarea><script>${SET}</script>`,
  `</title><script>${SET}</script>`,
  `<scr<script>ipt>${SET}</scr</script>ipt>`,
  `<script>alert(1)</script>`,
  `<script/x>${SET}</script>`,
];

const EVENT_HANDLERS = [
  `<img src=x onerror="${SET}">`,
  `<img src=x onerror=alert(1)>`,
  `<IMG SRC=x OnErRoR=${SET}>`,
  `<body onload=${SET}>`,
  `<div onmouseover="${SET}">hover</div>`,
  `<input autofocus onfocus=${SET}>`,
  `<details open ontoggle=${SET}>`,
  `<video><source onerror="${SET}"></video>`,
  `<audio src=x onerror=${SET}>`,
  `<marquee onstart=${SET}>x</marquee>`,
  `" onmouseover="${SET}" x="`,
  `' autofocus onfocus='${SET}' x='`,
  `<iframe srcdoc="<script>parent.${XSS_FLAG}=1</script>">`,
  `<object data="javascript:${SET}">`,
  `<embed src="javascript:${SET}">`,
];

const URLS = [
  `javascript:${SET}`,
  `JaVaScRiPt:alert(1)`,
  `java\tscript:${SET}`,
  ` javascript:${SET}`,
  `<a href="javascript:${SET}">klik</a>`,
  `<a href="data:text/html,<script>${SET}</script>">klik</a>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `<form action="javascript:${SET}"><button>x</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${SET}">`,
];

const SVG_MATHML = [
  `<svg onload=${SET}>`,
  `<svg><script>${SET}</script></svg>`,
  `<svg><animate onbegin=${SET} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${SET}"><text x=20 y=20>x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${SET}>`,
  `<svg><foreignObject><img src=x onerror=${SET}></foreignObject></svg>`,
];

const ENTITIES_AND_ENCODING = [
  `&lt;script&gt;${SET}&lt;/script&gt;`,
  `&#60;img src=x onerror=${SET}&#62;`,
  `&#x3C;svg onload=${SET}&#x3E;`,
  `%3Cscript%3E${SET}%3C/script%3E`,
  `\\u003cscript\\u003e${SET}\\u003c/script\\u003e`,
  `{{constructor.constructor('${SET}')()}}`,
  '${' + `${SET}` + '}',
  `<!--<img src="--><img src=x onerror=${SET}//">`,
  `<style>@import 'javascript:${SET}';</style>`,
  `<link rel=stylesheet href="javascript:${SET}">`,
  `<base href="javascript:${SET}//">`,
];

const UNICODE_AND_SIZE = [
  // RTL override: shows reversed, must still be inert text
  `Woonstichting \u202Egnp.exe\u202C <img src=x onerror=${SET}>`,
  `\u2066Ziekenhuis\u2069 \u200F\u200E\u202B<b>rtl</b>\u202C`,
  `null\u0000byte<script>${SET}</script>`,
  `ctrl\u0001\u0002\u0007\u001b[31m\u007f<svg onload=${SET}>`,
  `zero\u200Bwidth\uFEFF<img src=x onerror=${SET}>`,
  `combining Z̷̢͓̈́a̸͙̓l̵̰͐g̴̙̈o̶̧͝ <script>${SET}</script>`,
  `emoji 👩🏽‍💻🏳️‍🌈 <img src=x onerror=${SET}>`,
  `line\nbreak\r\nand\ttab <img src=x onerror=${SET}>`,
  `${'A'.repeat(20_000)}<img src=x onerror=${SET}>`,
  `${'<b>'.repeat(2_000)}deep${'</b>'.repeat(2_000)}`,
  `Stichting 't Hoekje & Zn. "quoted" <i>ital</i>`,
];

export const XSS_PAYLOADS: readonly string[] = [...SCRIPT_TAGS, ...EVENT_HANDLERS, ...URLS, ...SVG_MATHML, ...ENTITIES_AND_ENCODING, ...UNICODE_AND_SIZE];

/** A form of the payload that fits a single-line SharePoint text column (255 characters). */
export function shortForm(payload: string, max = 200): string {
  const chars = Array.from(payload);
  return chars.length <= max ? payload : `${chars.slice(0, max / 2).join('')}…${chars.slice(-max / 2 + 1).join('')}`;
}
