/**
 * How report.html (the report form's empty frame, prerendered by scripts/vite-prerender.ts for a
 * window code's link and a draft) loads its scripts: not from the HTML, but from one inline
 * script, last in the body, that waits until the frame has painted and then asks for them.
 *
 * Why both halves:
 * - Lighthouse's simulated throttling puts every script request that the HTML starts, and that
 *   ends before the page paints, on the first paint's path. On localhost they often end before
 *   the paint, so the window-code page's LCP swung between 1.0 and 1.9 s from run to run with the
 *   entry script alone in the HTML. Started after the paint, none of them can be on its path.
 * - Without hints the phone found the scripts one hop at a time (the entry, then the vendor
 *   chunk it imports, then the draft screen's chunks the router asks for): three round trips,
 *   with the link idle between them. Here the entry and the vendor chunks are asked for as soon
 *   as the frame is on screen, and everything the link turns into (the report-form chunk, Dexie,
 *   the query client, the shared rules) as soon as those are in (REPORT_FRAME_LOADER says why).
 *
 * The list is in a `<meta>` (written at build time, with the chunks' hashed names), so that the
 * script's text never changes and the server can allow exactly it by its hash in the page's
 * Content-Security-Policy (mock-api/plugins/static-app.ts); no other inline script may run. It
 * loads nothing from outside `/assets/`.
 *
 * "Painted" is a task after the second animation frame from the end of the body: after the
 * first, the paint's presentation time (what the first contentful paint reports) sometimes
 * still came later than the requests (a trace at Lighthouse's throttling: FCP 420 ms, the entry
 * asked for at 407 ms).
 *
 * A hidden page (opened in the background) paints nothing and never runs animation frames: it
 * starts at once. A frame that has not painted within a second starts anyway.
 */
export const REPORT_FRAME_SCRIPTS_META = 'guishang-report-frame-scripts'

/**
 * The meta's content: `first` (the entry, then the vendor chunks it imports), a `|`, then `then`
 * (what the form needs beyond them), each space-separated.
 */
export const reportFrameScriptsMeta = (first: readonly string[], then: readonly string[]): string =>
  `<meta name="${REPORT_FRAME_SCRIPTS_META}" content="${[...first, '|', ...then].join(' ')}">`

/**
 * The entry and its vendor chunks are asked for first, and the form's chunks once those are in:
 * the phone's link is the bottleneck (about 170 KB of scripts at 1.6 Mbit/s), and sharing it
 * among every chunk at once delivered the vendor chunk last, when its 0.3 s of work at start-up
 * could have run while the rest came in.
 *
 * The form's files are asked for one a task: each modulepreload link costs the main thread some
 * work as it is added, and all of them in the vendor chunk's load event made one task of up to
 * 13 ms (once 28) in Lighthouse's unthrottled traces: a long task at its 4x CPU. One a task, the
 * loader's longest was 9 ms. Not on a hidden page: it runs no frames to keep smooth, and Chromium
 * runs its timers about once a second.
 */
export const REPORT_FRAME_LOADER = [
  '(()=>{',
  'const d=document;let started=false;',
  'const add=(href,script)=>{',
  "const el=d.createElement(script?'script':'link');",
  "if(script){el.type='module';el.src=href}",
  "else if(href.endsWith('.css')){el.rel='preload';el.as='style';el.href=href}",
  "else{el.rel='modulepreload';el.href=href}",
  "el.crossOrigin='';d.head.append(el);return el};",
  'const start=()=>{',
  'if(started)return;started=true;',
  `const meta=d.querySelector('meta[name="${REPORT_FRAME_SCRIPTS_META}"]');`,
  "const [first,then=[]]=(meta?meta.content:'').split('|').map((part)=>part.split(' ').filter((f)=>f.startsWith('/assets/')));",
  'let waiting=first.length-1;',
  'const later=()=>{',
  "if(d.visibilityState==='hidden'){then.splice(0).forEach((href)=>add(href,false));return}",
  'const href=then.shift();if(href){add(href,false);setTimeout(later)}};',
  'const next=()=>{if(--waiting===0)later()};',
  'first.forEach((href,i)=>{const el=add(href,i===0);if(i>0)el.onload=el.onerror=next});',
  'if(waiting<=0)later()};',
  "if(d.visibilityState==='hidden')start();",
  'else{requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(start)));setTimeout(start,1000)}',
  '})()',
].join('')
