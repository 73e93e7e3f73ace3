// Every message that crosses a boundary in Grille, by name, with the zod schema of its payload.
// This is the only place message names and payload types exist: senders build payloads typed
// from here, receivers validate them here on arrival (parsePayload, parseMessage) and never trust
// a page, the background or storage to have sent the right shape.
//
// Channels today:
// - selectionSnapshot: page → extension, the return value of the function readSelection injects;
// - pendingCapture: background → panel, through extension storage (PENDING_CAPTURE_KEY): a quote
//   the juror took with the page's context menu, waiting for the panel to attach it to criteria.
// Runtime messages (runtime.sendMessage) use the same registry through message() / parseMessage().
import { z } from 'zod';

/** A quote longer than this is cut, and says so (`truncated`). */
export const MAX_QUOTE_CHARS = 20_000;
export const MAX_URL_CHARS = 8_192;
export const MAX_TITLE_CHARS = 1_000;

/** Evidence comes from web pages or local files only (what lib/workspace/evidence accepts). */
const WEB_URL = /^(https?|file):/i;

const PageUrl = z.string().min(1).max(MAX_URL_CHARS);
const PageTitle = z.string().max(MAX_TITLE_CHARS);
const CapturedAt = z.number().int().nonnegative();
/** The browser window whose panel should pick the capture up (absent: any panel). */
const WindowId = z.number().int().optional();

export const SelectionSnapshot = z.strictObject({
  /** The selection as the browser serialises it: verbatim, with its line breaks. */
  text: z.string().max(MAX_QUOTE_CHARS),
  truncated: z.boolean(),
  url: PageUrl,
  title: PageTitle,
});
export type SelectionSnapshot = z.infer<typeof SelectionSnapshot>;

export const StoredQuoteCapture = z.strictObject({
  kind: z.literal('quote'),
  quote: z.string().max(MAX_QUOTE_CHARS).refine((q) => q.trim().length > 0, 'empty quote'),
  truncated: z.boolean().optional(),
  url: PageUrl.regex(WEB_URL),
  pageTitle: PageTitle,
  capturedAt: CapturedAt,
  windowId: WindowId,
});

export const StoredLinkCapture = z.strictObject({
  kind: z.literal('link'),
  url: PageUrl.regex(WEB_URL),
  pageTitle: PageTitle,
  capturedAt: CapturedAt,
  windowId: WindowId,
});

/** A capture that can wait in extension storage (JSON only: a screenshot's Blob cannot). */
export const StoredCapture = z.discriminatedUnion('kind', [StoredQuoteCapture, StoredLinkCapture]);
export type StoredCapture = z.infer<typeof StoredCapture>;

/** Where the background leaves a pending capture for the panel (storage.session, else storage.local). */
export const PENDING_CAPTURE_KEY = 'grille:pendingCapture';

/** Message name → payload schema. */
export const MESSAGES = {
  selectionSnapshot: SelectionSnapshot,
  pendingCapture: StoredCapture,
} as const;

export type MessageName = keyof typeof MESSAGES;
export type Payload<N extends MessageName> = z.infer<(typeof MESSAGES)[N]>;
export type Message = { [N in MessageName]: { type: N; payload: Payload<N> } }[MessageName];

export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

/** The payload if `raw` is a valid `name` payload, else null: call it on arrival. */
export function parsePayload<N extends MessageName>(name: N, raw: unknown): Payload<N> | null {
  const parsed = MESSAGES[name].safeParse(raw);
  return parsed.success ? (parsed.data as Payload<N>) : null;
}

/** A runtime message, typed: `browser.runtime.sendMessage(message('…', payload))`. */
export function message<N extends MessageName>(type: N, payload: Payload<N>): { type: N; payload: Payload<N> } {
  return { type, payload };
}

const Envelope = z.object({ type: z.string(), payload: z.unknown() });

/** A runtime message received from anywhere, validated: null when its name or payload is unknown or wrong. */
export function parseMessage(raw: unknown): Message | null {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(MESSAGES, envelope.data.type)) return null;
  const type = envelope.data.type as MessageName;
  const payload = parsePayload(type, envelope.data.payload);
  return payload === null ? null : ({ type, payload } as Message);
}
