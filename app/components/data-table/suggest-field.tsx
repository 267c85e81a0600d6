"use client";
/**
 * A filter field for an identifier (a CELEX number, an obligation key) with a
 * <datalist> of suggestions. The server sends the whole list only while it is
 * short; beyond that the browser asks `suggestPath?q=…` (JSON
 * `[{ value, label }]`) as the user types. Without JavaScript it is a plain
 * text field for the identifier; the hint says how to find one.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface SuggestChoice {
  value: string;
  label: string;
}

interface Props {
  name: string;
  label: string;
  value: string | null;
  choices: SuggestChoice[];
  /** True when `choices` is the whole list (no need to ask the server). */
  isComplete: boolean;
  /** Route answering `?q=<text>` with up to 20 matching choices. */
  suggestPath: string;
  /** What to type, e.g. "CELEX number, e.g. 31995L0046", and where to look one up. */
  hint: ReactNode;
  size: number;
  maxLength: number;
}

export function SuggestField({ name, label, value, choices, isComplete, suggestPath, hint, size, maxLength }: Props) {
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
      fetch(`${suggestPath}?q=${encodeURIComponent(text.trim())}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<SuggestChoice[]>) : []))
        .then((found) => setOptions(found))
        .catch(() => {});
    }, 200);
  }

  return (
    <span className="filter-select suggest-field">
      <label htmlFor={`${id}-input`}>{label}</label>{" "}
      <input
        id={`${id}-input`}
        type="text"
        name={name}
        list={`${id}-list`}
        defaultValue={value ?? ""}
        autoComplete="off"
        spellCheck={false}
        size={size}
        maxLength={maxLength}
        aria-describedby={`${id}-hint`}
        onChange={(e) => suggest(e.target.value)}
      />
      <datalist id={`${id}-list`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
      <span id={`${id}-hint`} className="muted hint">
        {" "}
        {hint}
        {isComplete ? "" : " Type a few letters of a name or number for suggestions."}
      </span>
    </span>
  );
}
