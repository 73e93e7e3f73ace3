import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_CHARS, MESSAGE_NAMES, message, parseMessage, parsePayload } from '@/lib/messaging/protocol';

const snapshot = { text: 'Ligne 1\nLigne 2', truncated: false, url: 'https://atelier-brume.fr/', title: 'Atelier Brume' };
const quote = { kind: 'quote', quote: 'Livraison offerte\ndès 49 €', url: 'https://atelier-brume.fr/cgv/', pageTitle: 'CGV', capturedAt: 1_700_000_000_000 };

describe('message protocol', () => {
  it('names every message once', () => {
    expect(MESSAGE_NAMES).toEqual(['selectionSnapshot', 'pendingCapture']);
  });

  it('accepts a selection snapshot as the injected function returns it, and nothing else', () => {
    expect(parsePayload('selectionSnapshot', snapshot)).toEqual(snapshot);
    expect(parsePayload('selectionSnapshot', { ...snapshot, html: '<b>x</b>' })).toBeNull();
    expect(parsePayload('selectionSnapshot', { ...snapshot, text: 'x'.repeat(MAX_QUOTE_CHARS + 1) })).toBeNull();
    expect(parsePayload('selectionSnapshot', { ...snapshot, text: 42 })).toBeNull();
    expect(parsePayload('selectionSnapshot', { ...snapshot, url: '' })).toBeNull();
    expect(parsePayload('selectionSnapshot', null)).toBeNull();
    expect(parsePayload('selectionSnapshot', 'Ligne 1')).toBeNull();
  });

  it('accepts a pending quote or link from a web page, keeping the quote verbatim', () => {
    expect(parsePayload('pendingCapture', quote)).toEqual(quote);
    expect(parsePayload('pendingCapture', { ...quote, truncated: true, windowId: 3 })).toEqual({ ...quote, truncated: true, windowId: 3 });
    const link = { kind: 'link', url: 'file:///home/jury/dossier.pdf', pageTitle: '', capturedAt: 5 };
    expect(parsePayload('pendingCapture', link)).toEqual(link);
  });

  it('refuses an empty quote, a non-web address, an unknown kind, a screenshot and extra fields', () => {
    expect(parsePayload('pendingCapture', { ...quote, quote: ' \n\t ' })).toBeNull();
    expect(parsePayload('pendingCapture', { ...quote, url: 'javascript:alert(1)' })).toBeNull();
    expect(parsePayload('pendingCapture', { ...quote, url: 'chrome://settings/' })).toBeNull();
    expect(parsePayload('pendingCapture', { ...quote, kind: 'finding' })).toBeNull();
    expect(parsePayload('pendingCapture', { ...quote, kind: 'screenshot', image: {} })).toBeNull();
    expect(parsePayload('pendingCapture', { ...quote, quote: 'x'.repeat(MAX_QUOTE_CHARS + 1) })).toBeNull();
    expect(parsePayload('pendingCapture', { ...quote, capturedAt: -1 })).toBeNull();
    expect(parsePayload('pendingCapture', { ...quote, onerror: 'alert(1)' })).toBeNull();
  });

  it('validates runtime messages by name and payload', () => {
    const sent = message('pendingCapture', parsePayload('pendingCapture', quote)!);
    expect(parseMessage(JSON.parse(JSON.stringify(sent)))).toEqual({ type: 'pendingCapture', payload: quote });
    expect(parseMessage({ type: 'pendingCapture', payload: { ...quote, quote: '' } })).toBeNull();
    expect(parseMessage({ type: 'deleteEverything', payload: {} })).toBeNull();
    expect(parseMessage({ type: 'toString', payload: {} })).toBeNull();
    expect(parseMessage({ payload: quote })).toBeNull();
    expect(parseMessage(undefined)).toBeNull();
  });
});
