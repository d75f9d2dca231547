// Which approved template carries a message kind: its own (`accepted=SMS_1`), else the fallback
// (`*=SMS_9`), else none (the message cannot be sent through a template provider).
export function templateFor(
  templates: Readonly<Record<string, string>>,
  kind: string,
): string | null {
  return templates[kind] ?? templates['*'] ?? null
}
