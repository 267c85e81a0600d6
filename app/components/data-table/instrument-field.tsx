"use client";
/**
 * The instrument filter: a text field for a CELEX number with a <datalist> of
 * suggestions. The server sends the whole list only while it is short; beyond
 * that the browser asks /search/instruments as the user types. Without
 * JavaScript it is a plain field for the CELEX number (the hint links to the
 * list of instruments).
 */
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

export interface InstrumentChoice {
  celex: string;
  shortName: string;
}

interface Props {
  value: string | null;
  choices: InstrumentChoice[];
  /** True when `choices` is every instrument (no need to ask the server). */
  isComplete: boolean;
}

export function InstrumentField({ value, choices, isComplete }: Props) {
  const id = useId();
  const [options, setOptions] = useState(choices);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function suggest(text: string) {
    if (isComplete) return;
    clearTimeout(timer.current);
    if (text.trim().length < 2) return;
    timer.current = setTimeout(() => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      fetch(`/search/instruments?q=${encodeURIComponent(text.trim())}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<InstrumentChoice[]>) : []))
        .then((found) => setOptions(found))
        .catch(() => {});
    }, 200);
  }

  return (
    <span className="filter-select instrument-field">
      <label htmlFor={`${id}-input`}>Instrument</label>{" "}
      <input
        id={`${id}-input`}
        type="text"
        name="instrument"
        list={`${id}-list`}
        defaultValue={value ?? ""}
        autoComplete="off"
        spellCheck={false}
        size={14}
        maxLength={20}
        aria-describedby={`${id}-hint`}
        onChange={(e) => suggest(e.target.value)}
      />
      <datalist id={`${id}-list`}>
        {options.map((i) => (
          <option key={i.celex} value={i.celex}>
            {i.shortName}
          </option>
        ))}
      </datalist>
      <span id={`${id}-hint`} className="muted hint">
        {" "}
        CELEX number, e.g. 31995L0046{isComplete ? "" : "; type a name or number for suggestions"} (<Link href="/instruments">list of instruments</Link>); empty for any instrument
      </span>
    </span>
  );
}
