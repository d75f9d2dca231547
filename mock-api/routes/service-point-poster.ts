/**
 * The A4 poster a window hangs up: the code large enough to scan from an arm's length, the window's
 * name, what to do in three short lines, and the window's short address (`<host>/w/<code>`, six
 * characters without look-alikes) in text for a phone that cannot scan.
 * No inline script (the CSP allows none): the on-screen print button is wired by print.js, a
 * same-origin file beside the poster; the inline <style> is allowed by the CSP's style-src. The
 * code loads as an <img> of code.svg, relative to the poster's own URL, so it stays sharp at any
 * print resolution.
 */
import { SafeHtml, html } from './html.js'

export type PosterFacts = {
  name: string
  hall: string
  window: string
  deskName: string
  /** The SVG of the window code, relative to the poster's URL. */
  codeUrl: string
  /** `<origin>/w/<code>`: printed under the code for people who cannot scan (it leads there). */
  shortLink: string
}

/** What a person types: `https://` goes (browsers add it), the code stands apart to read aloud. */
export function typedAddress(shortLink: string): { prefix: string; code: string } {
  const bare = shortLink.replace(/^https:\/\//, '')
  const cut = bare.lastIndexOf('/') + 1
  return { prefix: bare.slice(0, cut), code: bare.slice(cut) }
}

/** Wires the poster's print button; served as print.js beside the poster (no inline script). */
export const POSTER_PRINT_SCRIPT =
  "document.getElementById('print')?.addEventListener('click', () => window.print())\n"

// Trusted constant text: <style> content is raw text, so it must not be entity-escaped.
const STYLE = new SafeHtml(`
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; background: #fff; color: #1a1a1a; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.poster { width: 210mm; height: 297mm; margin: 0 auto; padding: 18mm 20mm 14mm;
  display: flex; flex-direction: column; align-items: center; text-align: center; }
.brand { margin: 0; font-size: 14pt; letter-spacing: 0.3em; color: #b3261e; }
h1 { margin: 4mm 0 2mm; font-size: 40pt; letter-spacing: 0.1em; }
.lead { margin: 0; font-size: 16pt; }
.code { width: 112mm; height: 112mm; margin: 8mm 0 2mm; image-rendering: pixelated; }
.address { margin: 0 0 5mm; max-width: 170mm; font-size: 10pt; color: #333; }
.address span { display: block; margin-top: 1mm; font-family: "Noto Sans Mono", Consolas,
  monospace; font-size: 20pt; word-break: break-all; }
.address b { letter-spacing: 0.12em; }
.window { margin: 0; font-size: 18pt; line-height: 1.4; }
.window strong { display: block; font-size: 30pt; }
.steps { margin: 8mm 0 0; padding: 0; list-style: none; font-size: 15pt; line-height: 1.9; }
.free { margin: 6mm 0 0; padding: 2mm 6mm; border: 0.5mm solid #b3261e; border-radius: 2mm;
  font-size: 15pt; color: #b3261e; }
footer { margin-top: auto; font-size: 11pt; color: #555; }
.screen-note { max-width: 210mm; margin: 6mm auto; padding: 0 20mm; font-size: 11pt; color: #555; }
.screen-note button { min-height: 44px; margin-right: 4mm; padding: 0 6mm; font: inherit;
  font-size: 13pt; color: #fff; background: #b3261e; border: 0; border-radius: 2mm; cursor: pointer; }
@media screen { .poster { box-shadow: 0 0 3mm rgba(0, 0, 0, 0.25); margin-top: 6mm; } }
@media print { .screen-note { display: none; } }
`)

export function posterHtml(facts: PosterFacts): string {
  const address = typedAddress(facts.shortLink)
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>桂商码 · ${facts.name}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main class="poster">
          <p class="brand">桂商码</p>
          <h1>扫码反映问题</h1>
          <p class="lead">经营中遇到困难、对政府工作有意见建议，请扫码告诉我们</p>
          <img class="code" src="${facts.codeUrl}" alt="${facts.name} 的桂商码二维码" />
          <p class="address">
            无法扫码时，在手机浏览器地址栏输入：<span id="short-address"
              >${address.prefix}<b>${address.code}</b></span
            >
          </p>
          <p class="window">${facts.hall}<strong>${facts.window}</strong></p>
          <ol class="steps">
            <li>① 用手机相机或微信“扫一扫”扫描上方二维码</li>
            <li>② 填写问题，提交后即得回执，可随时查看办理进度</li>
            <li>③ 办结后请对办理结果作出评价</li>
          </ol>
          <p class="free">无需下载应用 · 免费</p>
          <footer>受理：${facts.deskName}</footer>
        </main>
        <p class="screen-note">
          <button type="button" id="print">打印海报</button>
          纸张选 A4，边距选“无”（也可按 Ctrl+P）。
        </p>
        <script src="print.js" defer></script>
      </body>
    </html> `.value
}
