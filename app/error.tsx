"use client";

/** What a user sees when a page fails: nothing internal, and a reference the log also carries. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you entered was saved by this failure.</p>
      {error.digest ? <p>Reference for the administrators: {error.digest}</p> : null}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
