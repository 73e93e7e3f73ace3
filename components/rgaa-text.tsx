import { Fragment } from 'react';

/** Official RGAA text: its `code spans` shown as code, everything as text (never as HTML). */
export function RgaaText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd number of backticks leaves the last one unmatched: show it as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
