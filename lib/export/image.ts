// What a screenshot's bytes are (PNG or JPEG, read from the bytes, not the stated type) and its
// size in pixels, so DOCX and PDF can embed it at the right proportions. Anything else is not
// embeddable: the documents say so instead of producing a broken file.

export interface ImageInfo {
  format: 'png' | 'jpg';
  width: number;
  height: number;
}

function pngInfo(b: Uint8Array): ImageInfo | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || signature.some((v, i) => b[i] !== v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // IHDR is always the first chunk: length (4), type (4), width (4), height (4).
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { format: 'png', width, height } : null;
}

function jpegInfo(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[i + 5]! << 8) | b[i + 6]!;
      const width = (b[i + 7]! << 8) | b[i + 8]!;
      return width > 0 && height > 0 ? { format: 'jpg', width, height } : null;
    }
    i += 2 + length;
  }
  return null;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  return pngInfo(bytes) ?? jpegInfo(bytes);
}

/** Fits width × height into a box, never enlarging. */
export function fit(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The compressed pixels of a PNG a PDF can use as they are (FlateDecode with the PNG predictors):
 * 8-bit grey or RGB, not interlaced, no transparency. Null otherwise (pdf-lib then decodes and
 * re-encodes it, which costs ~50 ms for a screen-sized capture).
 */
export function pngPassthrough(b: Uint8Array): { width: number; height: number; colors: 1 | 3; data: Uint8Array } | null {
  const info = pngInfo(b);
  if (!info) return null;
  const depth = b[24];
  const colorType = b[25];
  const interlace = b[28];
  if (depth !== 8 || (colorType !== 0 && colorType !== 2) || interlace !== 0) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: Uint8Array[] = [];
  let at = 8;
  while (at + 12 <= b.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    if (at + 12 + length > b.length) return null;
    if (type === 'tRNS') return null;
    if (type === 'IDAT') parts.push(b.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!parts.length) return null;
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.length;
  }
  return { width: info.width, height: info.height, colors: colorType === 2 ? 3 : 1, data };
}
