import type { FramedText, TextFrame } from './dialects/dialect-ops.js';

/**
 * `texts` joined by `separator` inside `frame`, as UTF-8 bytes written piece by piece into one buffer. Joined into
 * one string first, a page of rows made a string of hundreds of kilobytes on the heap (a large object, left to full
 * collections), and encoding it cost as much again.
 */
export function joinUtf8(texts: readonly string[], separator: string, frame: TextFrame): FramedText {
  // A guess that is exact for ASCII; a piece that might not fit is measured, and the buffer grows if it does not.
  let size = frame.open.length + Math.max(0, texts.length - 1) * separator.length + frame.room;
  for (const text of texts) size += text.length;
  let buffer = Buffer.allocUnsafe(size);
  let used = 0;
  const put = (text: string) => {
    const room = buffer.length - frame.room - used;
    // A UTF-16 unit takes at most 3 bytes.
    if (room < text.length * 3) {
      const needed = Buffer.byteLength(text);
      if (room < needed) {
        const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + needed + frame.room));
        buffer.copy(grown, 0, 0, used);
        buffer = grown;
      }
    }
    used += buffer.write(text, used);
  };
  put(frame.open);
  texts.forEach((text, i) => {
    if (i > 0) put(separator);
    put(text);
  });
  return { text: buffer.subarray(0, used + frame.room), used };
}
